"""The application factory: routers, error handlers and the OpenAPI document."""

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.routing import APIRoute
from fastapi_offline import FastAPIOffline
from starlette.types import ASGIApp

from api.config import Settings, get_settings
from api.http.metrics import Metrics
from api.http.middleware.allowed_hosts import AllowedHostsMiddleware
from api.http.middleware.client_gone import ClientGoneMiddleware
from api.http.middleware.etag import GZIP_MINIMUM_SIZE, ETagMiddleware
from api.http.middleware.head import HeadMiddleware
from api.http.middleware.last_resort import LastResortMiddleware
from api.http.middleware.observe import ObserveMiddleware
from api.http.middleware.overload import ConcurrencyLimitMiddleware
from api.http.middleware.request_limits import RequestLimitsMiddleware
from api.http.middleware.response_cache import ResponseCacheMiddleware
from api.http.middleware.security_headers import SecurityHeadersMiddleware
from api.http.openapi import build_openapi
from api.http.problems import install_error_handlers
from api.http.rate_limits import RateLimits
from api.http.routes import (
    changes,
    claim_edits,
    claims,
    contexts,
    export,
    fhir,
    health,
    risk_factors,
    sources,
    tags,
)
from api.http.routes import metrics as metrics_route
from api.http.routes.changes import STREAM_PATH
from api.http.routes.health import HEALTH_PATH
from api.http.routes.metrics import METRICS_PATH
from api.http.streams import Streams
from api.records.fields import DISCLAIMER
from api.store.engine import make_engine
from api.store.key_reads import KeyReader
from api.store.revision import revision_reader

DESCRIPTION = f"""
Structured claims of health articles, each a typed record with tags and a pointer to
the exact words of its source.

**Where the data comes from.** Every claim is curated from a source text stored here
byte for byte (`GET /v1/sources/{{id}}` serves it with its SHA-256). A claim's `quote`
is `text[start:end]` of its source, so any client can cite it and verify it. Claims keep
the source's hedges: `certainty` and `hedges` say how strongly the source puts a claim,
and `statement` never says more than the quote. Today the knowledge base holds the
article *Can Botox for Migraines Make Them Worse?* (no author, date or URL given).

**Not medical advice.** {DISCLAIMER}

**Reads are public; writes need a curator's API key** (`Authorization: Bearer <key>`,
made with `kb keys create NAME`). A change to an existing record needs `If-Match` with
the ETag of the version you read (428 without it, 412 when someone changed it since).

**Caching.** Every read has an `ETag` (send it back in `If-None-Match` for a `304`), and
the API keeps each answer in memory until the data changes: `Cache-Status: kb; hit` says
an answer was kept. A change is seen by the very next read.

Errors are [RFC 9457](https://www.rfc-editor.org/rfc/rfc9457) problem details
(`application/problem+json`). Lists answer `{{"data": [...], "meta": {{...}}, "links": {{...}}}}`.
"""

OPENAPI_TAGS = [
    {"name": "claims", "description": "Every claim, of every type, with filters."},
    {"name": "risk-factors", "description": "What sources say can make migraines worse, by rank."},
    {"name": "tags", "description": "The controlled vocabulary claims are tagged with."},
    {"name": "sources", "description": "The texts claims are quoted from."},
    {
        "name": "changes",
        "description": "Every accepted change, in commit order: how apps stay in sync.",
    },
    {"name": "export", "description": "Everything at once, to mirror the knowledge base."},
    {"name": "json-ld", "description": "The context of the JSON-LD renderings."},
    {
        "name": "fhir",
        "description": "Read-only FHIR R5: risk factors and the conclusion as "
        "ClinicalUseDefinition, sources as Citation.",
    },
    {"name": "health", "description": "Liveness of the API and its database."},
]


