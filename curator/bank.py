"""The task bank: a directory inside a git repository, one plain-file folder per task.

A task folder holds files that read and diff well in review:

- `task.py`: the task program (imports, `task_func` with its docstring, the solution)
- `tests.py`: the `TestCases` module
- `instruction.md`: the natural-language (Instruct) prompt
- `task.json`: everything else (`TaskMeta`)
- `code_prompt.py`: only where the code prompt cannot be derived from `task.py`

Other files beside them (validation reports, flaky evidence) are sidecars owned by the stage
that writes them.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shlex
import shutil
import stat
import threading
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel, ValidationError

from curator.errors import BankError, TaskFileError, TaskNotFound, TasksExist
from curator.fsutil import (
    atomic_write,
    atomic_write_all,
    exchange_paths,
    fsync_directory,
    is_own_temporary,
    process_runs,
    read_text,
)
from curator.models import MAX_TIMEOUT_S, Task, TaskMeta
from curator.program import derive_code_prompt, split_program

if TYPE_CHECKING:
    import git

MARKER = "bank.json"
# The top-level settings of bank.json (the `quality` section has its own model, `quality.py`).
BANK_SETTINGS = frozenset({"format", "name", "timeout_s", "quality"})
PROGRAM_FILE = "task.py"
TESTS_FILE = "tests.py"
INSTRUCTION_FILE = "instruction.md"
META_FILE = "task.json"
CODE_PROMPT_FILE = "code_prompt.py"
PRIVATE_DIR = ".curator"
RELEASES_DIR = "releases"
BANK_FORMAT = 1
# Names the bank keeps (or will keep) at its root beside the task folders: no task may map
# onto one, in any letter case (file systems that ignore case would merge them).
RESERVED_FOLDERS = frozenset(
    {PRIVATE_DIR, RELEASES_DIR, ".git", "environment", "alternatives", MARKER, ".gitignore"}
)
# Bytes of a task's folder name: file systems allow 255, and staging and temporary names add
# a prefix or suffix to it.
MAX_FOLDER_NAME_BYTES = 200
NAME_MAX = 255
MAX_TASK_FILE_BYTES = 1 << 20
"""The most one of a task's files may hold: over a hundred times BigCodeBench's largest (a
7.5 KB test file). A larger one is damage or an attack: `curator show` and `diff` of a 50 MB
tests.py took a minute each."""

Sidecar = TypeVar("Sidecar", bound=BaseModel)
E = TypeVar("E", bound=Exception)

_SAFE = re.compile(r"[A-Za-z0-9.\-]")

# One lock per bank for the threads of this process: they queue on it rather than polling the
# file lock (which does not tell threads of one process apart), then take the file lock.
_thread_locks: dict[Path, threading.Lock] = {}
_thread_locks_guard = threading.Lock()


def folder_name(task_id: str) -> str:
    """Map a task id to a safe folder name, reversibly: `BigCodeBench/12` -> `BigCodeBench__12`.

    `/` becomes `__`; any other character outside [A-Za-z0-9.-] (and a leading dot) becomes
    `_XX` with its code point in hex (`_u` + 6 hex digits beyond one byte).
    """
    if not task_id:
        raise ValueError("a task id cannot be empty")
    out = []
    for index, char in enumerate(task_id):
        if char == "/":
            out.append("__")
        elif _SAFE.fullmatch(char) and not (index == 0 and char == "."):
            out.append(char)
        elif ord(char) < 256:
            out.append(f"_{ord(char):02X}")
        else:
            out.append(f"_u{ord(char):06X}")
    return "".join(out)


def _unprintable(char: str) -> bool:
    """A control, format (bidirectional overrides among them), surrogate or line-separating
    character: nothing a task id shows as."""
    return unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp")


def shown_id(task_id: str) -> str:
    """A task id as messages quote it: a long one (from a paste or a stranger's file) is
    shortened, so that the reason after it stays in sight."""
    if len(task_id) <= SHOWN_ID_CHARACTERS:
        return repr(task_id)
    return f"{task_id[:40]!r}…{task_id[-10:]!r} ({len(task_id)} characters)"


SHOWN_ID_CHARACTERS = 60


def task_id_problem(task_id: str) -> str | None:
    """Why a task id cannot have a folder in the bank (None: it can)."""
    if not task_id:
        return "the task id is empty"
    quoted = shown_id(task_id)
    unprintable = sorted({char for char in task_id if _unprintable(char)})
    if unprintable:
        # A newline or an escape sequence in an id (from a JSONL of strangers) split lists and
        # commit trailers, and reached the terminal as the escape itself.
        named = ", ".join(f"U+{ord(char):04X}" for char in unprintable)
        return f"the task id {quoted} holds characters that do not print ({named})"
    if task_id != task_id.strip():
        return f"the task id {quoted} begins or ends with white space"
    if "\\" in task_id or any(part in ("", ".", "..") for part in task_id.split("/")):
        # Folder names encode any id safely, but `../evil` or `x/` reads as a path to a user.
        return (
            f"the task id {quoted} is not a name: its parts between slashes must not be "
            "empty, '.' or '..', nor hold a backslash"
        )
    if "," in task_id:
        # `Mine/2,re re` in the app's dialog made the task `Mine/2,re`: libraries typed into it.
        return f"the task id {quoted} holds a comma: an id names one task, libraries go apart"
    name = folder_name(task_id)
    if len(name.encode()) > MAX_FOLDER_NAME_BYTES:
        return (
            f"the task id {quoted} is too long: its folder name would take "
            f"{len(name.encode())} bytes, at most {MAX_FOLDER_NAME_BYTES}"
        )
    if name.lower() in RESERVED_FOLDERS:
        return f"the task id {quoted} maps to the folder {name!r}, which the bank uses itself"
    return None


def check_real_folder(directory: Path) -> None:
    """Refuse a task folder that is, or holds, a symbolic link: reading through it would put
    outside content into the bank's tasks, and writing through it would write outside."""
    try:
        mode = os.lstat(directory).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return
    if stat.S_ISLNK(mode):
        raise symbolic_link_refused(directory, "task folder")
    if stat.S_ISDIR(mode):
        # Each entry's type as the directory listing gives it: no system call per file (a
        # validation stores each report through here).
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.is_symlink():
                    raise symbolic_link_refused(Path(entry.path), "file in a task folder")


def symbolic_link_refused(path: Path, what: str) -> TaskFileError:
    return TaskFileError(
        path,
        f"is a symbolic link (to {os.readlink(path)}); a {what} must be a real one "
        "inside the bank: replace the link with the content it points to",
    )


def task_id_from_folder(name: str) -> str:
    """Inverse of `folder_name`; ValueError for a name `folder_name` cannot produce."""
    if folder_name_is_valid(name):
        return _decode_folder(name)
    raise ValueError(f"{name!r} is not a task folder name")


def folder_name_is_valid(name: str) -> bool:
    try:
        return bool(name) and folder_name(_decode_folder(name)) == name
    except (ValueError, IndexError):
        return False


def _id_or_name(name: str) -> str:
    return _decode_folder(name) if folder_name_is_valid(name) else name


def _decode_folder(name: str) -> str:
    out = []
    index = 0
    while index < len(name):
        char = name[index]
        if char != "_":
            out.append(char)
            index += 1
        elif name[index + 1 : index + 2] == "_":
            out.append("/")
            index += 2
        elif name[index + 1 : index + 2] == "u":
            out.append(chr(int(name[index + 2 : index + 8], 16)))
            index += 8
        else:
            out.append(chr(int(name[index + 1 : index + 3], 16)))
            index += 3
    return "".join(out)


@dataclass
class BankScan:
    """All tasks that loaded, and a named problem for each folder that did not."""

    tasks: list[Task] = field(default_factory=list)
    problems: list[TaskFileError] = field(default_factory=list)


def task_sort_key(task_id: str) -> tuple[str, int, str]:
    """Order ids as the benchmark does: by prefix, then numerically (`X/2` before `X/10`)."""
    prefix, _, number = task_id.rpartition("/")
    if number.isdigit():
        return prefix, int(number), ""
    return task_id, -1, task_id


def enclosing_bank(folder: Path) -> Path | None:
    """The bank that `folder` lies inside (not `folder` itself), if any."""
    for parent in folder.resolve().parents:
        if (parent / MARKER).is_file():
            return parent
    return None


def make_repository(root: Path) -> bool:
    """Make `root` a git repository if it is inside none (a new bank, or one copied without
    its repository); whether it did."""
    import git

    try:
        git.Repo(root, search_parent_directories=True)
    except git.InvalidGitRepositoryError:
        git.Repo.init(root, initial_branch="main")
        return True
    return False


class Bank:
    """A task bank on disk. Reads need no lock; every write happens under `lock()`."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(cls, root: Path) -> Bank:
        root = Path(root)
        if not root.is_dir():
            raise BankError(f"{root}: no such directory (create a bank with `curator init`)")
        marker = root / MARKER
        if not marker.is_file():
            enclosing = enclosing_bank(root)
            if enclosing is not None:
                # Run from a task's folder, the advice to `curator init` made a bank inside it.
                raise BankError(
                    f"{root.absolute()}: not a curator bank, but inside the bank at "
                    f"{enclosing}: give `--bank {enclosing}`"
                )
            raise BankError(
                f"{root.absolute()}: not a curator bank ({MARKER} is missing; create one with "
                "`curator init`)"
            )
        try:
            settings = json.loads(read_text(marker))
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise BankError(f"{marker}: not valid JSON ({error})") from error
        if not isinstance(settings, dict) or settings.get("format") != BANK_FORMAT:
            raise BankError(f"{marker}: unsupported bank format (expected format {BANK_FORMAT})")
        unknown = sorted(set(settings) - BANK_SETTINGS)
        if unknown:  # a setting misplaced or misspelt would be silently ignored
            raise BankError(
                f"{marker}: unknown setting(s) {', '.join(map(repr, unknown))} (a bank's are "
                f'{", ".join(sorted(BANK_SETTINGS))}; the quality bar\'s go under "quality")'
            )
        return cls(root)

    @classmethod
    def init(cls, root: Path, name: str | None = None) -> Bank:
        """Create a bank; the directory becomes a git repository unless it is inside one."""
        import git  # here, not at the top: most commands never need GitPython (~40 ms)

        root = Path(root)
        enclosing = enclosing_bank(root)
        if enclosing is not None:
            # A bank made in a task's folder was committed into that task, outside its gate.
            raise BankError(
                f"{root}: inside the bank at {enclosing}, and a bank cannot hold another bank"
            )
        try:
            root.mkdir(parents=True, exist_ok=True)
            if (root / MARKER).exists():
                raise BankError(f"{root}: already a curator bank")
            make_repository(root)
            atomic_write(
                root / MARKER,
                json.dumps({"format": BANK_FORMAT, "name": name or root.resolve().name}, indent=2)
                + "\n",
            )
            gitignore = root / ".gitignore"
            if not gitignore.exists():
                atomic_write(gitignore, f"{PRIVATE_DIR}/\n")
        except (OSError, git.GitCommandError) as error:
            reason = error.strerror if isinstance(error, OSError) else str(error).strip()
            raise BankError(f"{root}: cannot create a bank here ({reason})") from error
        return cls(root)

    @property
    def name(self) -> str:
        return str(json.loads(read_text(self.root / MARKER)).get("name", self.root.name))

    @property
    def timeout_s(self) -> float | None:
        """The bank's wall-clock limit per task run (`timeout_s` in bank.json), if set."""
        value = json.loads(read_text(self.root / MARKER)).get("timeout_s")
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            raise BankError(f"{self.root / MARKER}: timeout_s must be a positive number of seconds")
        if value > MAX_TIMEOUT_S:
            raise BankError(
                f"{self.root / MARKER}: timeout_s is {value:g} s, over the {MAX_TIMEOUT_S:g} s "
                "a task run may have"
            )
        return float(value)

    @property
    def private_dir(self) -> Path:
        """Untracked working state: the lock, autosaved drafts, staging areas."""
        path = self.root / PRIVATE_DIR
        try:
            path.mkdir(exist_ok=True)
        except PermissionError as error:
            raise self.not_writable(path) from error
        return path

    def not_writable(self, path: Path) -> BankError:
        """What to say when this user may not write `path` of the bank: the system's bare
        "Permission denied" left an annotator to work out that the bank is someone else's."""
        try:
            owner = f"uid {(path if path.exists() else path.parent).stat().st_uid}"
        except OSError:
            owner = "another user"
        return BankError(
            f"{path}: permission denied: this user (uid {os.getuid()}) cannot write to the bank "
            f"({path.name if path.exists() else path.parent.name} belongs to {owner}); work in "
            "a clone of your own, or ask its owner for write access"
        )

    def repo(self) -> git.Repo:
        import git

        try:
            return git.Repo(self.root, search_parent_directories=True)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError) as error:
            raise BankError(
                f"{self.root}: the bank is not inside a git repository; `curator init "
                f"{shlex.quote(str(self.root))}` makes one here and commits bank.json"
            ) from error

    # -- locking -----------------------------------------------------------------------------

    @contextmanager
    def lock(self, timeout: float = 10.0) -> Iterator[None]:
        """Keep other curator processes, and other threads of this one, from writing the bank
        at the same time."""
        with _thread_locks_guard:
            thread_lock = _thread_locks.setdefault(self.root, threading.Lock())
        deadline = time.monotonic() + timeout
        if not thread_lock.acquire(timeout=timeout):
            raise BankError(
                f"{self.root}: the bank is locked by another thread of this process (pid "
                f"{os.getpid()}); try again when it has finished"
            )
        try:
            with self._file_lock(deadline):
                yield
        finally:
            thread_lock.release()

    @contextmanager
    def _file_lock(self, deadline: float) -> Iterator[None]:
        path = self.private_dir / "lock"
        try:
            descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)  # no O_APPEND: pwrite
            handle = open(descriptor, "r+")  # noqa: SIM115 (closed by the `with` below)
        except PermissionError as error:
            raise self.not_writable(path) from error
        with handle:
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        handle.seek(0)
                        holder = handle.read().strip() or "unknown"
                        raise BankError(
                            f"{self.root}: the bank is locked by another curator process "
                            f"(pid {holder}); try again when it has finished"
                        ) from None
                    time.sleep(0.05)
            pid = str(os.getpid()).encode()
            try:  # unbuffered: a failed write is not tried again as the file closes
                os.pwrite(handle.fileno(), pid, 0)
                os.ftruncate(handle.fileno(), len(pid))
            except OSError as error:  # a full disk: named, before any of the bank's files
                raise OSError(error.errno, error.strerror, str(path)) from None
            try:
                yield
            finally:
                handle.seek(0)
                handle.truncate()
                fcntl.flock(handle, fcntl.LOCK_UN)

    # -- reading -----------------------------------------------------------------------------

    def task_dir(self, task_id: str) -> Path:
        if not task_id:  # `curator show "$ID"` with ID unset
            raise TaskNotFound(task_id, hint="the task id is empty")
        name = folder_name(task_id)
        if len(name.encode()) > NAME_MAX:
            raise TaskNotFound(task_id)  # no file system holds it: no task can have that id
        if name.lower() in RESERVED_FOLDERS:
            raise TaskNotFound(task_id, hint=f"{name}/ is the bank's own folder")
        return self.root / name

    def real_task_dir(self, task_id: str) -> Path:
        """The task's folder, refused if it is or holds a symbolic link."""
        directory = self.task_dir(task_id)
        check_real_folder(directory)
        return directory

    def task_dirs(self) -> list[Path]:
        """Every folder that is, or looks like it was meant to be, a task folder."""
        folders = [
            Path(entry.path)
            for entry in os.scandir(self.root)
            if entry.is_dir()
            and not entry.name.startswith(".")
            and entry.name.lower() not in RESERVED_FOLDERS
            and (
                os.path.exists(os.path.join(entry.path, META_FILE))
                or os.path.exists(os.path.join(entry.path, PROGRAM_FILE))
            )
        ]
        return sorted(folders, key=lambda path: task_sort_key(_id_or_name(path.name)))

    def task_ids(self) -> list[str]:
        return [_id_or_name(path.name) for path in self.task_dirs()]

    def not_found(self, task_id: str) -> TaskNotFound:
        """No task `task_id`; when it is the folder of one (`Demo__4`, as `ls` shows), the
        error names that task."""
        named = _decode_folder(task_id) if folder_name_is_valid(task_id) else task_id
        return TaskNotFound(task_id, named if named != task_id and self.exists(named) else None)

    def exists(self, task_id: str) -> bool:
        return (self.task_dir(task_id) / META_FILE).is_file()

    def load(self, task_id: str) -> Task:
        directory = self.real_task_dir(task_id)
        if not directory.is_dir():
            raise self.not_found(task_id)
        return load_task_dir(directory)

    def load_unchanged(
        self, task_id: str, content_hash: str, work: str, command: str, error: type[E]
    ) -> Task:
        """The task, if its content is still `content_hash`: the one `work` ran on. Else
        `error`, so that results of other code are never stored (callers hold the lock)."""
        task = self.load(task_id)
        if task.content_hash() != content_hash:
            raise error(
                f"{task_id}: the task changed while {work}; nothing was stored "
                f"(run `curator {command}` again)"
            )
        return task

    def scan(self) -> BankScan:
        scan = BankScan()
        for directory in self.task_dirs():
            try:
                scan.tasks.append(load_bank_folder(directory))
            except TaskFileError as problem:
                scan.problems.append(problem)
        return scan

    def load_all(self) -> list[Task]:
        """Every task; raises the first problem so that nothing acts on a partial bank."""
        scan = self.scan()
        if scan.problems:
            raise scan.problems[0]
        return scan.tasks

    # -- writing -----------------------------------------------------------------------------

    def save(self, task: Task) -> Path:
        """Write a task so that a crash leaves the old task or the new one, whole.

        The files are written and fsynced in a staging folder under `.curator/`, which then
        swaps places with the task folder in one step; sidecars are carried over as hard links.
        Where the system cannot swap folders, files are replaced one by one, `task.json` last.
        A folder the system will not write is named with the system's reason (TaskFileError).
        Caller holds the lock.
        """
        directory = self.real_task_dir(task.task_id)
        _refuse_case_twin(task.task_id, os.listdir(self.root))
        _refuse_oversized(task)
        saving = self.private_dir / "saving"
        _remove_leftover(saving)  # of a crash, or of a save that could not clear it
        staging = saving / directory.name
        try:
            staging.mkdir(parents=True)
            write_task_files(staging, task, durable=False)
            if not directory.is_dir():
                _fsync_folder(staging)
                os.rename(staging, directory)
            else:
                _link_sidecars(directory, staging)
                _fsync_folder(staging)
                if not exchange_paths(staging, directory):
                    write_task_files(directory, task)
            fsync_directory(self.root)
        except OSError as error:
            reason = error.strerror or str(error)
            raise TaskFileError(directory, f"cannot save the task ({reason})") from error
        finally:
            shutil.rmtree(saving, ignore_errors=True)
        return directory

    def save_all(self, tasks: list[Task], previous: list[Task]) -> None:
        """Save tasks all or nothing: where one cannot be saved, those saved before it are put
        back as `previous` (each task as the caller loaded it) has them. Caller holds the lock."""
        saved: list[Task] = []
        try:
            for task, before in zip(tasks, previous, strict=True):
                self.save(task)
                saved.append(before)
        except BaseException:
            for before in saved:
                self.save(before)
            raise

    def delete(self, task_id: str) -> None:
        directory = self.real_task_dir(task_id)
        if not directory.is_dir():
            raise self.not_found(task_id)
        shutil.rmtree(directory)

    def add_all(self, tasks: list[Task]) -> None:
        """Add new tasks all or nothing: staged under `.curator/`, then renamed into place."""
        problems = [problem for task in tasks if (problem := task_id_problem(task.task_id))]
        if problems:
            raise BankError(problems[0])
        folders = os.listdir(self.root)
        for task in tasks:
            _refuse_oversized(task)
            _refuse_case_twin(task.task_id, folders)
            folders.append(folder_name(task.task_id))
        clashes = [task.task_id for task in tasks if os.path.lexists(self.task_dir(task.task_id))]
        if clashes:
            raise TasksExist(clashes)
        for leftover in self.private_dir.glob("staging-*"):  # of imports killed midway
            pid = leftover.name.removeprefix("staging-")
            if pid.isdigit() and not process_runs(int(pid)):
                shutil.rmtree(leftover, ignore_errors=True)
        staging = self.private_dir / f"staging-{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        moved: list[Path] = []
        try:
            for task in tasks:
                directory = staging / folder_name(task.task_id)
                directory.mkdir()
                write_task_files(directory, task, durable=False)
            os.sync()
            for task in tasks:
                target = self.task_dir(task.task_id)
                os.rename(staging / target.name, target)
                moved.append(target)
        except BaseException:
            for target in moved:
                shutil.rmtree(target, ignore_errors=True)
            raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    # -- sidecars ----------------------------------------------------------------------------

    def read_sidecar(self, task_id: str, name: str, model: type[Sidecar]) -> Sidecar | None:
        path = self.real_task_dir(task_id) / name
        if not path.is_file():
            return None
        data = path.read_bytes()
        try:
            return model.model_validate_json(data)
        except ValidationError as error:
            raise TaskFileError(path, json_file_problem(data, error)) from error

    def write_sidecar(
        self, task_id: str, name: str, value: BaseModel, meta: Task | None = None
    ) -> None:
        """Replace the sidecar `name`; with `meta` (the task as on disk but for its metadata),
        rewrite its `task.json` too, in the same step. Caller holds the lock."""
        directory = self.real_task_dir(task_id)
        if not directory.is_dir():
            raise self.not_found(task_id)
        files = {directory / name: value.model_dump_json(indent=2) + "\n"}
        if meta is not None:
            files[directory / META_FILE] = meta_json(meta)
        atomic_write_all(files)


