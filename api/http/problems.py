"""The RFC 9457 problem-details answer every error becomes: one handler per kind."""

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from api.errors import OUTCOME_UNKNOWN, UNAVAILABLE_RETRY_AFTER, ApiError
from api.logs import one_line
from api.records.problems import FieldError, Problem
from api.store.engine import (
    is_missing_schema,
    is_out_of_space,
    is_read_only,
    is_statement_timeout,
)
from api.store.interrupts import is_abandoned

log = logging.getLogger(__name__)

PROBLEM_MEDIA_TYPE = "application/problem+json"


class ProblemResponse(JSONResponse):
    media_type = PROBLEM_MEDIA_TYPE


def problem(
    status: int,
    detail: str,
    *,
    errors: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
) -> ProblemResponse:
    body = Problem(title=HTTPStatus(status).phrase, status=status, detail=detail, errors=errors)
    return ProblemResponse(body.model_dump(exclude_none=True), status_code=status, headers=headers)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the error statuses an operation can answer, all problem details."""
    return {
        status: {
            "description": HTTPStatus(status).phrase,
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for status in statuses
    }


WRITE_PROBLEMS = (400, 401, 413, 415, 422, 429)
"""What any write may answer: unreadable JSON, no key, too large, not JSON, invalid
fields, too many."""


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(DBAPIError, _database_unavailable)
    app.add_exception_handler(PoolTimeout, _database_unavailable)


async def _api_error(_request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, ApiError)
    return problem(exc.status, exc.detail, errors=exc.errors, headers=exc.headers)


METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def _allowed_methods(request: Request) -> str:
    """Every method some route answers at this path: Starlette's 405 names only the
    first route matching the path, and reads and writes of one path are separate routes."""
    routes = request.app.router.routes
    allowed = [
        method
        for method in METHODS
        if any(
            route.matches({**request.scope, "method": method})[0] is Match.FULL for route in routes
        )
    ]
    if "GET" in allowed and "HEAD" not in allowed:  # HeadMiddleware answers HEAD for GET
        allowed.insert(1, "HEAD")
    return ", ".join(allowed)


async def _http_error(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, StarletteHTTPException)
    headers = dict(exc.headers or {})
    detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).description
    if exc.status_code == 405:
        headers["Allow"] = _allowed_methods(request)
        detail = f"This resource answers only {headers['Allow']}."
    if exc.status_code == 400 and detail == "There was an error parsing the body":
        detail = "The request body could not be read: send JSON, encoded as UTF-8."
    return problem(exc.status_code, detail, headers=headers)


async def _invalid_request(_request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        FieldError(location=".".join(str(part) for part in error["loc"]), message=_message(error))
        for error in exc.errors()
    ]
    where = ", ".join(sorted({e.location for e in errors}))
    return problem(422, f"The request has invalid parameters: {where}.", errors=errors)


def _message(error: dict[str, Any]) -> str:
    if error.get("type") == "json_invalid":  # the reader's own words say what is wrong
        return f"The body is not valid JSON: {error.get('ctx', {}).get('error', 'unreadable')}"
    message = str(error.get("msg", "Invalid value")).removeprefix("Value error, ")
    if "input" in error and error.get("type") != "missing":
        shown = repr(error["input"])
        message += f" (got {shown[:80] + '...' if len(shown) > 80 else shown})"
    return message


SHED_RETRY_AFTER = "1"
"""Seconds a shed or interrupted read is told to wait: a burst passes in about that."""


def at_capacity() -> ProblemResponse:
    """The answer to a request this worker has no room for (no slot, no connection)."""
    return problem(
        503,
        "The server is at capacity; retry shortly.",
        headers={"Retry-After": SHED_RETRY_AFTER},
    )


READS = frozenset({"GET", "HEAD", "OPTIONS"})


def no_answer_in_time(method: str) -> ProblemResponse:
    """The answer to a request whose work did not finish by its deadline. A read may be
    retried; a write may still commit after this answer, so it says just that."""
    if method in READS:
        detail = "The database did not answer in time; retry shortly."
        return problem(503, detail, headers={"Retry-After": UNAVAILABLE_RETRY_AFTER})
    return problem(504, f"The database did not confirm this change in time: {OUTCOME_UNKNOWN}")


async def _database_unavailable(request: Request, exc: Exception) -> ProblemResponse:
    """The database is unreachable, busy past the wait (SQLite's one writer at a time,
    every connection of this worker in use), a statement ran past its time limit, the
    database takes no writes, has no room or has no tables: a moment later (or once its
    operator has acted) the same request may succeed. Logged in one line, no traceback.
    Any other database error is a bug (a 500)."""
    if is_abandoned():
        raise exc  # stopped because no one waits: the last-resort layer ends it quietly
    path = f"{request.method} {request.url.path}"
    if isinstance(exc, PoolTimeout):
        log.warning("no database connection free in time on %s", path)
        return at_capacity()
    if is_statement_timeout(exc):
        log.warning("statement timeout on %s?%s", path, request.url.query[:200])
        detail = "The query took longer than this API lets a query run; retry shortly."
        return problem(503, detail, headers={"Retry-After": SHED_RETRY_AFTER})
    if is_read_only(exc):
        log.error("the database refused a write as read-only on %s", path)
        detail = "The database takes no changes for now (it is read-only); reads still work."
    elif is_out_of_space(exc):
        log.error("the database has no room for a write (disk full) on %s", path)
        detail = "The database has no room for this change (its disk is full); reads still work."
    elif is_missing_schema(exc):
        log.error("the database has no tables for this API on %s: run `kb load`", path)
        detail = "The database is not ready: it has no tables for this version of the API."
    elif isinstance(exc, OperationalError):
        log.warning("database unavailable on %s: %s", path, one_line(exc))
        detail = "The database is busy or unreachable; retry shortly."
    else:
        raise exc  # a bug: the last-resort middleware answers 500 and logs it once
    return problem(503, detail, headers={"Retry-After": UNAVAILABLE_RETRY_AFTER})


CLIENT_CLOSED_REQUEST = 499
"""nginx's status for a request whose client left before its answer: never seen by a
client, only by the metrics and the access log."""


def unexpected() -> ProblemResponse:
    """The answer to a bug: a problem body, never a stack trace."""
    return problem(500, "The server failed to answer this request; it has been logged.")
