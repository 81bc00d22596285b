"""What every request passes through, outermost first as api.main stacks it: the
response cache (a kept answer leaves before anything else runs), security headers, CORS,
overload shedding, body limits, HEAD, gzip, ETags and 304s. Each is plain
ASGI, so the routes compute an answer once and every answer gets the same treatment."""