def _refuse_case_twin(task_id: str, folders: list[str]) -> None:
    """Refuse a task whose folder name differs only in letter case from one of `folders`: on
    macOS and Windows the two are one folder, and one task would overwrite the other."""
    name = folder_name(task_id)
    twin = next((f for f in folders if f.casefold() == name.casefold() and f != name), None)
    if twin is not None:
        raise BankError(
            f"the task id {task_id!r} differs only in letter case from the folder {twin!r}: on "
            "macOS and Windows they would be one folder, and one task would overwrite the other"
        )


CONFLICT_MARKER = re.compile(rb"^<{7} ", re.MULTILINE)


def json_file_problem(data: bytes, error: ValidationError) -> str:
    """What is wrong with a JSON file of a task; a merge left unsettled is said as such, where
    the parser's "key must be a string at line 56" would hide it."""
    if CONFLICT_MARKER.search(data):
        return (
            "holds git's merge conflict markers (<<<<<<<): settle the merge first (edit the "
            "file, or keep one side with `git checkout --ours` or `--theirs`)"
        )
    return describe_validation_error(error)


def describe_validation_error(error: ValidationError) -> str:
    problems = []
    for item in error.errors():
        location = ".".join(str(part) for part in item["loc"]) or "(root)"
        problems.append(f"field {location!r}: {item['msg']}")
    return "; ".join(problems)


