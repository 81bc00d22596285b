-- wrk script: every request asks the next path of a file (BENCH_PATHS, one per line),
-- each thread starting at its own place, so a run sends distinct URLs as real traffic
-- does instead of one URL into a cache. The file is shuffled by bench/serving.py.
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
end

function init(args)
  paths = {}
  for line in io.lines(os.getenv("BENCH_PATHS")) do
    paths[#paths + 1] = line
  end
  local threads = tonumber(os.getenv("BENCH_THREADS") or "2")
  position = math.floor((index - 1) * #paths / threads)
end

function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position])
end
