"""schemathesis against the app's own OpenAPI document, over a real server: for generated
requests to every operation (reads, and writes with the key), no 5xx, and every response's
status, content type and body match what the document declares."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from papergraph.api.app import create_app
from papergraph.api.backend import Backend
from papergraph.api.config import ApiSettings, Settings
from papergraph.ingest.settings import IngestSettings

KEY = "schema-test-key"
MAX_EXAMPLES = 15
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture(scope="module")
def base_url(
    tmp_path_factory: pytest.TempPathFactory, embedder, corpus_dir: Path, serve
) -> Iterator[str]:
    """A server over its own store (the generated writes must not touch the shared one)."""
    data = Settings(
        data_dir=tmp_path_factory.mktemp("schema"),
        api=ApiSettings(api_key=KEY),
        ingest=IngestSettings(max_file_mb=0.5),
    )
    backend = Backend.open(data, embedder=embedder)
    backend.ingester().ingest([corpus_dir])
    try:
        with serve(create_app(data, backend)) as url:
            yield url
    finally:
        backend.close()


# The document does not depend on the data, so it is read from an app built without any
# (schemathesis' lazy fixture loader does not run under pytest 9).
schema = schemathesis.openapi.from_dict(create_app(Settings()).openapi())


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_every_operation_keeps_its_contract(base_url: str, case: schemathesis.Case) -> None:
    response = case.call_and_validate(
        base_url=base_url, headers={"X-API-Key": KEY}, checks=CHECKS, timeout=60
    )
    SEEN.setdefault(f"{case.method} {case.path}", set()).add(response.status_code)


SEEN: dict[str, set[int]] = {}


def test_the_generated_requests_reached_every_operation_and_got_answers() -> None:
    """Guards the test above against passing vacuously (e.g. if no request was ever sent)."""
    if not SEEN:
        pytest.skip("run with the schema test above")
    operations = {f"{op.ok().method.upper()} {op.ok().path}" for op in schema.get_all_operations()}
    assert operations <= set(SEEN)  # (it also tries methods the document does not list)
    assert any(status == 200 for statuses in SEEN.values() for status in statuses)
    print(sorted((op, sorted(statuses)) for op, statuses in SEEN.items()))
