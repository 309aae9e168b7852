"""`schemas/` must be what the pydantic models generate today."""

from __future__ import annotations

from pathlib import Path

from conftest import PROJECT_ROOT
from curator.schema import SCHEMA_MODELS, stale_schemas, write_schemas


def test_committed_schemas_are_current() -> None:
    assert stale_schemas(PROJECT_ROOT / "schemas") == [], "run `curator schema` and commit"


def test_a_stale_schema_is_detected(tmp_path: Path) -> None:
    write_schemas(tmp_path)
    assert stale_schemas(tmp_path) == []
    name = next(iter(SCHEMA_MODELS))
    (tmp_path / name).write_text("{}\n")
    assert stale_schemas(tmp_path) == [name]


def test_schema_command_checks(run_cli, tmp_path: Path) -> None:
    assert run_cli("schema", "--out", tmp_path / "s").returncode == 0
    assert run_cli("schema", "--out", tmp_path / "s", "--check").returncode == 0
    (tmp_path / "s" / "task.schema.json").write_text("{}")
    result = run_cli("schema", "--out", tmp_path / "s", "--check")
    assert result.returncode == 1 and "stale" in result.stderr
