"""`schemas/` must be what the pydantic models generate today."""

from __future__ import annotations

from pathlib import Path

from conftest import PROJECT_ROOT
from curator.schema import SCHEMA_MODELS, schema_problems, write_schemas


def test_committed_schemas_are_current() -> None:
    assert schema_problems(PROJECT_ROOT / "schemas") == {}, "run `curator schema` and commit"


def test_a_stale_schema_is_detected(tmp_path: Path) -> None:
    write_schemas(tmp_path)
    assert schema_problems(tmp_path) == {}
    first, second = list(SCHEMA_MODELS)[:2]
    (tmp_path / first).write_text("{}\n")
    (tmp_path / second).unlink()
    assert schema_problems(tmp_path) == {first: "stale", second: "missing"}


def test_schema_command_checks(run_cli, tmp_path: Path) -> None:
    assert run_cli("schema", "--out", tmp_path / "s").returncode == 0
    assert run_cli("schema", "--out", tmp_path / "s", "--check").returncode == 0
    (tmp_path / "s" / "task.schema.json").write_text("{}")
    result = run_cli("schema", "--out", tmp_path / "s", "--check")
    assert result.returncode == 1 and "stale" in result.stderr


def test_schema_check_where_there_are_none_says_so(run_cli, tmp_path: Path) -> None:
    """Run in a bank it called each file "stale" and advised writing schemas/ into the bank."""
    result = run_cli("schema", "--check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("schemas: no schema files to check (curator's own repository")
    assert "stale" not in result.stderr
    assert not (tmp_path / "schemas").exists()
    # Some missing, the rest current: each named, not "no schema files".
    write_schemas(tmp_path / "schemas")
    (tmp_path / "schemas" / "task.schema.json").unlink()
    partial = run_cli("schema", "--check", cwd=tmp_path)
    assert partial.returncode == 1
    assert partial.stderr.startswith("missing: schemas/task.schema.json")