def _operation_id(route: APIRoute) -> str:
    """`claims-list_claims`: generated clients get readable, unique method names."""
    return f"{route.tags[0]}-{route.name}" if route.tags else route.name


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    engine = make_engine(settings, serving=True)
    key_reader = KeyReader(engine, settings)
    revision = revision_reader(engine)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Everything made so far lives as long as the process: out of the collector's
        # sight (gc.freeze), a full collection no longer walks it. The OpenAPI document
        # is made first so it is among them: walking it stalled answers for 100-400 ms.
        app.openapi()
        gc.freeze()
        yield
        await streams.aclose()
        if revision is not None:
            await revision.aclose()
        await key_reader.aclose()
        engine.dispose()

    # Swagger UI and ReDoc load their scripts and styles from this server, from assets
    # that the fastapi-offline package installs: the docs work with no internet.
    app = FastAPIOffline(
        static_url="/docs-assets",
        title="Migraine Claims KB",
        version="1.0.0",
        summary="The claims of a health article as typed, tagged, source-anchored JSON records.",
        description=DESCRIPTION,
        openapi_tags=OPENAPI_TAGS,
        generate_unique_id_function=_operation_id,
        lifespan=lifespan,
        telemetry={
            "tracing": settings.opentelemetry,
            "metrics": settings.opentelemetry,
            "logs": settings.opentelemetry,
        },
    )
    app.state.settings = settings
    app.state.revision = revision
    app.state.streams = streams = Streams(
        revision,
        limit=settings.max_streams,
        heartbeat_seconds=settings.stream_heartbeat_seconds,
    )
    metrics = Metrics()
    build_stack = app.build_middleware_stack

    def build_middleware_stack() -> ASGIApp:
        """Outside every other layer, FastAPI's own included: a kept answer is sent before
        anything else runs, so a repeat read costs little more than the server's work;
        and outside that, every answer is counted and logged."""
        stack = build_stack()
        if revision is not None and settings.response_cache_bytes:
            stack = ResponseCacheMiddleware(
                stack, revision=revision, max_bytes=settings.response_cache_bytes
            )
        return ObserveMiddleware(stack, metrics=metrics, paths=route_templates)

    def route_templates() -> list[str]:
        return [*app.openapi()["paths"], METRICS_PATH]

    app.build_middleware_stack = build_middleware_stack  # type: ignore[method-assign]
    app.state.engine = engine
    app.state.key_reader = key_reader
    app.state.rate_limits = RateLimits(settings)
    app.state.metrics = metrics
    install_error_handlers(app)
    # Outermost last: CORS answers preflights, HEAD borrows GET, gzip wraps the final body.
    app.add_middleware(LastResortMiddleware)
    app.add_middleware(ETagMiddleware)
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MINIMUM_SIZE)
    app.add_middleware(HeadMiddleware)
    app.add_middleware(RequestLimitsMiddleware, limit=settings.max_body_bytes)
    # Inside the slots: a read no one waits for gives its slot back as it stops.
    app.add_middleware(ClientGoneMiddleware, exempt=frozenset({STREAM_PATH}))
    # Inside CORS, so a browser can read a shed request's 503.
    app.add_middleware(
        ConcurrencyLimitMiddleware,
        limit=settings.max_concurrent_requests,
        wait_seconds=settings.queue_wait_seconds,
        deadline_seconds=settings.request_timeout_seconds,
        # Streams are long, and bounded on their own (api.http.streams).
        exempt=frozenset({HEALTH_PATH, METRICS_PATH, STREAM_PATH}),
        on_shed=lambda reason: metrics.shed.labels(reason).inc(),
    )
    # Any origin may call: writes carry a bearer key, never cookies, so no page can make
    # a visitor's browser write with the visitor's authority.
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_methods=["GET", "HEAD", "OPTIONS", "POST", "PATCH", "DELETE"],
        allow_headers=[
            "Accept",
            "Accept-Encoding",
            "Authorization",
            "Content-Type",
            "If-Match",
            "If-None-Match",
            "Last-Event-ID",
        ],
        expose_headers=["ETag", "Link", "Cache-Control", "Location"],
        max_age=86400,
    )
    # Before anything builds a link from the Host header.
    app.add_middleware(
        AllowedHostsMiddleware,
        hosts=settings.served_hosts,
        exempt=frozenset({HEALTH_PATH, METRICS_PATH}),
    )
    # Outermost of ours: every answer, CORS preflights and shed 503s included, gets them.
    app.add_middleware(SecurityHeadersMiddleware, docs_paths=frozenset({"/docs", "/redoc"}))
    routers = (claims, claim_edits, risk_factors, tags, sources, changes, export, contexts, fhir)
    for module in (*routers, health, metrics_route):
        app.include_router(module.router)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = build_openapi(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


app = create_app()
