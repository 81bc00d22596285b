import asyncio
import contextlib

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from api.http.deps import EngineDep, RevisionDep
from api.http.metrics import Metrics

router = APIRouter()

METRICS_PATH = "/metrics"


@router.get(METRICS_PATH, include_in_schema=False)
async def metrics(request: Request, engine: EngineDep, revision: RevisionDep) -> Response:
    """This worker's counters for Prometheus; off the public docs, not an API for apps."""
    counted: Metrics = request.app.state.metrics
    counted.pool_in_use.set(getattr(engine.pool, "checkedout", lambda: 0)())
    latest = None
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(1):
            latest = await revision() if revision is not None else None
    counted.change_log_position.set(latest[0] if latest is not None else -1)
    return Response(generate_latest(counted.registry), media_type=CONTENT_TYPE_LATEST)
