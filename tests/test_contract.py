"""Schemathesis drives every operation of our own OpenAPI document with generated input.

Each response must conform to its documented status, content type and schema, and no
input may produce a server error.
"""

from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.schemas import OpenApiSchema


@pytest.fixture
def api_schema(client: TestClient) -> OpenApiSchema:
    return schemathesis.openapi.from_asgi("/openapi.json", client.app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_honours_its_documented_contract(case: schemathesis.Case[Any]) -> None:
    case.call_and_validate()
