"""The OpenAPI document: FastAPI's, plus what middleware and error handlers add to every GET."""

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from api.formats import fhir, jsonld
from api.http.middleware.etag import CACHE_CONTROL
from api.http.paging import CURSOR_EXAMPLES
from api.http.problems import problem_responses
from api.records.problems import Problem

_REF = "#/components/schemas/{model}"
EVENT_STREAM = "text/event-stream"

_CACHING_HEADERS = {
    "ETag": {
        "description": "Validator of this answer (weak for lists; for a claim or tag, its "
        "revision, to send in If-Match when editing); send it back in If-None-Match.",
        "schema": {"type": "string", "examples": ['W/"3f1c0a9d5e7b2c4a8f6e1d0b9a7c5e3f"']},
    },
    "Cache-Control": {
        "description": "Caches may store the answer but must revalidate it.",
        "schema": {"type": "string", "examples": [CACHE_CONTROL]},
    },
}
_CACHE_STATUS = {
    "Cache-Status": {
        "description": "RFC 9211: `kb; hit` when this worker answered from the answers it "
        "keeps, `kb; fwd=miss` when it computed the answer.",
        "schema": {"type": "string", "examples": ["kb; hit"]},
    }
}
_REVISION_ETAG = {
    "ETag": {
        "description": "The record's revision after this change: send it in If-Match to "
        "change the record again.",
        "schema": {"type": "string", "examples": ['"r2"']},
    }
}
_LOCATION = {
    "Location": {
        "description": "The new record's URL.",
        "schema": {"type": "string", "examples": ["http://127.0.0.1:8000/v1/tags/allergy"]},
    }
}
_REVISIONED = {_REF.format(model="Claim"), _REF.format(model="TagPublic")}
"""Records with revisions: a write that answers with one also sends its ETag."""
_LINK_HEADER = {
    "Link": {
        "description": "RFC 8288 links to the next and previous pages (as in `links`).",
        "schema": {
            "type": "string",
            "examples": ['<http://127.0.0.1:8000/v1/claims?limit=50&offset=50>; rel="next"'],
        },
    }
}
_IF_NONE_MATCH = {
    "name": "If-None-Match",
    "in": "header",
    "required": False,
    "description": "ETags of answers you hold; if one matches, the answer is 304 with no body.",
    "schema": {"type": "string"},
    "example": 'W/"3f1c0a9d5e7b2c4a8f6e1d0b9a7c5e3f"',
}


def build_openapi(app: FastAPI) -> dict[str, Any]:
    document = get_openapi(
        title=app.title,
        version=app.version,
        summary=app.summary,
        description=app.description,
        routes=app.routes,
        tags=app.openapi_tags,
        servers=[{"url": "/", "description": "The server this document was read from."}],
    )
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    schemas.update(jsonld.SCHEMAS)
    schemas.update(fhir.SCHEMAS)
    problem = Problem.model_json_schema(ref_template=_REF)
    schemas.update(problem.pop("$defs", {}))
    schemas["Problem"] = problem
    # FastAPI's own 422 shapes are never answered: every error is a Problem.
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)

    for item in document["paths"].values():
        operation = item.get("get")
        if operation is None or EVENT_STREAM in operation["responses"]["200"].get("content", {}):
            continue  # a live stream is not cached, revalidated or answered 304
        invalid = operation["responses"].get("422")
        if invalid is not None and "application/json" in invalid.get("content", {}):
            # FastAPI's own 422 entry: our handler answers every 422 as a Problem.
            operation["responses"]["422"] = problem_responses(422)[422]
        operation.setdefault("parameters", []).append(_IF_NONE_MATCH)
        ok = operation["responses"]["200"]
        ok["headers"] = {**_CACHING_HEADERS, **_CACHE_STATUS}
        body = ok.get("content", {}).get("application/json", {}).get("schema", {})
        if body.get("$ref", "").endswith("Page"):
            ok["headers"].update(_LINK_HEADER)
        operation["responses"]["304"] = {
            "description": "Not Modified: the ETag in If-None-Match still matches.",
            "headers": dict(_CACHING_HEADERS),
        }
    for path, example in CURSOR_EXAMPLES.items():
        for parameter in document["paths"][path]["get"]["parameters"]:
            if parameter["name"] == "cursor":
                parameter["schema"]["examples"] = [example]
    for item in document["paths"].values():
        for method, operation in item.items():
            responses = operation["responses"]
            responses.setdefault("503", _UNAVAILABLE)
            if method != "get":
                responses.setdefault("504", _UNCONFIRMED)
            for status in (414, 431):  # any request, before any route reads it
                responses.setdefault(str(status), problem_responses(status)[status])
    _claim_body(document)
    for item in document["paths"].values():
        for method, operation in item.items():
            _parameters(operation, schemas)
            operation.setdefault("security", [])  # public: no key needed
            if method != "get":
                _write_headers(operation)
    return document


def _parameters(operation: dict[str, Any], schemas: dict[str, Any]) -> None:
    """Name each parameter's shape plainly for generators: repeated query parameters are
    `form`, exploded (`?tag=a&tag=b`); a format's choices are an enum of their own; and
    If-Match is required (the route takes it optional only to answer 428, not 422)."""
    for parameter in operation.get("parameters", []):
        schema = parameter["schema"]
        if parameter["in"] == "query" and "array" in (
            schema.get("type"),
            *(choice.get("type") for choice in schema.get("anyOf", [])),
        ):
            parameter.update(style="form", explode=True)
        if parameter["name"] == "format" and "enum" in schema:
            offered = schema["enum"]
            name = "Format" + "".join(value.capitalize() for value in offered)
            schemas[name] = {
                "type": "string",
                "enum": offered,
                "title": name,
                "description": "A response format this operation offers.",
            }
            parameter["schema"] = {"$ref": _REF.format(model=name)}
            parameter["description"] = schema["description"]
            parameter["example"] = schema["examples"][0]
        if parameter["name"] == "If-Match":
            parameter["required"] = True


def _write_headers(operation: dict[str, Any]) -> None:
    for status, response in operation["responses"].items():
        body = response.get("content", {}).get("application/json", {}).get("schema", {})
        headers = {
            **(_LOCATION if status == "201" else {}),
            **(_REVISION_ETAG if body.get("$ref") in _REVISIONED else {}),
        }
        if status.startswith("2") and headers:
            response["headers"] = headers


_UNCONFIRMED = {
    **problem_responses(504)[504],
    "description": "Gateway Timeout: the database did not confirm the change in time; it may "
    "or may not be applied. Read the record (its ETag) before sending it again.",
}

_UNAVAILABLE = {
    **problem_responses(503)[503],
    "description": "Service Unavailable: the worker is at capacity, a query ran past its "
    "time limit, or the database is busy or unreachable. Retry after `Retry-After` seconds.",
    "headers": {
        "Retry-After": {
            "description": "Seconds to wait before retrying.",
            "schema": {"type": "integer", "minimum": 0},
        }
    },
}


def _claim_body(document: dict[str, Any]) -> None:
    """POST /v1/claims takes a claim of any type, as GET /v1/claims/{id} serves it (the
    route reads a plain object, to find offsets before validating): say so."""
    claim = document["paths"]["/v1/claims/{claim_id}"]["get"]["responses"]["200"]
    create = document["paths"]["/v1/claims"]["post"]["requestBody"]
    create["content"] = {
        "application/json": {"schema": claim["content"]["application/json"]["schema"]}
    }
