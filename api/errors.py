"""Domain errors and the RFC 9457 problem-details answers every error becomes."""

import logging
from collections.abc import Sequence
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from api.db import is_statement_timeout
from api.schemas import FieldError, Problem

if TYPE_CHECKING:
    from api.validation import DataProblem

log = logging.getLogger(__name__)

PROBLEM_MEDIA_TYPE = "application/problem+json"


class ProblemResponse(JSONResponse):
    media_type = PROBLEM_MEDIA_TYPE


class DataError(Exception):
    """data/ (or a write) failed validation; carries every problem found, not just the first."""

    def __init__(self, problems: Sequence["DataProblem"]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class InvalidParameterError(Exception):
    """A parameter is well-formed but cannot be used as given (a stale cursor, say)."""

    def __init__(self, location: str, message: str) -> None:
        self.location, self.message = location, message
        super().__init__(f"{location}: {message}")


class NotAcceptableError(Exception):
    """The client asked for a format this resource is not offered in."""

    def __init__(self, offered: list[str], *, asked: str) -> None:
        self.offered, self.asked = offered, asked
        super().__init__(
            f"Asked for {asked!s:.100}; this resource is offered as {', '.join(offered)}."
        )


class NotFoundError(Exception):
    """A path named a record that does not exist."""

    def __init__(self, kind: str, key: str) -> None:
        self.kind, self.key = kind, key
        super().__init__(f"No {kind} with id {key!r}.")


class GoneError(Exception):
    """The record existed and was withdrawn (FHIR answers a deleted resource with 410)."""


class Unauthorized(Exception):
    """A write came without a live API key."""


class ConflictError(Exception):
    """The write contradicts the stored state (the id is taken, the claim is already
    retracted): retrying the same request cannot succeed."""


class PreconditionRequired(Exception):
    """An update came without If-Match: it could overwrite an edit its author never saw."""


class PreconditionFailed(Exception):
    """If-Match named a revision that is no longer current."""

    def __init__(self, detail: str, *, etag: str) -> None:
        self.etag = etag
        super().__init__(detail)


class WriteRefused(Exception):
    """A write failed validation; one entry per bad field, as a 422 names them."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{e.location}: {e.message}" for e in errors))


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


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(NotFoundError, _not_found)
    app.add_exception_handler(InvalidParameterError, _invalid_parameter)
    app.add_exception_handler(NotAcceptableError, _not_acceptable)
    app.add_exception_handler(GoneError, _gone)
    app.add_exception_handler(Unauthorized, _unauthorized)
    app.add_exception_handler(ConflictError, _conflict)
    app.add_exception_handler(PreconditionRequired, _precondition_required)
    app.add_exception_handler(PreconditionFailed, _precondition_failed)
    app.add_exception_handler(WriteRefused, _write_refused)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(OperationalError, _database_unavailable)
    app.add_exception_handler(PoolTimeout, _database_unavailable)
    app.add_exception_handler(Exception, _unexpected)


async def _not_found(_request: Request, exc: Exception) -> ProblemResponse:
    return problem(404, str(exc))


async def _not_acceptable(_request: Request, exc: Exception) -> ProblemResponse:
    return problem(406, str(exc))


async def _gone(_request: Request, exc: Exception) -> ProblemResponse:
    return problem(410, str(exc))


async def _unauthorized(_request: Request, exc: Exception) -> ProblemResponse:
    return problem(401, str(exc), headers={"WWW-Authenticate": 'Bearer realm="kb"'})


async def _conflict(_request: Request, exc: Exception) -> ProblemResponse:
    return problem(409, str(exc))


async def _precondition_required(_request: Request, exc: Exception) -> ProblemResponse:
    return problem(428, str(exc))


async def _precondition_failed(_request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, PreconditionFailed)
    return problem(412, str(exc), headers={"ETag": exc.etag})


async def _write_refused(_request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, WriteRefused)
    where = ", ".join(sorted({e.location for e in exc.errors}))
    return problem(422, f"The record was refused: {where}.", errors=exc.errors)


async def _invalid_parameter(_request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, InvalidParameterError)
    return problem(
        422,
        f"The request has invalid parameters: {exc.location}.",
        errors=[FieldError(location=exc.location, message=exc.message)],
    )


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


async def _database_unavailable(request: Request, exc: Exception) -> ProblemResponse:
    """The database is unreachable, busy past the wait (SQLite's one writer at a time,
    every connection of this worker in use), or a statement ran past its time limit: a
    moment later the same request may succeed. Logged in one line, no traceback."""
    path = f"{request.method} {request.url.path}"
    if isinstance(exc, PoolTimeout):
        log.warning("no database connection free in time on %s", path)
        return at_capacity()
    if is_statement_timeout(exc):
        log.warning("statement timeout on %s?%s", path, request.url.query[:200])
        detail = "The query took longer than this API lets a query run; retry shortly."
        return problem(503, detail, headers={"Retry-After": SHED_RETRY_AFTER})
    log.warning("database unavailable on %s: %s", path, str(exc).split("\n")[0])
    detail = "The database is busy or unreachable; retry shortly."
    return problem(503, detail, headers={"Retry-After": "5"})


async def _unexpected(request: Request, exc: Exception) -> ProblemResponse:
    """Log the trace for us; the client gets a problem body, never a stack trace."""
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem(500, "The server failed to answer this request; it has been logged.")
