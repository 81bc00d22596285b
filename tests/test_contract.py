"""Schemathesis drives every operation of our own OpenAPI document with generated input.

Each response must conform to its documented status, content type and schema, and no
input may produce a server error. Requests carry a curator's key, so writes get past
authentication to validation and storage; they go to a database of this module's own.
"""

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import CheckFunction
from schemathesis.specs.openapi.checks import positive_data_acceptance
from schemathesis.specs.openapi.schemas import OpenApiSchema

from tests.helpers import Curator


@pytest.fixture
def api_schema(module_curator: Curator) -> OpenApiSchema:
    return schemathesis.openapi.from_asgi("/openapi.json", module_curator.client.app)


# The live stream never ends, so no generated request to it would: tests/test_change_stream.py.
schema = schemathesis.pytest.from_fixture("api_schema").exclude(path="/v1/changes/stream")


def _rules_beyond_the_schema(case: schemathesis.Case[Any]) -> bool:
    """Requests the schema allows but the API may rightly refuse with a 422: an opaque
    cursor that is not one of ours, a cursor beside an offset, relevance without a search."""
    query = case.query or {}
    blank_q = not str(query.get("q") or "").strip()
    return bool({"cursor", "since"} & query.keys()) or (
        query.get("sort") == "relevance" and blank_q
    )


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_honours_its_documented_contract(
    case: schemathesis.Case[Any], module_curator: Curator
) -> None:
    # Writes are refused for reasons the schema cannot say (a quote must be in its source,
    # If-Match must name the current revision), so only reads must accept valid data.
    excluded: list[CheckFunction] = (
        [positive_data_acceptance] if case.method != "GET" or _rules_beyond_the_schema(case) else []
    )
    case.call_and_validate(headers=module_curator.auth, excluded_checks=excluded)
