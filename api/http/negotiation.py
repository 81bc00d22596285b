"""Content negotiation: `Accept` picks the format, a `format` parameter overrides it.

Every negotiated route computes its data once and renders it in the format chosen here;
a format the route does not offer, named either way, is a 406 problem.
"""

from collections.abc import Awaitable, Callable
from enum import StrEnum
from typing import Annotated, Any, TypeVar

from fastapi import Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from api.errors import NotAcceptableError
from api.formats import jsonld
from api.http.paging import public_base
from api.records.pages import Page


class Format(StrEnum):
    json = "json"
    jsonld = "jsonld"
    ndjson = "ndjson"
    fhir = "fhir"


MEDIA_TYPES = {
    Format.json: "application/json",
    Format.jsonld: "application/ld+json",
    Format.ndjson: "application/x-ndjson",
    Format.fhir: "application/fhir+json",
}
ALSO_ACCEPTED = {Format.fhir: ("application/json",)}
"""Other media types a format answers to: FHIR servers take plain JSON requests too."""


def choose(accept: str | None, offered: tuple[Format, ...]) -> Format | None:
    """The offered format the Accept header prefers most (RFC 9110 12.5.1), if any."""
    if not accept or not accept.strip():
        return offered[0]
    ranges: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        media, *params = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranges.append((-quality, position, media.lower()))
    for _, _, media in sorted(ranges):
        for fmt in offered:
            kinds = (MEDIA_TYPES[fmt], *ALSO_ACCEPTED.get(fmt, ()))
            if media == "*/*" or any(media in (k, k.split("/")[0] + "/*") for k in kinds):
                return fmt
    return None


def negotiate(*offered: Format) -> Callable[..., Awaitable[Format]]:
    """A dependency choosing among `offered` (the first is the default)."""
    names = [fmt.value for fmt in offered]

    async def dependency(
        request: Request,
        format: Annotated[
            str | None,
            Query(
                description="Response format, overriding the Accept header: "
                + ", ".join(f"`{f.value}` ({MEDIA_TYPES[f]})" for f in offered)
                + ". Anything else is a 406.",
                examples=[names[0]],
                json_schema_extra={"enum": names},
            ),
        ] = None,
    ) -> Format:
        if format is not None:
            if format not in names:
                raise NotAcceptableError(offered_media(offered), asked=f"format={format}")
            return Format(format)
        chosen = choose(request.headers.get("accept"), offered)
        if chosen is None:
            raise NotAcceptableError(
                offered_media(offered), asked=f"Accept: {request.headers.get('accept')}"
            )
        return chosen

    return dependency


def offered_media(offered: tuple[Format, ...]) -> list[str]:
    return [MEDIA_TYPES[fmt] for fmt in offered]


class JsonLdResponse(JSONResponse):
    media_type = MEDIA_TYPES[Format.jsonld]


def jsonld_alternative(schema: str) -> dict[int | str, dict[str, Any]]:
    """The 200 of a route that also answers in JSON-LD, whose document is `schema`."""
    return {
        200: {
            "description": "JSON by default; JSON-LD with `Accept: application/ld+json` or "
            "`format=jsonld`: schema.org terms, quotes anchored by W3C Web Annotation "
            "selectors; the @context is GET /v1/context.jsonld.",
            "content": {
                MEDIA_TYPES[Format.jsonld]: {"schema": {"$ref": f"#/components/schemas/{schema}"}}
            },
        }
    }


M = TypeVar("M", bound=BaseModel)


def render_stored(
    body: bytes,
    fmt: Format,
    request: Request,
    response: Response,
    parse: Callable[[], BaseModel],
) -> Response:
    """An answer whose JSON is already rendered (stored documents): sent as it is, or
    parsed into its model for JSON-LD."""
    response.headers.add_vary_header("Accept")
    if fmt is Format.jsonld:
        return _jsonld(parse(), request, response)
    return Response(body, media_type=MEDIA_TYPES[Format.json], headers=dict(response.headers))


def render(
    found: M,
    fmt: Format,
    request: Request,
    response: Response,
) -> M | JSONResponse:
    """One answer in the negotiated format, from data computed once.

    `found` is an item, or a page whose `data` holds items (each rendered as JSON-LD by
    api.formats.jsonld.node). Headers the route set (Link) are kept, and the answer
    varies on Accept.
    """
    response.headers.add_vary_header("Accept")
    if fmt is not Format.jsonld:
        return found
    return _jsonld(found, request, response)


def _jsonld(found: BaseModel, request: Request, response: Response) -> JSONResponse:
    base = public_base(request)
    if isinstance(found, Page):
        nodes = [jsonld.node(item, base) for item in found.data]
        document = jsonld.item_list(nodes, base, found.links.self)
    else:
        document = jsonld.document(jsonld.node(found, base), base)
    return JsonLdResponse(document, headers=dict(response.headers))
