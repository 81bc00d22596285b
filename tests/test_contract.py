"""Schemathesis drives every operation of our own OpenAPI document with generated input.

Each response must conform to its documented status, content type and schema, and no
input may produce a server error.
"""

from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import CheckFunction
from schemathesis.specs.openapi.checks import positive_data_acceptance
from schemathesis.specs.openapi.schemas import OpenApiSchema


@pytest.fixture
def api_schema(client: TestClient) -> OpenApiSchema:
    return schemathesis.openapi.from_asgi("/openapi.json", client.app)


schema = schemathesis.pytest.from_fixture("api_schema")


def _rules_beyond_the_schema(case: schemathesis.Case[Any]) -> bool:
    """Requests the schema allows but the API may rightly refuse with a 422: an opaque
    cursor that is not one of ours, a cursor beside an offset, relevance without a search."""
    query = case.query or {}
    blank_q = not str(query.get("q") or "").strip()
    return "cursor" in query or (query.get("sort") == "relevance" and blank_q)


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_honours_its_documented_contract(case: schemathesis.Case[Any]) -> None:
    excluded: list[CheckFunction] = (
        [positive_data_acceptance] if _rules_beyond_the_schema(case) else []
    )
    case.call_and_validate(excluded_checks=excluded)
