import logging

from fastapi import APIRouter, HTTPException
from sqlalchemy.exc import SQLAlchemyError

from api.http.deps import SessionDep
from api.http.problems import UNAVAILABLE_RETRY_AFTER, problem_responses
from api.records.health import Health
from api.store import reads

log = logging.getLogger(__name__)
router = APIRouter(tags=["health"])


@router.get(
    "/healthz", summary="Check health", response_model=Health, responses=problem_responses(503)
)
def healthz(session: SessionDep) -> Health:
    """`200 ok` only when the database answers a query; `503` otherwise."""
    try:
        reads.ping(session=session)
    except SQLAlchemyError as exc:
        log.warning("health check: database did not answer", exc_info=True)
        raise HTTPException(
            503,
            "The database is not answering.",
            headers={"Retry-After": UNAVAILABLE_RETRY_AFTER},
        ) from exc
    return Health(status="ok")
