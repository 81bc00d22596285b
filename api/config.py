"""Settings, read once from the environment (prefix ``KB_``; ``DATABASE_URL`` as is).

Imports: nothing of ours.
"""

from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent
"""The checkout this package runs from: migrations/ and data/ live beside api/."""


def _default_database_url() -> str:
    return f"sqlite:///{REPO_ROOT / 'var' / 'kb.sqlite3'}"


LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
"""Names a request made on this machine carries: what `make serve` answers by default."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KB_", extra="ignore")

    database_url: str = Field(
        default_factory=_default_database_url,
        validation_alias=AliasChoices("DATABASE_URL", "KB_DATABASE_URL"),
        description="SQLAlchemy URL; SQLite file under var/ unless set.",
    )
    data_dir: Path = Field(default=REPO_ROOT / "data", description="Where `kb load` reads from.")
    public_url: str | None = Field(
        default=None,
        description="Base URL clients reach the API at (https://kb.example.org); paging links "
        "use it instead of the request's Host header, which a client controls.",
    )
    allowed_hosts: Annotated[list[str] | None, NoDecode] = Field(
        default=None,
        description="Host names the API answers for, comma-separated (`kb.example.org`, "
        "`*.example.org`, `*` for any); 400 for any other Host header. Unset: any host "
        "when `public_url` is set (links never come from the Host header then), else "
        "only this machine's names (LOCAL_HOSTS).",
    )
    max_body_bytes: int = Field(
        default=2 * 1024 * 1024,
        ge=1024,
        description="Largest request body accepted (a new source carries its whole text); "
        "413 beyond it.",
    )
    response_cache_bytes: int = Field(
        default=64 * 1024 * 1024,
        ge=0,
        description="Memory each worker may keep answers of reads in, per data revision "
        "(api.http.middleware.response_cache); 0 turns the cache off.",
    )
    opentelemetry: bool = Field(
        default=False,
        description="FastAPI's own OpenTelemetry traces, metrics and logs, for a process "
        "that configures OpenTelemetry providers. Off, no request spends time looking "
        "for them (a third of a kept answer's cost).",
    )
    max_concurrent_requests: int = Field(
        default=8,
        ge=1,
        le=1000,
        description="Requests each worker computes at once (api.http.middleware.overload); "
        "kept answers are not counted. Beyond it a request waits up to `queue_wait_seconds`, "
        "then is answered 503 with Retry-After. The database pool holds as many connections.",
    )
    auth_failures_per_minute: int = Field(
        default=10,
        ge=1,
        description="Failed authentications one client address may make per minute (per "
        "worker); past it, every authenticated request from it is answered 429.",
    )
    writes_per_minute: int = Field(
        default=120,
        ge=1,
        description="Writes one API key may make per minute (per worker); past it, 429.",
    )
    max_connections: int = Field(
        default=1024,
        ge=1,
        description="Connections and requests each `kb serve` worker holds at once "
        "(uvicorn's limit_concurrency); past it the server itself answers 503.",
    )
    queue_wait_seconds: float = Field(
        default=0.5,
        gt=0,
        le=30,
        description="How long a request may wait for a free slot (and a database "
        "connection) before it is shed with a 503.",
    )
    statement_timeout_seconds: float = Field(
        default=5.0,
        gt=0,
        le=3600,
        description="Longest a single database statement of the API may run (SQLite: "
        "interrupted by a progress handler; PostgreSQL: statement_timeout); the request "
        "is answered 503. `kb load` and other commands have no such limit.",
    )
    request_timeout_seconds: float = Field(
        default=10.0,
        gt=0,
        le=3600,
        description="Longest a computed request may take before its answer starts (a "
        "database that stopped answering, a frozen network): then a read is answered 503 "
        "with Retry-After, a write 504 saying its outcome is unknown. The work itself "
        "keeps its slot until it ends. Streams that have started are not cut.",
    )
    max_streams: int = Field(
        default=100,
        ge=1,
        le=100_000,
        description="Live change streams (GET /v1/changes/stream) each worker holds open at "
        "once; past it a new one is answered 503 with Retry-After. A waiting stream holds "
        "no database connection.",
    )
    stream_heartbeat_seconds: float = Field(
        default=15.0,
        gt=0,
        le=300,
        description="How long a live stream may be silent before it sends a comment, so "
        "that proxies keep it open.",
    )
    header_timeout_seconds: float = Field(
        default=10.0,
        gt=0,
        le=600,
        description="Longest `kb serve` waits for a request's line and headers once a "
        "connection opens or a request begins; then 408 and the connection is closed.",
    )
    echo_sql: bool = False

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return [host.strip() for host in value.split(",") if host.strip()]
        return value

    @property
    def served_hosts(self) -> list[str]:
        """The Host header names requests may carry (see `allowed_hosts`)."""
        if self.allowed_hosts is not None:
            return self.allowed_hosts
        return ["*"] if self.public_url else list(LOCAL_HOSTS)

    @field_validator("database_url")
    @classmethod
    def _use_psycopg3(cls, url: str) -> str:
        """Plain ``postgresql://`` URLs name psycopg2 in SQLAlchemy; we ship psycopg 3."""
        for prefix in ("postgresql://", "postgres://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url.removeprefix(prefix)
        return url


@lru_cache
def get_settings() -> Settings:
    return Settings()
