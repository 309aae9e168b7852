"""The bank browser's rows: display cells, sort keys and a search string per task.

Kept free of Textual so that filtering and sorting 10,000 rows is plain Python that tests and
the benchmark can time: each row carries a precomputed lowercase search string, and filtering
keeps the current sort order, so a keystroke is one pass of substring tests.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from curator.bank import task_sort_key
from curator.fsutil import atomic_write
from curator.models import Task, Verdict
from curator.pipeline import stage_rank


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    width: int  # 0: takes the remaining width
    narrow_title: str = ""  # where the column is narrowed (below 100 terminal columns)


COLUMNS = (
    Column("id", "id", 22),
    Column("stage", "stage", 10),
    Column("libraries", "libraries", 0),
    Column("tests", "tests", 6),
    Column("coverage", "branch cov", 11),
    Column("mutation", "mut%", 5),
    Column("flaky", "flaky", 7),
    Column("changed", "last change", 17, "changed"),
)
COLUMN_KEYS = tuple(column.key for column in COLUMNS)


@dataclass(frozen=True, slots=True)
class TaskRow:
    task_id: str
    stage: str
    cells: tuple[str, ...]
    sort_keys: tuple[object, ...]
    search: str
    flagged: bool
    validation_counts: bool  # its last validation is of this content, environment and limit


def count_tests(task: Task) -> int:
    """The tests the last current run counted; else (never run, stale, or the run could not
    start them, e.g. a missing library) the `def test` lines of the tests."""
    if task.validation is not None and task.validation_is_current and task.validation.tests_total:
        return task.validation.tests_total
    return sum(1 for line in task.test.splitlines() if line.lstrip().startswith("def test"))


# What the tests column shows for a run that decided no test's outcome, and where its tasks
# sort: the failed first, then those the environment stopped, then the passed, then the rest.
VERDICT_WORDS = {
    Verdict.ERROR: "error",
    Verdict.TIMEOUT: "time",
    Verdict.INVALID: "inval",
    Verdict.ENVIRONMENT: "env",
}
VERDICT_GROUPS = {Verdict.ENVIRONMENT: 1, Verdict.PASS: 2}
NOT_RUN_GROUP = 3


def tests_cell(task: Task) -> tuple[str, tuple[int, float, int]]:
    """The tests column and its sort key: of the last run of the task as it is now, the tests
    passed of those run ("4/5"), or what stopped it ("env", "time", "error", "inval"); never
    run, or changed since, how many tests there are."""
    summary = task.validation
    total = count_tests(task)
    if summary is None or not task.validation_is_current:
        return str(total), (NOT_RUN_GROUP, 0.0, total)
    group = VERDICT_GROUPS.get(summary.verdict, 0)
    if summary.verdict in VERDICT_WORDS:
        return VERDICT_WORDS[summary.verdict], (group, 0.0, total)
    passed = summary.tests_passed / summary.tests_total if summary.tests_total else 0.0
    return f"{summary.tests_passed}/{summary.tests_total}", (group, passed, total)


def mutation_score(task: Task) -> float | None:
    """The tests' mutation score, if measured on the task as it is now."""
    quality = task.quality
    if quality is None or quality.mutation_content_hash != task.content_hash():
        return None
    return quality.mutation_score


def task_row(task: Task, here: str | None = None, bank_timeout_s: float | None = None) -> TaskRow:
    """The browser's row; coverage is marked stale when it is of other content, (with `here`,
    the bank's environment fingerprint) of another environment, or of another time limit than
    the task's (its own, else `bank_timeout_s`, else the default)."""
    summary = task.validation
    coverage = summary.branch_coverage if summary is not None else None
    coverage_cell = "" if coverage is None else f"{coverage:.0f}%"
    current = task.validation_counts(here, task.time_limit(bank_timeout_s))
    if summary is not None and not current and coverage is not None:
        coverage_cell += " stale"
    score = mutation_score(task)
    # Open or confirmed: a flaky test either way, which keeps the task from acceptance.
    flags = len(task.unresolved_flags())
    tests, tests_key = tests_cell(task)
    changed = task.last_change()
    libraries = ", ".join(task.libs)
    description = " ".join(task.doc_struct.description)
    return TaskRow(
        task_id=task.task_id,
        stage=task.stage.value,
        cells=(
            task.task_id,
            task.stage.value,
            libraries,
            tests,
            coverage_cell,
            "" if score is None else f"{score:.0f}%",
            f"⚑ {flags}" if flags else "",
            changed.strftime("%Y-%m-%d %H:%M"),
        ),
        sort_keys=(
            task_sort_key(task.task_id),
            stage_rank(task.stage),
            libraries,
            tests_key,
            -1.0 if coverage is None else coverage,
            -1.0 if score is None else score,
            flags,
            changed.timestamp(),
        ),
        search="\n".join(
            (
                task.task_id,
                task.stage.value,
                libraries,
                summary.verdict.value if summary is not None and task.validation_is_current else "",
                description,
                task.complete_prompt,
                task.instruct_prompt,
            )
        ).lower(),
        flagged=bool(flags),
        validation_counts=current,
    )


def sort_rows(rows: list[TaskRow], column: str, descending: bool = False) -> list[TaskRow]:
    index = COLUMN_KEYS.index(column)
    return sorted(rows, key=lambda row: row.sort_keys[index], reverse=descending)


