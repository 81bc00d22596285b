import asyncio
import logging

from fastapi import APIRouter

from api.errors import DatabaseUnavailable
from api.http.deps import EngineDep, RevisionDep
from api.http.problems import problem_responses
from api.records.health import Health
from api.store import reads
from api.store.engine import read

log = logging.getLogger(__name__)
router = APIRouter(tags=["health"])

HEALTH_PATH = "/healthz"
HEALTH_WAIT_SECONDS = 1.0
"""A monitor has its answer within this, whatever the load or the network does."""


@router.get(
    HEALTH_PATH, summary="Check health", response_model=Health, responses=problem_responses(503)
)
async def healthz(revision: RevisionDep, engine: EngineDep) -> Health:
    """`200 ok` only when the database answers a query within a second; `503` otherwise.
    A worker busy to capacity still answers it: it sheds other requests, not its health."""
    # On the event loop, through the connection the worker reads the data revision with:
    # no slot of the worker's limit, no pooled connection.
    try:
        async with asyncio.timeout(HEALTH_WAIT_SECONDS):
            if revision is not None:
                answered = await revision() is not None
            else:  # an in-memory database: only the pool's connections see it
                await read(engine, lambda session: reads.ping(session=session))
                answered = True
    except Exception:
        log.warning("health check: the database did not answer", exc_info=True)
        answered = False
    if not answered:
        raise DatabaseUnavailable("The database is not answering.")
    return Health(status="ok")