def load_bank_folder(directory: Path) -> Task:
    """Read a task folder of the bank (not of a commit), refused if it is or holds a link."""
    check_real_folder(directory)
    return load_task_dir(directory)


def load_task_dir(directory: Path) -> Task:
    """Read one task folder, naming the file and field of any problem."""
    meta_path = directory / META_FILE
    try:
        meta_bytes = _read_task_file(meta_path)
    except FileNotFoundError as error:
        raise TaskFileError(directory, f"{META_FILE} is missing") from error
    try:
        meta = TaskMeta.model_validate_json(meta_bytes)
    except ValidationError as error:
        raise TaskFileError(meta_path, json_file_problem(meta_bytes, error)) from error
    if not folder_name_is_valid(directory.name):
        raise TaskFileError(directory, "the folder name is not one curator gives a task")
    expected = task_id_from_folder(directory.name)
    if meta.task_id != expected:
        raise TaskFileError(
            meta_path, f"task_id {meta.task_id!r} does not match its folder (expected {expected!r})"
        )
    if problem := task_id_problem(meta.task_id):  # a folder made by hand, or pulled
        raise TaskFileError(meta_path, problem)
    try:
        return _task_from_files(directory, meta)
    except TaskFileError as broken:
        broken.task_id, broken.recorded_stage = meta.task_id, meta.stage.value
        raise


