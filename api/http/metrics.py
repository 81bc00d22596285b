"""What the service counts for its operator, in Prometheus's format (`GET /metrics`).

Each app has a registry of its own (tests build many apps; a process's global registry
would refuse the second). With several uvicorn workers each worker counts its own
requests and a scrape reaches one of them: scrape each worker (its own port), or sum what
they report over time, as with any multi-process Python server without a shared store.
"""

from bisect import bisect_left
from collections.abc import Iterator

from prometheus_client import CollectorRegistry, Counter, Gauge
from prometheus_client.core import CounterMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.process_collector import ProcessCollector
from prometheus_client.registry import Collector
from prometheus_client.utils import floatToGoString

LATENCY_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
"""From a kept answer (well under a millisecond) to the request deadline."""


class Answers(Collector):
    """Every answer counted and timed, by plain additions on the event loop, and turned
    into Prometheus's families only when scraped.

    prometheus-client's own counters take a lock per update (they may be shared between
    threads): three of them cost a kept answer, which takes some 15 us in all, several
    microseconds. Every answer is counted on the event loop, and a scrape reads there
    too, so nothing here needs one.
    """

    def __init__(self) -> None:
        self.requests: dict[tuple[str, str, int], int] = {}
        self.latency: dict[str, list[float]] = {}
        """Per route: one count per bucket (not cumulative), then +Inf's, then the sum."""
        self.kept = {"hit": 0, "miss": 0}

    def count(self, route: str, method: str, status: int, seconds: float) -> None:
        key = (route, method, status)
        self.requests[key] = self.requests.get(key, 0) + 1
        buckets = self.latency.get(route)
        if buckets is None:
            buckets = self.latency[route] = [0.0] * (len(LATENCY_BUCKETS) + 2)
        buckets[bisect_left(LATENCY_BUCKETS, seconds)] += 1
        buckets[-1] += seconds

    def collect(self) -> Iterator[Metric]:
        requests = CounterMetricFamily(
            "kb_http_requests",
            "Requests answered, by route (its template), method and status.",
            labels=["route", "method", "status"],
        )
        for (route, method, status), answered in list(self.requests.items()):
            requests.add_metric([route, method, str(status)], answered)
        yield requests
        latency = HistogramMetricFamily(
            "kb_http_request_duration_seconds",
            "Time from a request's arrival to the end of its answer, by route.",
            labels=["route"],
        )
        for route, buckets in list(self.latency.items()):
            cumulative, running = [], 0.0
            for bound, within in zip([*LATENCY_BUCKETS, float("inf")], buckets, strict=False):
                running += within
                cumulative.append((floatToGoString(bound), running))  # type: ignore[no-untyped-call]
            latency.add_metric([route], cumulative, sum_value=buckets[-1])
        yield latency
        kept = CounterMetricFamily(
            "kb_response_cache",
            "Reads the response cache answered (hit) or had computed and kept (miss).",
            labels=["result"],
        )
        for result, answered in self.kept.items():
            kept.add_metric([result], answered)
        yield kept


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        ProcessCollector(registry=self.registry)
        self.answers = Answers()
        self.registry.register(self.answers)
        self.shed = Counter(
            "kb_shed_requests",
            "Requests answered without their work done: no slot free in time (capacity), "
            "or no answer by the request deadline (deadline).",
            ["reason"],
            registry=self.registry,
        )
        self.pool_in_use = Gauge(
            "kb_db_pool_connections_in_use",
            "Database connections of this worker's pool checked out, at the scrape.",
            registry=self.registry,
        )
        self.change_log_position = Gauge(
            "kb_change_log_position",
            "Id of the latest change in the change log (the data revision), at the scrape; "
            "-1 when the database did not answer.",
            registry=self.registry,
        )
