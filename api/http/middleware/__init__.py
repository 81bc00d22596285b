"""What every request passes through, outermost first as api.main stacks it: the
response cache (a kept answer leaves before anything else runs), CORS, overload shedding,
body limits, HEAD, gzip, the docs pages' security policy, ETags and 304s. Each is plain
ASGI, so the routes compute an answer once and every answer gets the same treatment."""
