"""What can go wrong with a request, as exceptions any layer may raise.

Each knows the HTTP status it is answered with (and any header or field errors that go
with it), so the reads and writes that raise them need no HTTP of their own, and one
handler (api.http.problems) turns every one into a problem-details answer.

Imports: records.
"""

from typing import ClassVar

from api.records.problems import FieldError


class ApiError(Exception):
    """An error the client can act on: its message is the problem's `detail`."""

    status: ClassVar[int]
    headers: dict[str, str] | None = None
    errors: list[FieldError] | None = None
    """One entry per bad field (422 only)."""

    @property
    def detail(self) -> str:
        return str(self)


class InvalidParameterError(ApiError):
    """A parameter is well-formed but cannot be used as given (a stale cursor, say)."""

    status = 422

    def __init__(self, location: str, message: str) -> None:
        self.location, self.message = location, message
        self.errors = [FieldError(location=location, message=message)]
        super().__init__(f"{location}: {message}")

    @property
    def detail(self) -> str:
        return f"The request has invalid parameters: {self.location}."


class NotAcceptableError(ApiError):
    """The client asked for a format this resource is not offered in."""

    status = 406

    def __init__(self, offered: list[str], *, asked: str) -> None:
        self.offered, self.asked = offered, asked
        super().__init__(
            f"Asked for {asked!s:.100}; this resource is offered as {', '.join(offered)}."
        )


class NotFoundError(ApiError):
    """A path named a record that does not exist."""

    status = 404

    def __init__(self, kind: str, key: str) -> None:
        self.kind, self.key = kind, key
        super().__init__(f"No {kind} with id {key!r}.")


class GoneError(ApiError):
    """The record existed and was withdrawn (FHIR answers a deleted resource with 410)."""

    status = 410


class Unauthorized(ApiError):
    """A write came without a live API key."""

    status = 401
    headers = {"WWW-Authenticate": 'Bearer realm="kb"'}


class ConflictError(ApiError):
    """The write contradicts the stored state (the id is taken, the claim is already
    retracted): retrying the same request cannot succeed."""

    status = 409


class PreconditionRequired(ApiError):
    """An update came without If-Match: it could overwrite an edit its author never saw."""

    status = 428


class PreconditionFailed(ApiError):
    """If-Match named a revision that is no longer current."""

    status = 412

    def __init__(self, detail: str, *, etag: str) -> None:
        self.etag = etag
        self.headers = {"ETag": etag}
        super().__init__(detail)


class TooManyRequests(ApiError):
    """A client or key past its rate limit; the headers say when to come back."""

    status = 429

    def __init__(self, detail: str, headers: dict[str, str]) -> None:
        super().__init__(detail)
        self.headers = headers


class UnsupportedMediaType(ApiError):
    """A body in a media type this operation does not read."""

    status = 415


UNAVAILABLE_RETRY_AFTER = "5"
"""Seconds a client is told to wait when the database does not answer at all."""


class DatabaseUnavailable(ApiError):
    """The database does not answer; a moment later it may."""

    status = 503
    headers = {"Retry-After": UNAVAILABLE_RETRY_AFTER}


class StreamsFull(ApiError):
    """This worker holds as many live streams as it may; another worker, or a moment
    later, may have room."""

    status = 503
    headers = {"Retry-After": UNAVAILABLE_RETRY_AFTER}

    def __init__(self, limit: int) -> None:
        super().__init__(f"This server holds its {limit} live streams; retry shortly.")


OUTCOME_UNKNOWN = (
    "it may or may not be applied. Read the record (its ETag) or /v1/changes before "
    "sending it again."
)


class OutcomeUnknown(ApiError):
    """A write whose commit the database did not acknowledge, and which it could not be
    asked about afterwards: only reading can tell."""

    status = 504

    def __init__(self) -> None:
        super().__init__(f"The database did not confirm this change: {OUTCOME_UNKNOWN}")


class WriteRefused(ApiError):
    """A write failed validation; one entry per bad field, as a 422 names them."""

    status = 422

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{e.location}: {e.message}" for e in errors))

    @property
    def detail(self) -> str:
        where = ", ".join(sorted({e.location for e in self.errors or ()}))
        return f"The record was refused: {where}."