def _task_from_files(directory: Path, meta: TaskMeta) -> Task:
    program = _read_task_text(directory / PROGRAM_FILE)
    tests = _read_task_text(directory / TESTS_FILE)
    # Saving writes it always, empty before condensing: missing, it was lost, and an export
    # would pass the loss on as an empty prompt.
    instruction = _read_task_text(directory / INSTRUCTION_FILE)
    complete_prompt, solution = _split(program, meta)
    code_prompt_path = directory / CODE_PROMPT_FILE
    present = (
        os.path.lexists(code_prompt_path)
        if isinstance(code_prompt_path, Path)
        else code_prompt_path.is_file()
    )
    code_prompt = _read_task_text(code_prompt_path) if present else ""
    if not code_prompt:  # (an empty file is what a save of a draft that did not parse left)
        code_prompt = derive_code_prompt(complete_prompt, meta.entry_point) or ""
    return Task(
        **meta.model_dump(),
        complete_prompt=complete_prompt,
        canonical_solution=solution,
        instruct_prompt=instruction,
        code_prompt=code_prompt,
        test=tests,
    )


def oversized(size: int) -> str | None:
    """Why a task's file of `size` bytes cannot be one (None: it can)."""
    if size <= MAX_TASK_FILE_BYTES:
        return None
    return f"holds {size:,} bytes; a task's file may hold at most {MAX_TASK_FILE_BYTES:,} (1 MiB)"


