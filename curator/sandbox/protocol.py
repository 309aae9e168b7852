"""The records a sandbox run's harness sends to the supervisor, defined once; and what else
the worker and the process that owns it share (the preloads, the runs' memory cgroups).

Standard library only: the worker loads this file without the `curator` package.

Each record is one line: its JSON body, a tab, and an HMAC-SHA256 of the body keyed with a
secret the supervisor draws per run. The body carries the sender and that sender's sequence
number. The supervisor (outside the task's process) accepts a run's records only if every line
is signed, numbered 0, 1, 2... per sender, of a known kind, and in the order the harness writes
them (`check_order`); anything else is `tampering`. Task code writing into the inherited pipe
does not know the secret, so its records are rejected rather than believed.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import os
import time
from collections.abc import Callable
from enum import Enum
from typing import cast

RECORD_BYTES_LIMIT = 4 * 1024 * 1024
"""A longer line is rejected unread (a real arcs record of a large program is far smaller)."""
ARCS_LIMIT = 100_000
"""Arcs beyond this are not analysed: the analysis must stay bounded in time."""
KEY_BYTES = 32
CPU_TIME_EXIT = 128 + 24
"""How a run that used up a CPU-time limit ends, its own (a test's) or the kernel's RLIMIT_CPU
(SIGXCPU, 24)."""
HARNESS = "harness"
VARIANTS = "variants"
"""The batch process of a variants run (see worker.run_variants); variant i's harness signs as
`variant_sender(i)`."""
SENDERS = (HARNESS,)
THREAD_VARIABLES = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "TF_NUM_INTEROP_THREADS",
    "TF_NUM_INTRAOP_THREADS",
)
"""Set to 1 in the warm workers and every run: a library's thread pool started in a worker would
not survive its forks (BLAS), and one started in a run, sized to the machine (TensorFlow's),
competes with the other jobs' runs for the cores: `--jobs N` means N cores."""
HEAVY_LIBRARIES = ("tensorflow", "keras")
"""Libraries that take seconds to import (TensorFlow: 5.4 s here, 290 MB) and that few tasks
use: preloaded only by a warm worker of their own, started for the first run whose code
imports one of them, so that every other worker starts and forks as light as before."""


# Coverage slows down only a run's computation, by at most the CPU time the run spent. A run
# that computed for less than this share of its time, beyond what any run spends to start, was
# waiting (on sleeps, servers, processes): neither coverage nor the runs beside it made it
# late, and it leaves the CPUs to them.
WAITING_RUN_CPU_SHARE = 0.02
WAITING_RUN_MIN_S = 1.0
"""Shorter runs are not worth telling apart."""
RUN_START_CPU_S = 0.25
"""CPU time a run may spend besides its tests' and still have waited: the harness, coverage's
set-up and the imports of a fork (60 to 70 ms on a stdlib task here, and more under load: a
3 s sleep's run then passed for one that computed)."""
EXAMPLES_FINDING = "in the docstring examples: "
"""How a runtime finding of the docstring's examples begins (those of the tests do not)."""


def waiting_cpu_limit_s(wall_s: float) -> float:
    """The CPU time under which a run of `wall_s` seconds spent them waiting."""
    return RUN_START_CPU_S + WAITING_RUN_CPU_SHARE * wall_s


def waited(cpu_s: float | None, wall_s: float) -> bool:
    """Whether a run of `wall_s` seconds that used `cpu_s` of CPU time spent it waiting."""
    return cpu_s is not None and wall_s >= WAITING_RUN_MIN_S and cpu_s < waiting_cpu_limit_s(wall_s)


def variant_sender(index: int) -> str:
    return f"{HARNESS}:{index}"


class Event(str, Enum):
    """The kinds of record, in the order the harness writes them (`check_order`). A `str` enum
    spelled out rather than `StrEnum`: this module runs in bank environments' Pythons, 3.10
    included."""

    def __str__(self) -> str:  # as StrEnum's (f-strings and format() then give the value too)
        return self.value

    FORKED = "forked"  # the harness process exists (before privileges are dropped)
    STARTED = "started"  # the harness runs, before any task code
    INVALID = "invalid"  # the program or the tests cannot run: message, traceback
    MISSING_MODULE = "missing_module"  # module, importer: the library that imported it, or None
    TESTS = "tests"  # names: the tests the harness loaded, in run order
    START = "start"  # test
    END = "end"  # test, outcome, duration_s, message, traceback, memory, network
    FIXTURE = "fixture"  # name, outcome, message, traceback: a class or module fixture failed
    TAMPERING = "tampering"  # reasons: what the harness saw the task do to the test machinery
    ARCS = "arcs"  # arcs: the tracer's branch arcs of task.py
    LINES = "lines"  # by_test, outside, at_load, modules: lines each test ran (test_lines)
    RUNTIME = "runtime"  # findings: [{code, message}] the audit hook saw during the tests
    EXAMPLES_FINDINGS = "examples_findings"  # findings: the docstring examples' so far, as seen
    DOCTEST = "doctest"  # attempted, failed, report, findings: the docstring examples'
    HARNESS_ERROR = "harness_error"  # traceback: the harness itself failed
    DONE = "done"  # the last harness record; the harness then exits 0
    VARIANT_END = "variant_end"  # index, status, timed_out, leftovers: one variant of a batch


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


class Channel:
    """The signing end of the result pipe, for one sender of one run.

    It runs in the task's process, after task code that may have replaced any function of a
    standard module (`json.dumps`, `hmac.HMAC.copy`): so it takes every callable it needs as it
    is made, before task code runs, and only ones written in C (the JSON encoder, the hash
    objects, `os.write`), whose behaviour nothing in Python can change. HMAC (RFC 2104) is
    computed from two keyed SHA-256 states rather than through `hmac`, whose class is Python's
    (and, patched, would hand the keyed state to the task)."""

    def __init__(self, fd: int, key: bytes, sender: str) -> None:
        self._fd = fd
        block = hashlib.sha256().block_size
        if len(key) > block:
            key = hashlib.sha256(key).digest()
        padded = key.ljust(block, b"\0")
        self._inner = hashlib.sha256(bytes(byte ^ 0x36 for byte in padded))
        self._outer = hashlib.sha256(bytes(byte ^ 0x5C for byte in padded))
        # json.dumps's own encoder, with its defaults (ASCII, ", " and ": ", NaN allowed)
        self._encode = json.encoder.c_make_encoder(  # type: ignore[attr-defined]
            None,
            _unencodable,
            json.encoder.encode_basestring_ascii,
            None,
            ": ",
            ", ",
            False,
            False,
            True,
        )
        self._join = "".join
        self._text = str.__str__
        self._sender = sender
        self._sequence = 0
        self._write = os.write
        self._getpid = os.getpid
        self._pid = os.getpid()
        self._fstat, self._listdir, self._close = os.fstat, os.listdir, os.close

    def disarm(self) -> None:
        """Run in each process forked from the sender (`os.register_at_fork`; and by the audit
        hook at the child's first audited event, for a fork that ran no handler, such as libc's
        through ctypes), before task code reaches the channel there: the child loses the key,
        then the pipe (each descriptor of it, duplicates too). Only what the channel took as it
        was made is called: `hashlib.sha256 = None` for a moment made this fail halfway, its
        error ignored, and the child kept both (red team)."""
        self._inner = self._outer = None  # type: ignore[assignment]
        fd, self._fd = self._fd, -1
        try:
            pipe = self._fstat(fd)
        except OSError:  # closed already
            return
        try:
            descriptors = [int(name) for name in self._listdir("/proc/self/fd")]
        except OSError:  # no /proc: the descriptors a process may have open by default
            descriptors = list(range(1024))
        for descriptor in descriptors:
            try:
                found = self._fstat(descriptor)
            except OSError:
                continue
            if (found.st_dev, found.st_ino) == (pipe.st_dev, pipe.st_ino):
                self._close(descriptor)

    def emit(self, event: Event, **fields: object) -> None:
        """Write one signed record; a forked child that runs on in the harness writes nothing
        (its records would repeat the parent's sequence numbers)."""
        if self._getpid() != self._pid:
            return
        sequence = self._sequence
        body = {"event": self._text(event), "from": self._sender, "seq": sequence, **fields}
        data = self._join(self._encode(body, 0)).encode()
        # Taken once the record is made: one that could not be (out of stack or memory, in
        # the audit hook) leaves no gap in the sequence.
        self._sequence = sequence + 1
        inner = self._inner.copy()
        inner.update(data)
        outer = self._outer.copy()
        outer.update(inner.digest())
        line = data + b"\t" + outer.hexdigest().encode() + b"\n"
        while line:
            line = line[self._write(self._fd, line) :]


def _unencodable(value: object) -> object:
    raise TypeError(f"a record cannot hold a {type(value).__name__}")


def _of_types(*types: type) -> Callable[[object], bool]:
    return lambda value: type(value) in types


def _list_of(*types: type) -> Callable[[object], bool]:
    """A list of items of exactly these types, checked in C: the arcs of a large program
    number thousands, read by the supervisor and by the host for every run."""
    return lambda value: type(value) is list and set(map(type, value)) <= set(types)


def _is_arcs(value: object) -> bool:
    return (
        _list_of(list)(value)
        and set(map(len, cast(list[list[object]], value))) <= {2}
        and set(map(type, itertools.chain.from_iterable(cast(list[list[object]], value)))) <= {int}
    )


def _is_findings(value: object) -> bool:
    findings = cast(list[dict[str, object]], value)
    return _list_of(dict)(value) and all(_texts(list(found.values())) for found in findings)


_text = _of_types(str)
_integer = _of_types(int)
_texts = _list_of(str)
_integers = _list_of(int)
FIELD_SHAPES: dict[str, Callable[[object], bool]] = {
    "event": _text,
    "from": _text,
    "seq": _integer,
    **dict.fromkeys(("clock", "clock_after", "clock_ended", "duration_s"), _of_types(int, float)),
    **dict.fromkeys(("test", "name", "outcome", "module", "tampering", "report"), _text),
    **dict.fromkeys(
        ("message", "traceback", "importer", "entry_wrapper"), _of_types(str, type(None))
    ),
    **dict.fromkeys(("names", "reasons", "network", "modules"), _texts),
    **dict.fromkeys(("memory", "timed_out", "bound_sockets"), _of_types(bool)),
    **dict.fromkeys(("index", "status", "leftovers", "attempted", "failed"), _integer),
    "arcs": _is_arcs,
    "outside": _integers,
    "at_load": _integers,
    "by_test": lambda value: type(value) is dict and all(map(_integers, value.values())),
    "findings": _is_findings,
}
"""The shape of each field a record may hold, by name (the same in every kind of record):
the harness writes no other. A signed record proves only that it came from within the run,
where task code may reach the channel (see the harness's docstring): a field of another
shape crashed the command that read it, and every task after it went unvalidated."""


def malformed_field(record: dict[str, object]) -> str | None:
    """The first field of `record` whose value has a shape the harness never writes."""
    for field, value in record.items():
        shape = FIELD_SHAPES.get(field)
        if shape is not None and not shape(value):
            return field
    return None


def read_records(
    data: bytes, key: bytes, senders: tuple[str, ...] = SENDERS
) -> tuple[list[dict[str, object]], list[str]]:
    """The signed records of a run, and why the rest was rejected (each reason is tampering).

    A last line cut short is dropped without blame when the harness never finished (it was
    killed mid-write); after `done`, every byte must belong to a signed record.
    """
    records: list[dict[str, object]] = []
    problems: list[str] = []
    expected = dict.fromkeys(senders, 0)
    lines = data.split(b"\n")
    tail = lines.pop()
    names = {event.value for event in Event}
    for line in lines:
        record = verified_record(line, key)
        if record is None:
            problems.append(_describe_rejected(line))
            continue
        sender, sequence = record.get("from"), record.get("seq")
        if record.get("event") not in names or sender not in expected:
            problems.append(f"a signed record of unknown kind {record.get('event')!r}")
        elif sequence != expected[str(sender)]:
            problems.append(
                f"record {sequence} from the {sender} arrived where {expected[str(sender)]} "
                "was due (duplicated, dropped or reordered)"
            )
        else:
            expected[str(sender)] += 1
            field = malformed_field(record)
            if field is None:
                records.append(record)
            else:
                problems.append(
                    f"a signed {record['event']} record whose {field} is a "
                    f"{type(record[field]).__name__} of a shape the harness never writes"
                )
    finished = any(record["event"] == Event.DONE for record in records)
    if tail and finished:
        problems.append("unsigned bytes after the last record")
    return records, problems


def verified_record(line: bytes, key: bytes) -> dict[str, object] | None:
    """The record of one line (without its newline) if it is signed with `key`, else None."""
    if len(line) > RECORD_BYTES_LIMIT:
        return None
    body, tab, mac = line.rpartition(b"\t")
    if not tab:
        return None
    expected = hmac.new(key, body, hashlib.sha256).hexdigest().encode()
    if not hmac.compare_digest(expected, mac):
        return None
    try:
        record = json.loads(body)
    except ValueError:
        return None
    if not isinstance(record, dict):
        return None
    if b"\\ud" in body or b"\\uD" in body:  # a UTF-16 surrogate, maybe alone
        cleaned = without_lone_surrogates(record)
        return cleaned if isinstance(cleaned, dict) else None
    return record


def without_lone_surrogates(value: object) -> object:
    """`value` with each lone surrogate in its strings written as its escape (`\\udcff`).
    Task code can put one in any string a record holds (a test's name, a message, a path it
    opened); no UTF-8 file can hold it, and storing the report failed."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-8", "backslashreplace").decode("utf-8")
        return value
    if isinstance(value, list):
        return [without_lone_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {
            without_lone_surrogates(key): without_lone_surrogates(item)
            for key, item in value.items()
        }
    return value


def _describe_rejected(line: bytes) -> str:
    if len(line) > RECORD_BYTES_LIMIT:
        return f"a {len(line) // 1024} KiB record, over the {RECORD_BYTES_LIMIT // 1024} KiB limit"
    snippet = line[:60].decode("utf-8", "replace")
    return f"an unsigned or forged record: {snippet!r}"


def stopped_in_examples(records: list[dict[str, object]]) -> bool:
    """Whether the run was stopped after the tests had ended (the harness's `runtime` record)
    and before the harness's last record (`done`): while the docstring examples ran."""
    kinds = {record.get("event") for record in records if record.get("from") == HARNESS}
    return Event.RUNTIME in kinds and Event.DONE not in kinds


def check_order(records: list[dict[str, object]], test_names: set[str] | None) -> list[str]:
    """Where the harness's records break the order it writes them in (each is tampering).

    `test_names`: the test methods the tests declare (from their syntax tree, read outside the
    task's process), or None when a run order was given; `tests` must list every one of them.
    """
    problems: list[str] = []
    seen: set[str] = set()
    listed: set[str] | None = None
    running: str | None = None
    finished: set[str] = set()
    done = False
    for record in records:
        if record.get("from") != HARNESS:
            continue
        kind = str(record["event"])
        if done:
            problems.append(f"a {kind} record after done")
        once = kind in (
            Event.STARTED,
            Event.TESTS,
            Event.ARCS,
            Event.LINES,
            Event.RUNTIME,
            Event.DOCTEST,
        )
        if once and kind in seen:
            problems.append(f"a second {kind} record")
        seen.add(kind)
        if kind == Event.TESTS:
            names = record.get("names")
            if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
                problems.append("a malformed tests record")
                continue
            listed = set(names)
            dropped = sorted((test_names or set()) - listed)
            if dropped:
                problems.append("the test list leaves out " + ", ".join(dropped[:5]))
        elif kind == Event.START:
            test = record.get("test")
            if listed is None or test not in listed or test in finished or running is not None:
                problems.append(f"start of {test!r} out of order")
            running = str(test)
        elif kind == Event.END:
            test = record.get("test")
            if test != running:
                problems.append(f"end of {test!r} out of order")
            finished.add(str(test))
            running = None
        elif kind == Event.DONE:
            done = True
    return problems


RUN_CGROUP_PREFIX = "curator-run-"
"""The runs' memory cgroups are named this, the worker's own part (`Zygote`), then a random
part of the run's own."""


def cgroup_candidates() -> list[tuple[int, str]]:
    """Where this process could make a memory cgroup: (version, directory), v2 first."""
    mounts: dict[str, str] = {}
    with open("/proc/self/mountinfo") as mountinfo:
        for line in mountinfo:
            fields = line.split()
            fstype = fields[fields.index("-") + 1]
            if fstype == "cgroup2":
                mounts.setdefault("v2", fields[4])
            elif fstype == "cgroup" and "memory" in fields[-1].split(","):
                mounts.setdefault("v1", fields[4])
    found = []
    with open("/proc/self/cgroup") as cgroups:
        for line in cgroups:
            _, controllers, path = line.rstrip("\n").split(":", 2)
            if controllers == "" and "v2" in mounts:
                found.append((2, mounts["v2"] + path))
            elif "memory" in controllers.split(",") and "v1" in mounts:
                found.append((1, mounts["v1"] + path))
    return sorted(found, reverse=True)


def remove_run_cgroups(prefix: str) -> None:
    """Remove the memory cgroups named `prefix`* that are left, once no process that made
    them can still run: a supervisor killed before it removed its run's (the worker ending
    before it did, on a host too slow for the worker's wait) left one for good. A cgroup that
    still holds a process stays (the kernel refuses)."""
    for _, directory in cgroup_candidates():
        try:
            names = [name for name in os.listdir(directory) if name.startswith(prefix)]
        except OSError:
            continue
        for name in names:
            for _ in range(50):  # a process just killed may hold it for a moment
                try:
                    os.rmdir(os.path.join(directory, name))
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    time.sleep(0.01)
