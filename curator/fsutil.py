"""Crash-safe file writes (a reader sees the old file or the new one, never half of one), and
where the user's own files go."""

from __future__ import annotations

import ctypes
import errno
import glob
import os
import re
import threading
from collections.abc import Mapping
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_libc = ctypes.CDLL(None, use_errno=True)
# `.NAME.PID.THREAD.tmp`: the file `atomic_write` writes before renaming it over NAME.
_TEMPORARY = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d+)\.\d+\.tmp")


def home_directory() -> Path | None:
    """$HOME, else the passwd entry's home; None for a uid with neither (`env -i` as a
    container's uid), where `Path.home()` raises RuntimeError."""
    try:
        return Path.home()
    except RuntimeError:
        return None


def user_cache_dir() -> Path | None:
    """$XDG_CACHE_HOME, else ~/.cache; None without either."""
    explicit = os.environ.get("XDG_CACHE_HOME")
    if explicit:
        return Path(explicit)
    home = home_directory()
    return home / ".cache" if home is not None else None


def fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: str | bytes, mode: int | None = None) -> None:
    """Write to a temporary file beside `path`, fsync it, then rename it over `path`. `mode`:
    the file's permissions, set before anything is written (else the umask's)."""
    atomic_write_all({path: data}, mode)


def atomic_write_all(files: Mapping[Path, str | bytes], mode: int | None = None) -> None:
    """`atomic_write` of several files, each replaced whole (a crash between two replaces
    leaves some new and some old): every file is written and fsynced beside its target, then
    renamed, then each folder is fsynced once (one sync of a folder covers all its renames)."""
    temporaries = {
        path: path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        for path in files
    }
    for path in files:
        remove_stale_temporaries(path.parent, path.name)
    try:
        for path, data in files.items():
            try:
                with open(temporaries[path], "wb") as handle:
                    if mode is not None:
                        os.fchmod(handle.fileno(), mode)
                    handle.write(data.encode() if isinstance(data, str) else data)
                    handle.flush()
                    os.fsync(handle.fileno())
            except OSError as error:  # named as the file the caller asked for
                raise OSError(error.errno, f"cannot write: {error.strerror}", str(path)) from error
        for path, temporary in temporaries.items():
            os.replace(temporary, path)
    finally:
        for temporary in temporaries.values():
            temporary.unlink(missing_ok=True)
    for folder in dict.fromkeys(path.parent for path in files):
        fsync_directory(folder)


def is_own_temporary(name: str) -> bool:
    """Whether a file's name is that of an `atomic_write` temporary (curator's own)."""
    return _TEMPORARY.fullmatch(name) is not None


def remove_stale_temporaries(folder: Path, target: str | None = None) -> list[Path]:
    """Delete the temporary files `atomic_write` left when its process was killed between
    write and rename: those of the file `target` in `folder`, or (no target) all in and below
    `folder`. Only curator's own temporaries, by their name, and only of processes that no
    longer run; returns the ones left, whose process still runs."""
    pattern = f".{glob.escape(target)}.*.tmp" if target is not None else ".*.tmp"
    found = folder.glob(pattern) if target is not None else folder.rglob(pattern)
    left = []
    for path in found:
        match = _TEMPORARY.fullmatch(path.name)
        if match is None or (target is not None and match["name"] != target):
            continue
        if process_runs(int(match["pid"])):
            left.append(path)
        else:
            path.unlink(missing_ok=True)
    return left


def process_runs(pid: int) -> bool:
    if pid == os.getpid():
        return True  # another thread of this process may be writing it
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:
        return True  # another user's process
    return True


def read_text(path: Path) -> str:
    """Read exactly what is on disk (no newline translation), so round trips are byte exact."""
    return path.read_bytes().decode("utf-8")


def exchange_paths(first: Path, second: Path) -> bool:
    """Swap two directories in one step (Linux `renameat2` with RENAME_EXCHANGE).

    Returns False where the system or file system cannot do it, so callers can fall back.
    """
    renameat2 = getattr(_libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))