def _refuse_oversized(task: Task) -> None:
    for name, text in (
        (PROGRAM_FILE, task.program),
        (TESTS_FILE, task.test),
        (INSTRUCTION_FILE, task.instruct_prompt),
        (CODE_PROMPT_FILE, task.code_prompt),
    ):
        if problem := oversized(len(text.encode(errors="surrogatepass"))):
            raise BankError(f"{task.task_id}: {name} {problem}; nothing was written")


def _read_task_file(path: Path) -> bytes:
    """The bytes of one of a task's files. Anything but a regular file is refused, named:
    reading a FIFO would wait for a writer forever (every command on the bank with it), and a
    folder or an unreadable file is one task's problem, not the bank's. FileNotFoundError is
    left to the caller, which knows what a missing file means. (A folder of a commit,
    `gitbank.TreeFolder`, reads its files from git.)"""
    if not isinstance(path, Path):
        data = path.read_bytes()
        if problem := oversized(len(data)):
            raise TaskFileError(path, problem)
        return data
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise
    except OSError as error:
        raise TaskFileError(path, f"cannot be read ({error.strerror or error})") from error
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise TaskFileError(path, "is not a regular file")
        if problem := oversized(status.st_size):
            raise TaskFileError(path, problem)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_TASK_FILE_BYTES + 1)  # no more, if it grew meanwhile
        if problem := oversized(len(data)):
            raise TaskFileError(path, problem)
        return data
    except OSError as error:
        raise TaskFileError(path, f"cannot be read ({error.strerror or error})") from error
    finally:
        os.close(fd)


