"""HTTP: the routes, their dependencies, paging, content negotiation, authentication and
rate limits, the live change streams, the OpenAPI document, the problem-details answer
of every error, the counters for the operator, and the middleware (security headers,
allowed hosts, overload shedding and deadlines, request limits, HEAD, ETags, the
response cache, the access log).

Imports: records, store, writes, formats, config, errors, logs.
"""
