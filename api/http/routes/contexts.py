from typing import Any

from fastapi import APIRouter, Depends

from api.formats import jsonld
from api.http.negotiation import MEDIA_TYPES, Format, JsonLdResponse, negotiate
from api.http.problems import problem_responses

router = APIRouter(
    tags=["json-ld"],
    dependencies=[Depends(negotiate(Format.jsonld))],
    responses=problem_responses(406),
)


@router.get(
    jsonld.CONTEXT_PATH,
    summary="Get the JSON-LD context",
    response_class=JsonLdResponse,
    responses={
        200: {
            "description": "The @context document.",
            "content": {
                MEDIA_TYPES[Format.jsonld]: {
                    "schema": {"$ref": "#/components/schemas/JsonLdContext"}
                }
            },
        }
    },
)
def get_context() -> JsonLdResponse:
    """The @context every JSON-LD answer of this API refers to: schema.org and W3C Web
    Annotation terms. Served here so no client or processor needs to fetch it elsewhere."""
    body: dict[str, Any] = jsonld.CONTEXT
    return JsonLdResponse(body)
