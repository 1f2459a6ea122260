"""API fuzzing with schemathesis against the app's own OpenAPI schema, in process.

Each operation gets schema-valid and schema-invalid requests (hypothesis, a
bounded number of examples). Checks: no 5xx; every status code, content type,
header and body as documented (so every 4xx the API sends is in the schema);
schema-invalid requests refused; wrong methods answered 405.

Known bug, kept out of generation until it is fixed: cross-entropy answers 200 with
null gradients when ``max(weight) / temperature`` overflows; pinned by
``test_known_bugs.py`` (strict xfail: remove both when it passes).

Left out: ``positive_data_acceptance``. Some rules are not expressible in JSON
Schema (batch rows of one length, a target shaped like the logits), so a
schema-valid body may rightly get a documented 422.
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, assume, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)

from app.main import create_app
from app.settings import Settings

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
    unsupported_method,
]

schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(Settings()))
schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE])


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def known_gradient_overflow(case: schemathesis.Case) -> bool:
    body = case.body
    if case.path != "/api/cross-entropy" or not isinstance(body, dict):
        return False
    t = body.get("temperature", 1.0)
    weights = body.get("weight") or [1.0]
    if not (_number(t) and t > 0 and isinstance(weights, list) and all(map(_number, weights))):
        return False
    try:
        return max(*weights, 1.0) / t > 1e300  # zero weights: 0 * inf
    except OverflowError:
        return True


@schema.parametrize()
@settings(
    max_examples=150,
    derandomize=True,  # the same cases on every run: CI is reproducible
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    database=None,
)
def test_api_matches_its_schema(case: schemathesis.Case) -> None:
    assume(not known_gradient_overflow(case))
    case.call_and_validate(checks=CHECKS)
