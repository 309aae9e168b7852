"""BigCodeBench JSONL: exact round trips and named errors for every kind of bad record."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from conftest import SAMPLE_JSONL, make_task
from curator.bank import Bank
from curator.errors import InterchangeError
from curator.interchange import read_jsonl, render_jsonl, task_to_record, write_jsonl
from curator.models import BCB_FIELDS, Stage


def record_line(**overrides: object) -> str:
    record = task_to_record(make_task("Test/1"))
    record.update(overrides)
    return json.dumps(record)


def write_lines(path: Path, *lines: str) -> Path:
    path.write_text("".join(line + "\n" for line in lines))
    return path


@pytest.mark.skipif(not SAMPLE_JSONL.exists(), reason="shared BigCodeBench sample not present")
def test_sample_round_trips_byte_for_byte(bank: Bank, tmp_path: Path) -> None:
    bank.add_all(read_jsonl(SAMPLE_JSONL))
    out = tmp_path / "out.jsonl"
    write_jsonl(Bank.open(bank.root).load_all(), out)
    assert out.read_bytes() == SAMPLE_JSONL.read_bytes()


def test_records_come_out_in_numeric_id_order(tmp_path: Path) -> None:
    tasks = [make_task(f"Test/{number}") for number in (10, 2, 1)]
    ids = [json.loads(line)["task_id"] for line in render_jsonl(tasks).splitlines()]
    assert ids == ["Test/1", "Test/2", "Test/10"]


def test_forms_that_cannot_be_derived_survive_the_bank(bank: Bank, tmp_path: Path) -> None:
    """No docstring, an odd code_prompt, a JSON-style libs string, reordered doc_struct keys."""
    odd = record_line(
        task_id="Odd/7",
        complete_prompt="import os\nimport re\ndef task_func(x):\n",
        canonical_solution="    return os.sep + re.escape(x)\n",
        code_prompt="import os\n\nimport re\ndef task_func(x):\n",
        libs='["os", "re"]',
        doc_struct=json.dumps({"notes": [], "description": ["ünïcode"]}, ensure_ascii=False),
        instruct_prompt="Do it.\r\nNow é",
    )
    source = write_lines(tmp_path / "odd.jsonl", odd)
    bank.add_all(read_jsonl(source))
    out = tmp_path / "out.jsonl"
    write_jsonl(Bank.open(bank.root).load_all(), out)
    assert out.read_text() == source.read_text()
    assert not (bank.task_dir("Odd/7") / "code_prompt.py").read_text().startswith("{")


def test_gzip_round_trip_is_reproducible(tmp_path: Path) -> None:
    source = write_lines(tmp_path / "in.jsonl", record_line())
    tasks = read_jsonl(source)
    first, second = tmp_path / "a.jsonl.gz", tmp_path / "b.jsonl.gz"
    write_jsonl(tasks, first)
    write_jsonl(tasks, second)
    assert first.read_bytes() == second.read_bytes()
    assert gzip.decompress(first.read_bytes()) == source.read_bytes()
    assert [task.task_id for task in read_jsonl(first)] == ["Test/1"]


def test_import_sets_stage_provenance_and_dependencies(tmp_path: Path) -> None:
    source = write_lines(tmp_path / "in.jsonl", record_line())
    (task,) = read_jsonl(source, Stage.ACCEPTED, annotator="ada")
    assert task.stage is Stage.ACCEPTED
    assert task.provenance.origin == "imported"
    assert task.provenance.source == "in.jsonl:1"
    assert task.provenance.authors == ["ada"]
    assert task.dependencies.solution == ["collections", "re"]
    assert task.dependencies.tests == ["unittest"]


@pytest.mark.parametrize(
    ("line", "field", "message"),
    [
        ("{not json", None, "not valid JSON (Expecting property name enclosed in double quotes"),
        # The position was cut off: "(Invalid control character at)".
        ('{"task_id": "a\tb"}', None, "not valid JSON (Invalid control character at: column 15)"),
        ("[1, 2]", None, "must be a JSON object"),
        (record_line(test=5), "test", "must be a string, not int"),
        (record_line(libs="os, re"), "libs", "not a Python list of strings"),
        (record_line(libs="[1, 2]"), "libs", "not a Python list of strings"),
        # A parser's or evaluator's exhaustion printed a traceback, naming no line.
        (record_line(libs="-" * 100_000 + "1"), "libs", "longer than 10,000 characters"),
        (record_line(libs="1+" * 4_000 + "1"), "libs", "not a Python list of strings"),
        (record_line(doc_struct="{"), "doc_struct", "not a JSON docstring structure"),
        (record_line(doc_struct='{"params": "x"}'), "doc_struct", "not a JSON docstring"),
        (record_line(task_id=" "), "task_id", "empty"),
        (record_line(extra="x"), "extra", "not a BigCodeBench field"),
    ],
)
def test_bad_record_names_line_and_field(
    tmp_path: Path, line: str, field: str | None, message: str
) -> None:
    source = write_lines(tmp_path / "bad.jsonl", record_line(task_id="Good/1"), "", line)
    with pytest.raises(InterchangeError) as caught:
        read_jsonl(source)
    assert caught.value.line == 3
    assert caught.value.field == field
    assert message in str(caught.value)
    assert "bad.jsonl:3" in str(caught.value)


@pytest.mark.parametrize("missing", BCB_FIELDS)
def test_missing_field_is_named(tmp_path: Path, missing: str) -> None:
    record = json.loads(record_line())
    del record[missing]
    source = write_lines(tmp_path / "bad.jsonl", json.dumps(record))
    with pytest.raises(InterchangeError, match=f"field '{missing}': missing"):
        read_jsonl(source)


def test_duplicate_id_names_both_lines(tmp_path: Path) -> None:
    source = write_lines(
        tmp_path / "dup.jsonl", record_line(), record_line(task_id="X/2"), record_line()
    )
    with pytest.raises(InterchangeError, match=r"dup.jsonl:3: field 'task_id'.*first on line 1"):
        read_jsonl(source)


def test_unreadable_files_are_named(tmp_path: Path) -> None:
    with pytest.raises(InterchangeError, match="no such file"):
        read_jsonl(tmp_path / "absent.jsonl")
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(b"not gzip at all")
    with pytest.raises(InterchangeError, match=r"broken\.jsonl\.gz: not a readable gzip file"):
        read_jsonl(broken)
