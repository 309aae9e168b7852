"""BigCodeBench JSONL (optionally gzipped) in and out, byte for byte.

A release must be a file the benchmark's own evaluator accepts unchanged, so export reproduces
the dataset's exact form: its key order, `libs` as the string of a Python list, `doc_struct` as a
JSON string, `json.dumps` escaping, records ordered by numeric id.
"""

from __future__ import annotations

import ast
import gzip
import io
import json
import os
import stat
import zlib
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from curator.bank import Bank, task_id_problem, task_sort_key
from curator.errors import CuratorError, InterchangeError, TaskFileError
from curator.fsutil import atomic_write
from curator.imports import task_dependencies
from curator.models import (
    BCB_FIELDS,
    DocStruct,
    Origin,
    Provenance,
    ProvenanceEvent,
    Stage,
    Task,
    utc_now,
)
from curator.program import split_program

STRING_FIELDS = tuple(name for name in BCB_FIELDS if name not in ("doc_struct", "libs"))


def _read_lines(path: Path) -> list[str]:
    """The file's lines as written (any line ending kept), gunzipped for `.gz`; a read, gzip or
    UTF-8 failure names the file, and the line and column of a bad byte."""
    source = str(path)
    try:
        data = (
            gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()
        )
    except FileNotFoundError as error:
        raise InterchangeError(source, 0, None, "no such file") from error
    except (OSError, EOFError, zlib.error) as error:
        what = "not a readable gzip file" if path.name.endswith(".gz") else "cannot be read"
        raise InterchangeError(source, 0, None, f"{what}: {error}") from error
    lines = []
    for number, raw in enumerate(data.splitlines(keepends=True), start=1):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError as error:
            byte = raw[error.start : error.start + 1].hex()
            raise InterchangeError(
                source, number, None, f"not UTF-8: byte 0x{byte} at column {error.start + 1}"
            ) from error
    return lines


def read_jsonl(path: Path, stage: Stage = Stage.DRAFT, annotator: str | None = None) -> list[Task]:
    """Parse a whole file first; any bad record raises before anything is written anywhere."""
    source = str(path)
    tasks: list[Task] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(_read_lines(path), start=1):
        if not line.strip():
            continue
        task = record_to_task(parse_record(line, source, number), source, number, stage)
        if annotator:
            task.provenance.authors.append(annotator)
        if task.task_id in first_line:
            raise InterchangeError(
                source,
                number,
                "task_id",
                f"duplicate id {task.task_id!r} (first on line {first_line[task.task_id]})",
            )
        first_line[task.task_id] = number
        tasks.append(task)
    return tasks


IMPORTED_FIELDS = (
    "entry_point",
    "libs",
    "doc_struct",
    "complete_prompt",
    "canonical_solution",
    "instruct_prompt",
    "code_prompt",
    "test",
    "dependencies",
    "interchange",
)
"""What a record sets of a task (`record_to_task`), and so what importing it again may change."""


def updated_by(existing: Task, imported: Task, annotator: str | None) -> Task | None:
    """`existing` with what `imported`, the same task read from a file again, says otherwise
    (a fixed test, a new docstring), the change recorded in its provenance; None where the file
    says what the bank has. Its stage, flags, quality and history stay: its validation is no
    longer current, and the gate asks for it again."""
    if task_to_record(existing) == task_to_record(imported):
        return None
    updated = existing.model_copy(deep=True)
    for name in IMPORTED_FIELDS:
        setattr(updated, name, getattr(imported, name))
    updated.provenance.updated_at = utc_now()
    updated.provenance.events.append(
        ProvenanceEvent(
            operation="updated",
            annotator=annotator,
            detail=f"imported again from {imported.provenance.source}",
        )
    )
    return updated


def parse_record(line: str, source: str, number: int) -> dict[str, str]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InterchangeError(
            source, number, None, f"not valid JSON ({error.msg}: column {error.colno})"
        ) from error
    if not isinstance(record, dict):
        raise InterchangeError(source, number, None, "a record must be a JSON object")
    for name in BCB_FIELDS:
        if name not in record:
            raise InterchangeError(source, number, name, "missing")
        if not isinstance(record[name], str):
            kind = type(record[name]).__name__
            raise InterchangeError(source, number, name, f"must be a string, not {kind}")
    unknown = sorted(set(record) - set(BCB_FIELDS))
    if unknown:
        raise InterchangeError(source, number, unknown[0], "not a BigCodeBench field")
    if not record["task_id"].strip():
        raise InterchangeError(source, number, "task_id", "empty")
    return record


LIBS_FIELD_LIMIT = 10_000
"""BigCodeBench's longest `libs` holds under 200 characters; a stranger's 100,000 characters of
"-" made the parser run out of memory (a traceback, not the line named)."""


