"""Every command of the CLI is documented in the README, with its help text in the CLI itself."""
from __future__ import annotations

from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from pipeline.cli import app

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(typer.main.get_command(app).commands)


def test_cli_docs_lists_the_commands() -> None:
    assert {"extract", "eval", "schema"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_docs_command_is_in_readme(command: str) -> None:
    assert f"vnplan {command}" in README, f"README does not document `vnplan {command}`"


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_docs_command_has_help(command: str) -> None:
    res = CliRunner().invoke(app, [command, "--help"])
    assert res.exit_code == 0
    assert "Usage" in res.output and len(res.output) > 200


def test_cli_docs_readme_names_the_two_commands() -> None:
    assert "make run" in README and "make test" in README
    ci = (Path(__file__).resolve().parents[2] / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
