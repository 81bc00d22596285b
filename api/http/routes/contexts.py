from typing import Any

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from api.formats import jsonld
from api.http.negotiation import Format, negotiate
from api.http.problems import problem_responses

router = APIRouter(
    tags=["json-ld"],
    dependencies=[Depends(negotiate(Format.jsonld))],
    responses=problem_responses(406),
)


@router.get(
    jsonld.CONTEXT_PATH,
    summary="Get the JSON-LD context",
    response_class=JSONResponse,
    responses={200: {"content": {"application/ld+json": {"schema": {"type": "object"}}}}},
)
def get_context() -> JSONResponse:
    """The @context every JSON-LD answer of this API refers to: schema.org and W3C Web
    Annotation terms. Served here so no client or processor needs to fetch it elsewhere."""
    body: dict[str, Any] = jsonld.CONTEXT
    return JSONResponse(body, media_type="application/ld+json")