def _read_task_text(path: Path) -> str:
    try:
        data = _read_task_file(path)
    except FileNotFoundError as error:
        raise TaskFileError(path, "file is missing") from error
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise TaskFileError(path, f"is not UTF-8 ({error})") from error


def _split(program: str, meta: TaskMeta) -> tuple[str, str]:
    split = split_program(program, meta.entry_point)
    kept = meta.interchange.prompt_chars
    # A kept length as long as the whole program is what a save of a draft that did not parse
    # recorded before (all of it counted as prompt): once the program parses, the split
    # is derived again, or export would carry the solution inside the prompt.
    if kept is not None and not (split is not None and kept >= len(program)):
        return program[:kept], program[kept:]
    return split if split is not None else _unparsed(program)


def _unparsed(program: str) -> tuple[str, str]:
    """A draft that does not parse yet: all of it counts as prompt until it does."""
    return program, ""


def meta_json(task: Task) -> str:
    """The text of the task's `task.json`: the prompt's length is kept only where it cannot
    be derived (an imported task whose docstring the split does not find); a draft that does
    not parse yet keeps none, so that its split is derived again once it does."""
    meta = task.meta()
    split = split_program(task.program, task.entry_point) or _unparsed(task.program)
    if split != (task.complete_prompt, task.canonical_solution):
        meta.interchange.prompt_chars = len(task.complete_prompt)
    else:
        meta.interchange.prompt_chars = None
    return meta.model_dump_json(indent=2, exclude_defaults=False) + "\n"


