"""HTTP: the routes, their dependencies, paging, content negotiation, authentication,
the OpenAPI document, the problem-details answer of every error, and the middleware
(ETags, HEAD, body limits, overload shedding, the response cache).

Imports: records, store, writes, formats, config, errors.
"""