def record_to_task(record: dict[str, str], source: str, number: int, stage: Stage) -> Task:
    try:
        doc_struct_value = json.loads(record["doc_struct"])
        doc_struct = DocStruct.model_validate(doc_struct_value)
    except (json.JSONDecodeError, ValidationError) as error:
        raise InterchangeError(
            source, number, "doc_struct", f"not a JSON docstring structure ({error})"
        ) from error
    if len(record["libs"]) > LIBS_FIELD_LIMIT:
        raise InterchangeError(
            source, number, "libs", f"longer than {LIBS_FIELD_LIMIT:,} characters"
        )
    try:
        libs = ast.literal_eval(record["libs"])
    except (ValueError, SyntaxError, MemoryError, RecursionError) as error:
        # Nested or chained deeply ("1+1+…"), the text exhausts the parser or the evaluator.
        raise InterchangeError(source, number, "libs", "not a Python list of strings") from error
    if not isinstance(libs, list) or not all(isinstance(lib, str) for lib in libs):
        raise InterchangeError(source, number, "libs", "not a Python list of strings")
    id_problem = task_id_problem(record["task_id"])
    if id_problem:
        raise InterchangeError(source, number, "task_id", id_problem)
    task = Task(
        task_id=record["task_id"],
        entry_point=record["entry_point"],
        stage=stage,
        libs=libs,
        doc_struct=doc_struct,
        provenance=Provenance(origin=Origin.IMPORTED, source=f"{Path(source).name}:{number}"),
        complete_prompt=record["complete_prompt"],
        canonical_solution=record["canonical_solution"],
        instruct_prompt=record["instruct_prompt"],
        code_prompt=record["code_prompt"],
        test=record["test"],
    )
    task.dependencies = task_dependencies(task)
    # Keep the original text only where our canonical form would not reproduce it.
    if json.dumps(doc_struct.model_dump()) != record["doc_struct"]:
        task.interchange.doc_struct = record["doc_struct"]
    if str(libs) != record["libs"]:
        task.interchange.libs = record["libs"]
    if split_program(task.program, task.entry_point) is None:
        task.interchange.prompt_chars = len(task.complete_prompt)
    return task


def task_to_record(task: Task) -> dict[str, str]:
    doc_struct = task.interchange.doc_struct or json.dumps(task.doc_struct.model_dump())
    libs = task.interchange.libs or str(task.libs)
    values = {
        "task_id": task.task_id,
        "complete_prompt": task.complete_prompt,
        "instruct_prompt": task.instruct_prompt,
        "canonical_solution": task.canonical_solution,
        "code_prompt": task.code_prompt,
        "test": task.test,
        "entry_point": task.entry_point,
        "doc_struct": doc_struct,
        "libs": libs,
    }
    return {name: values[name] for name in BCB_FIELDS}


def render_jsonl(tasks: Iterable[Task]) -> str:
    ordered = sorted(tasks, key=lambda task: task_sort_key(task.task_id))
    return "".join(json.dumps(task_to_record(task)) + "\n" for task in ordered)


def require_parent_folder(out: Path) -> None:
    """Refuse to write `out` (an export, a release's folder) where its folder does not exist: a
    typo in the path should not create folders."""
    parent = Path(out).resolve().parent
    if not parent.is_dir():
        raise CuratorError(f"{out}: the folder {parent} does not exist; create it first")


def exported_tasks(bank: Bank, stage: Stage | None = None) -> list[Task]:
    """The tasks an export writes: all of the bank's, or those in `stage`. A folder that
    cannot be read stops it, unless its `task.json` says its task is in another stage."""
    scan = bank.scan()
    for problem in scan.problems:
        if stage is None or problem.recorded_stage in (None, stage.value):
            # Said why it stops the export, where it read as the error alone (walk 47).
            why = (
                f"its stage is {problem.recorded_stage}"
                if problem.recorded_stage
                else "its stage cannot be read"
            )
            which = f"the {stage.value} tasks" if stage else "every task"
            raise TaskFileError(
                problem.path,
                f"{problem.message}; an export of {which} cannot leave it out ({why}): fix the "
                "folder, or move it out of the bank",
            )
    return [task for task in scan.tasks if stage is None or task.stage is stage]


def export_tasks(bank: Bank, out: Path, stage: Stage | None = None) -> list[Task]:
    """Write the bank's tasks (only those in `stage`) to `out`; returns them.

    Refuses a path inside the bank, links resolved (the export would replace one of the
    bank's own files), a folder that does not exist (a typo should not create folders), and
    anything at `out` but a regular file: the export replaces `out` whole, and would put a file
    where a link, a FIFO or a device was (`/dev/stdout` for everyone).
    """
    target = Path(out).resolve()
    if target.is_relative_to(bank.root):
        raise CuratorError(
            f"{out}: inside the bank ({target}); the export would replace the bank's own "
            "files: write it outside the bank's folder"
        )
    require_parent_folder(out)
    try:
        mode = os.lstat(out).st_mode
    except FileNotFoundError:
        mode = stat.S_IFREG
    if not stat.S_ISREG(mode):
        raise CuratorError(
            f"{out}: {file_kind(mode)}, which the export would replace with a file: give the "
            "path of a file (`-` writes to standard output)"
        )
    tasks = exported_tasks(bank, stage)
    write_jsonl(tasks, out)
    return tasks


def file_kind(mode: int) -> str:
    kinds = {
        stat.S_ISLNK: "a symbolic link",
        stat.S_ISDIR: "a folder",
        stat.S_ISFIFO: "a FIFO",
        stat.S_ISSOCK: "a socket",
        stat.S_ISCHR: "a device",
        stat.S_ISBLK: "a device",
    }
    return next((kind for test, kind in kinds.items() if test(mode)), "not a regular file")


def write_jsonl(tasks: Iterable[Task], path: Path) -> int:
    """Write tasks in BigCodeBench's format; `.gz` names are gzipped reproducibly (mtime 0)."""
    text = render_jsonl(tasks)
    data = text.encode("utf-8")
    if path.name.endswith(".gz"):
        buffer = io.BytesIO()
        with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0) as handle:
            handle.write(data)
        data = buffer.getvalue()
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, data)
    return text.count("\n")