def filter_rows(rows: list[TaskRow], query: str) -> list[TaskRow]:
    """Rows whose id, libraries or text contain every word of the query (case-insensitive),
    those whose id does first, each group in the order given: `Ord` put Demo/1 ("order") above
    Ord/1, and Enter opened it."""
    terms = query.lower().split()
    if not terms:
        return rows
    if len(terms) == 1:
        term = terms[0]
        found = [row for row in rows if term in row.search]
    else:
        found = [row for row in rows if all(term in row.search for term in terms)]
    by_id: list[TaskRow] = []
    by_text: list[TaskRow] = []
    for row in found:
        lowered = row.task_id.lower()
        (by_id if all(term in lowered for term in terms) else by_text).append(row)
    return by_id + by_text


class RowFilter:
    """Filters rows as a query is typed; a query that extends the last one (the user typed
    one more character) searches only the last matches, since each match must still match."""

    def __init__(self) -> None:
        self.rows: list[TaskRow] = []
        self.query = ""
        self.matches: list[TaskRow] = []

    def apply(self, rows: list[TaskRow], query: str) -> list[TaskRow]:
        narrower = rows is self.rows and self.query.strip() and query.startswith(self.query)
        self.matches = filter_rows(self.matches if narrower else rows, query)
        self.rows, self.query = rows, query
        return self.matches


def stage_counts(rows: list[TaskRow]) -> Counter[str]:
    return Counter(row.stage for row in rows)


# -- the row cache: rows of unchanged task folders are read back instead of rebuilt -----------

CACHE_FILE = "browser-rows.json"
# 2: the mutation-score column; 3: the tests column's last result; 4: confirmed flags counted;
# 5: the last change counts decisions (`Task.last_change`); 6: whether the validation counts
CACHE_VERSION = 6


def folder_stamp(directory: Path) -> list[list[object]]:
    """Name, size and modification time of each file in a task folder, as git's index does."""
    stamp = []
    for entry in sorted(os.scandir(directory), key=lambda entry: entry.name):
        if entry.is_file():
            info = entry.stat()
            stamp.append([entry.name, info.st_size, info.st_mtime_ns])
    return stamp


class RowCache:
    """Rows by task folder, kept in the bank's private directory; any doubt means a rebuild."""

    def __init__(
        self,
        path: Path,
        entries: dict[str, tuple[list[list[object]], TaskRow]],
        here: str | None = None,
        bank_timeout_s: float | None = None,
    ):
        self.path = path
        self.entries = entries
        self.here = here
        self.bank_timeout_s = bank_timeout_s
        self.fresh: dict[str, tuple[list[list[object]], TaskRow]] = {}

    @classmethod
    def read(
        cls, private_dir: Path, here: str | None = None, bank_timeout_s: float | None = None
    ) -> RowCache:
        """The cached rows, if they were built for the environment `here` and the bank's time
        limit `bank_timeout_s` (rows mark results of another environment or limit stale, so a
        new one rebuilds them)."""
        path = private_dir / CACHE_FILE
        entries: dict[str, tuple[list[list[object]], TaskRow]] = {}
        try:
            data = json.loads(path.read_bytes())
            built_for = (data.get("environment"), data.get("timeout_s"))
            if data.get("version") == CACHE_VERSION and built_for == (here, bank_timeout_s):
                for name, (stamp, row) in data["rows"].items():
                    entries[name] = (stamp, _row_from_json(row))
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            entries = {}
        return cls(path, entries, here, bank_timeout_s)

    def row(self, directory: Path, build: Callable[[Path], TaskRow]) -> TaskRow:
        """The folder's row from the cache if no file in it changed, else `build(directory)`."""
        stamp = folder_stamp(directory)
        cached = self.entries.get(directory.name)
        row = cached[1] if cached is not None and cached[0] == stamp else build(directory)
        self.fresh[directory.name] = (stamp, row)
        return row

    def write(self) -> None:
        """Keep what this load saw (folders that failed to load are left out). Only a cache:
        a bank this user cannot write keeps none (its load was said to have failed, walk 47)."""
        if self.fresh == self.entries:
            return
        rows = {name: [stamp, _row_to_json(row)] for name, (stamp, row) in self.fresh.items()}
        cached = {
            "version": CACHE_VERSION,
            "environment": self.here,
            "timeout_s": self.bank_timeout_s,
            "rows": rows,
        }
        with contextlib.suppress(OSError):
            atomic_write(self.path, json.dumps(cached))


def _row_to_json(row: TaskRow) -> list[object]:
    return [
        row.task_id,
        row.stage,
        list(row.cells),
        list(row.sort_keys),
        row.search,
        row.flagged,
        row.validation_counts,
    ]


def _row_from_json(data: list[object]) -> TaskRow:
    task_id, stage, cells, sort_keys, search, flagged, counts = data
    # The id's and the tests' sort keys are tuples, which JSON keeps as lists: a list beside
    # a fresh row's tuple would not sort.
    keys = [tuple(key) if isinstance(key, list) else key for key in sort_keys]  # type: ignore[attr-defined]
    return TaskRow(
        task_id=str(task_id),
        stage=str(stage),
        cells=tuple(cells),  # type: ignore[arg-type]
        sort_keys=tuple(keys),
        search=str(search),
        flagged=bool(flagged),
        validation_counts=bool(counts),
    )
