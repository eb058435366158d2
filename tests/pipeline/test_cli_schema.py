"""`vnplan schema`: the JSON Schema of the record."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from pipeline.cli import app


def test_cli_schema_prints_a_strict_json_schema():
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["title"] == "Record"
    assert {"text", "doc_id", "source", "citations", "dates", "units", "tasks"} <= set(schema["properties"])
    assert schema["additionalProperties"] is False
    assert schema["$defs"]["Evidence"]["additionalProperties"] is False