def write_task_files(directory: Path, task: Task, durable: bool = True) -> None:
    write = atomic_write if durable else _plain_write
    write(directory / PROGRAM_FILE, task.program)
    write(directory / TESTS_FILE, task.test)
    write(directory / INSTRUCTION_FILE, task.instruct_prompt)
    code_prompt_path = directory / CODE_PROMPT_FILE
    # No file for a prompt that loading derives (an empty one too: else the next save of the
    # task as loaded deleted the file, a change nobody made).
    derived = derive_code_prompt(task.complete_prompt, task.entry_point) or ""
    if task.code_prompt in ("", derived):
        code_prompt_path.unlink(missing_ok=True)
    else:
        write(code_prompt_path, task.code_prompt)
    write(directory / META_FILE, meta_json(task))


TASK_FILES = frozenset({PROGRAM_FILE, TESTS_FILE, INSTRUCTION_FILE, META_FILE, CODE_PROMPT_FILE})


def _remove_leftover(saving: Path) -> None:
    """Remove what an earlier save left in `saving` (we hold the lock: no save is under way).
    One that cannot be removed (a file made immutable, carried there with the task's old
    folder) is named with the reason, not left to fail every later save with "File exists"."""
    try:
        shutil.rmtree(saving)
    except FileNotFoundError:
        pass
    except OSError as error:
        where = Path(error.filename) if error.filename else saving
        raise TaskFileError(
            where,
            f"cannot remove this leftover of an earlier save ({error.strerror or error}), so "
            f"no task can be saved: remove {saving} by hand",
        ) from error


def _link_sidecars(source: Path, target: Path) -> None:
    """Give `target` every file of `source` that is not one of the task's own files nor
    curator's temporary: a save deleted the folder's hidden files (a reviewer's `.notes`, a
    committed `.gitignore`), which README promises are kept with the task."""
    for entry in os.scandir(source):
        if entry.name in TASK_FILES or is_own_temporary(entry.name):
            continue
        if entry.is_dir(follow_symlinks=False):
            shutil.copytree(entry.path, target / entry.name, copy_function=os.link)
        else:
            os.link(entry.path, target / entry.name, follow_symlinks=False)


def _fsync_folder(directory: Path) -> None:
    for entry in os.scandir(directory):
        if entry.is_file(follow_symlinks=False):
            fd = os.open(entry.path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    fsync_directory(directory)


def _plain_write(path: Path, data: str) -> None:
    path.write_bytes(data.encode())
