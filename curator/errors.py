"""Errors that name what went wrong and where, so every layer can show them as they are."""

from __future__ import annotations

from pathlib import Path


def listed(names: list[str], limit: int = 10) -> str:
    """`names` as a message lists them: the first `limit`, and how many more."""
    return ", ".join(names[:limit]) + (
        f" and {len(names) - limit} more" if len(names) > limit else ""
    )


class CuratorError(Exception):
    """Base of every error curator reports to a user (CLI exit code 2, an app notification)."""


class BankError(CuratorError):
    """The bank as a whole cannot be used: not a bank, locked, not a git repository."""


class TasksExist(BankError):
    """Tasks to add are in the bank already."""

    def __init__(self, task_ids: list[str]) -> None:
        self.task_ids = task_ids
        if len(task_ids) == 1:  # a new task's id: "1 task(s) already in the bank" read oddly
            super().__init__(f"{task_ids[0]} is already in the bank")
            return
        listed = ", ".join(task_ids[:10]) + (" ..." if len(task_ids) > 10 else "")
        super().__init__(f"{len(task_ids)} task(s) already in the bank: {listed}")


class UnknownAnnotator(CuratorError):
    """Nothing says who the annotator is: no setting, no git user.name, and no login name (a
    container's uid without a passwd entry, with $USER unset). `first_ways`: what the caller
    offers besides the settings (the CLI's `--annotator`)."""

    def __init__(self, config_file: str, *first_ways: str) -> None:
        self.config_file = config_file
        ways = [
            *first_ways,
            "set $CURATOR_ANNOTATOR",
            f'`annotator = "NAME"` in {config_file}',
            "or git's user.name",
        ]
        super().__init__(
            "who is the annotator? curator records a name with every change: " + ", ".join(ways)
        )


class TaskFileError(CuratorError):
    """A task folder or one of its files is missing or malformed."""

    def __init__(self, path: Path, message: str) -> None:
        self.path = path
        self.message = message
        # Where the folder's task.json could be read: its task and stage (a release need not
        # stop for a broken draft).
        self.task_id: str | None = None
        self.recorded_stage: str | None = None
        super().__init__(f"{path}: {message}")


class TaskNotFound(CuratorError):
    def __init__(self, task_id: str, folder_of: str | None = None, hint: str = "") -> None:
        self.task_id = task_id
        if folder_of:
            hint = f"{task_id} is the folder of task {folder_of!r}"
        super().__init__(f"no task {task_id!r} in the bank" + (f" ({hint})" if hint else ""))


class InterchangeError(CuratorError):
    """A BigCodeBench JSONL record is malformed; names the file, line and field."""

    def __init__(self, source: str, line: int, field: str | None, message: str) -> None:
        self.source = source
        self.line = line
        self.field = field
        self.message = message
        where = (f"{source}:{line}" if line else source) + (f": field {field!r}" if field else "")
        super().__init__(f"{where}: {message}")
