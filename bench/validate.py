"""Where validation's time goes: curator against the floor and the usual ways to run tasks.

    python bench/validate.py [--jobs 2] [--limit N] [--rounds N] [--profile DIR]
    python bench/validate.py --jsonl FILE [--environment DIR] [--jobs 2] [--timeout S]

Default: the stdlib-only tasks (every entry of `libs`, and every module the tests import, in the
standard library) of ../shared/bcb-sample/BigCodeBench-sample300.jsonl, so that no way of running
pays for imports the others skip. On those tasks, in one run:

- floor: every task's tests in one warm process, no isolation, no coverage (the tests' own time);
- floor with branch coverage: the same process measuring each solution's branch coverage as the
  sandbox does (coverage.py's C tracer, the task's file only): what no tool that measures branch
  coverage can go below, so `unittest per file / floor with branch coverage` is the most such a
  tool could reach against unittest per file, and curator's CPU beyond it is what its own work
  per task costs (isolation, checks, storage, start-up);
- unittest per file: one `python -m unittest` process per task, N at a time;
- pytest per file: one `python -m pytest FILE` process per task, N at a time (the BigCodeBench
  annotation repository's CI);
- curator cold: `curator validate --all --jobs N --force` on a fresh bank (sandbox, branch
  coverage, static checks, doctests, storage), process start to exit;
- curator stored: the same command again without --force (every report current);
- curator on a one-task bank (the first task): what any bank pays once (the command's start, the
  warm worker's, ruff's). Against unittest per file, it prints what 2x would leave per task
  beyond the covered floor, and what is left of that once the start-up is paid: the budget for
  each run's isolation, checks and storage;
- a per-task breakdown, in this process through the core API (the steps `validate_tasks` takes):
  static checks (in batches, on a thread of their own beside the runs), the request's round
  trip, the sandbox's own steps (`SuiteRun.timings`: set-up for the request (uid, task file),
  handing it to the harness, harness set-up, compile and import, tests, coverage collection,
  doctests, the end (the harness's pipes closed, the run's other processes killed), coverage
  analysis), N at a time and then one at a time (the overhead per task without another
  worker competing for the cores, as issue 13 measures it). The namespaces, root, cgroup and
  harness's process are prepared before the request arrives, by an idle supervisor, and
  reports are stored on the calling thread while the next runs go on, as `validate` does:
  their times are printed apart. Then the CPU per task by process, read from /proc (the runs
  until answered, the supervisors with the runs' ends, the warm workers, the analysis service,
  this process, ruff): with every core busy, CPU and not any one run's path decides the wall.

`--jsonl FILE --environment DIR` runs FILE's tasks with the libraries of a bank's built
environment (DIR is its `environment/` folder), as `validate` does for that bank. `--fresh`
then also runs each task's tests in one fresh interpreter of that environment, as BigCodeBench
evaluates (no sandbox, coverage or checks), N at a time: it prints that wall time and every
test whose outcome differs from curator's.
`--timeout S` gives every bank the bench makes that time limit per task run (`timeout_s` in its
bank.json; else curator's 60 s). BigCodeBench's own evaluation gives each reference solution
240 s (`BIGCODEBENCH_TIMEOUT_PER_TASK`): BigCodeBench/417 trains a Keras model for 45 to 63 s
on this machine and BigCodeBench/1040 serves sockets for about a minute, so at 60 s their
verdicts depend on the host's speed that minute, and at 240 s they do not.

`--skip BigCodeBench/1040` leaves out a task (that one serves sockets for a minute, longer
than curator's 60 s timeout, and would dominate every figure). `--jsonl FILE` runs any
BigCodeBench file end to end (the breakdown pass only) and prints tasks per second and the
slowest tasks with where their time went, then what BigCodeBench's whole release (1,140 tasks)
would take on this machine at that rate, two ways: the wall time scaled, and the CPU time
scaled over the jobs' cores (never less than the longest task). A sample whose one long task
(BigCodeBench/417 trains a model for minutes) holds the last worker alone for its final
minute or two scales that minute with it, which a full release, with 3.8 times the other
work to spread over the workers meanwhile, does not. `--profile DIR` also records the cold
curator run with py-spy (parent and every forked process) into DIR.

`--rounds N` runs the ways compared (floor, unittest and pytest per file, curator cold and
stored) N times in turn and prints each figure's median and each ratio's median of the rounds'
own ratios: the host's speed drifts between runs, and one round's ways run back to back.

Every way's processes run with PYTHONDONTWRITEBYTECODE unset, so that curator's own modules are
read from their bytecode as on an ordinary machine, not compiled anew by every command.

Figures are wall seconds and CPU seconds (user+sys of every process involved, which a busy
machine distorts less), with the load average at the start of each. Goals (issue 13): curator
cold >= 2x faster than unittest per file, within 3x of the floor; overhead per task above the
tests' own time <= 20 ms with coverage; the full release (1,140 tasks, libraries installed)
in under 8 minutes on 2 workers.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from curator.imports import imported_modules, is_standard_library
from curator.sandbox.worker import ANALYSIS_SERVICE_NAME, SUPERVISOR_NAME, WORKER_NAME

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_JSONL = PROJECT_ROOT.parent / "shared" / "bcb-sample" / "BigCodeBench-sample300.jsonl"
if not DEFAULT_JSONL.exists():
    DEFAULT_JSONL = Path("/work/shared/bcb-sample/BigCodeBench-sample300.jsonl")

FLOOR_SCRIPT = r"""
import json, os, sys, tempfile, time, types, unittest, io
records = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
measure = sys.argv[2:] == ["coverage"]
if measure:  # as the sandbox measures: branches, C tracer, the task's own file only
    import coverage
    os.environ["COVERAGE_CORE"] = "ctrace"
    covered = coverage.Coverage(
        data_file=None, branch=True, include=["*/task.py"], config_file=False
    )
home = os.getcwd()
started = time.perf_counter()
outcomes = {}
for record in records:
    directory = tempfile.mkdtemp()
    os.chdir(directory)
    module = types.ModuleType("__test__")
    sys.modules["__test__"] = module
    try:
        program = compile(record["complete_prompt"] + record["canonical_solution"],
                          os.path.join(directory, "task.py"), "exec")
        tests = compile(record["test"], os.path.join(directory, "tests.py"), "exec")
        if measure:
            covered.start()
        try:
            exec(program, module.__dict__)
            exec(tests, module.__dict__)
            suite = unittest.TestLoader().loadTestsFromTestCase(module.TestCases)
            result = unittest.TextTestRunner(stream=io.StringIO(), verbosity=0).run(suite)
        finally:
            if measure:
                covered.stop()
        outcomes[record["task_id"]] = result.wasSuccessful()
    except BaseException as error:
        outcomes[record["task_id"]] = f"{type(error).__name__}: {error}"
    os.chdir(home)
elapsed = time.perf_counter() - started
print(json.dumps({"elapsed": elapsed, "outcomes": outcomes}))
"""

# The sandbox's steps, in the order they happen (keys of SuiteRun.timings).
SANDBOX_STEPS = (
    "setup",
    "enter",
    "harness_setup",
    "import",
    "tests",
    "coverage_collection",
    "doctests",
    "exit",
    "analysis",
)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def proc_table() -> dict[int, tuple[int, str, float, float]]:
    """Every process's parent, name, CPU seconds (user and system) and its reaped children's,
    from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    table = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # gone meanwhile
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()  # from the state on: stat(5)'s 3rd field
        own = (int(fields[11]) + int(fields[12])) / ticks
        reaped = (int(fields[13]) + int(fields[14])) / ticks
        table[int(entry.name)] = (int(fields[1]), name, own, reaped)
    return table


SANDBOX_ROLES = ("runs", "supervisors", "workers", "analysis")
RELEASE_TASKS = 1140  # BigCodeBench's full release


def sandbox_cpu(worker_pids: list[int]) -> dict[str, float]:
    """CPU seconds used so far by a sandbox's processes (`Sandbox.worker_pids` and all they
    started), by role: the warm workers (forking supervisors, handing them requests), the
    analysis services, and the supervisors with their runs ("runs": the processes of those
    under way; a process already reaped counts through its parent's children's times)."""
    table = proc_table()
    children: dict[int, list[int]] = {}
    for pid, (parent, *_) in table.items():
        children.setdefault(parent, []).append(pid)
    roles = dict.fromkeys(SANDBOX_ROLES, 0.0)
    pending = list(worker_pids)
    while pending:
        pid = pending.pop()
        if pid not in table:
            continue
        _, name, own, reaped = table[pid]
        if name == WORKER_NAME.decode():  # its reaped children: supervisors (and their runs)
            roles["workers"] += own
            roles["supervisors"] += reaped
        elif name == ANALYSIS_SERVICE_NAME.decode():
            roles["analysis"] += own + reaped
        elif name == SUPERVISOR_NAME.decode():
            roles["supervisors"] += own + reaped
        elif name != "unshare":
            roles["runs"] += own + reaped
        pending.extend(children.get(pid, []))
    return roles


def load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def stdlib_only(record: dict[str, Any]) -> bool:
    """The solution's libraries and the tests' imports are all in the standard library (a
    test importing faker would make curator start its worker that preloads libraries)."""
    modules = [*ast.literal_eval(record["libs"]), *imported_modules(record["test"])]
    return all(is_standard_library(name) for name in modules)


def timed(function: Callable[[], Any]) -> tuple[float, float, Any]:
    """(wall s, CPU s of child processes, result)."""
    started, cpu = time.perf_counter(), children_cpu()
    result = function()
    return time.perf_counter() - started, children_cpu() - cpu, result


def run_floor(
    jsonl: Path, workdir: Path, coverage: bool = False
) -> tuple[float, float, float, dict[str, Any]]:
    """Every task's tests in one process, with the solution's branch coverage if `coverage`:
    (the tests' time, the process's wall, its CPU, each task's outcome). Temporary files go
    in `workdir`, so the directories tasks leave behind are removed with it, not left in /tmp."""
    script = workdir / "floor.py"
    script.write_text(FLOOR_SCRIPT)
    wall, cpu, completed = timed(
        lambda: subprocess.run(
            [sys.executable, str(script), str(jsonl), *(["coverage"] if coverage else [])],
            capture_output=True,
            text=True,
            cwd=workdir,
            env={**os.environ, "MPLBACKEND": "Agg", "TMPDIR": str(workdir)},
        )
    )
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    return result["elapsed"], wall, cpu, result["outcomes"]


def task_files(records: list[dict[str, Any]], workdir: Path) -> list[Path]:
    files = []
    for index, record in enumerate(records):
        directory = workdir / f"file-{index}"
        directory.mkdir()
        path = directory / f"test_task_{index}.py"
        path.write_text(
            record["complete_prompt"] + record["canonical_solution"] + "\n\n" + record["test"]
        )
        files.append(path)
    return files


def run_per_file(files: list[Path], jobs: int, command: list[str]) -> tuple[float, float, int]:
    """Each file in a process of its own, `jobs` at a time: (wall, CPU, files passed). Each
    file's directory is its TMPDIR, as in `run_floor`."""

    def one(path: Path) -> int:
        argument = path.stem if command[-1] == "unittest" else path.name
        return subprocess.run(
            [sys.executable, *command, argument],
            cwd=path.parent,
            capture_output=True,
            env={**os.environ, "MPLBACKEND": "Agg", "TMPDIR": str(path.parent)},
        ).returncode

    def all_files() -> list[int]:
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            return list(pool.map(one, files))

    wall, cpu, codes = timed(all_files)
    return wall, cpu, sum(code == 0 for code in codes)


def new_bank(root: Path, timeout_s: float | None) -> None:
    """A fresh bank at `root`, with `timeout_s` as its time limit per task run if given."""
    subprocess.run(
        [sys.executable, "-m", "curator", "init", str(root)], check=True, capture_output=True
    )
    if timeout_s is not None:
        marker = root / "bank.json"
        marker.write_text(json.dumps({**json.loads(marker.read_text()), "timeout_s": timeout_s}))


def py_spy() -> str:
    """py-spy's executable: on PATH, or beside this interpreter (installed in its venv)."""
    beside = Path(sys.executable).parent / "py-spy"
    found = shutil.which("py-spy") or (str(beside) if beside.exists() else None)
    if found is None:
        sys.exit("--profile records with py-spy, which is not installed: pip install py-spy")
    return found


def imported_bank(bank: Path, jsonl: Path, timeout_s: float | None) -> list[str]:
    """A fresh bank at `bank` holding `jsonl`'s tasks; the curator command that works on it."""
    curator = [sys.executable, "-m", "curator", "--bank", str(bank)]
    new_bank(bank, timeout_s)
    subprocess.run([*curator, "import", str(jsonl)], check=True, capture_output=True)
    return curator


def run_curator_cli(
    jsonl: Path, jobs: int, workdir: Path, profile: Path | None, timeout_s: float | None
) -> tuple[tuple[float, float, list[dict[str, Any]]], tuple[float, float, int]]:
    """`curator validate` on a fresh bank (cold), then again with every report stored."""
    curator = imported_bank(workdir / "bank", jsonl, timeout_s)
    command = [*curator, "validate", "--all", "--jobs", str(jobs), "--json"]
    cold_command = [*command, "--force"]
    if profile is not None:
        profile.mkdir(parents=True, exist_ok=True)
        spy = py_spy()
        cold_command = [
            spy,
            "record",
            "--subprocesses",
            "--rate",
            "250",
            "--format",
            "raw",
            "-o",
            str(profile / "curator-validate.txt"),
            "--",
            *cold_command,
        ]
    wall, cpu, completed = timed(
        lambda: subprocess.run(cold_command, capture_output=True, text=True)
    )
    rows = [json.loads(line) for line in completed.stdout.splitlines() if line.startswith("{")]
    if completed.returncode not in (0, 1) or not rows:
        sys.exit(f"curator validate failed:\n{completed.stderr[-3000:]}")
    stored_wall, stored_cpu, again = timed(
        lambda: subprocess.run(command, capture_output=True, text=True)
    )
    return (wall, cpu, rows), (stored_wall, stored_cpu, len(again.stdout.splitlines()))


def run_curator_start(jsonl: Path, workdir: Path, timeout_s: float | None) -> tuple[float, float]:
    """`curator validate --force` on a bank of the first task alone: (wall, CPU). Nearly all
    of it is what any bank pays once (the command's start, the warm worker's, ruff's), the
    part of curator cold that more tasks share out."""
    first = workdir / "first-task.jsonl"
    first.write_text(jsonl.read_text().splitlines()[0] + "\n")
    curator = imported_bank(workdir / "one-task-bank", first, timeout_s)
    wall, cpu, _ = timed(
        lambda: subprocess.run(
            [*curator, "validate", "--all", "--force"], capture_output=True, check=False
        )
    )
    return wall, cpu


Figures = tuple[float, float | None, int | None]
"""One way's (wall s, CPU s, tasks passed) in one round; None where the way does not tell."""


@dataclass
class Round:
    """The ways compared, run back to back: the host's speed drifts between runs (the floor
    took 1.18 to 1.87 s within one session), so only figures of one round compare well."""

    floor: Figures  # the tests' own time, inside the floor process
    floor_process: Figures  # the floor process from start to exit
    floor_covered: Figures  # the floor process measuring each solution's branch coverage
    unittest: Figures
    pytest: Figures | None
    cold: Figures
    stored: Figures  # tasks listed, not passed
    one_task: Figures  # curator cold on a bank of the first task: its start-up, mostly
    verdicts: dict[str, int]


def compare_ways(
    jsonl: Path, files: list[Path], directory: Path, args: argparse.Namespace, number: int
) -> Round:
    """Round `number` of the ways compared, in `directory`: the floor, unittest per file,
    pytest per file (unless skipped), curator cold and stored."""
    directory.mkdir()
    which = f"round {number} of {args.rounds}, " if args.rounds > 1 else ""
    print(f"floor ({which}{load()})", flush=True)
    floor, floor_wall, floor_cpu, outcomes = run_floor(jsonl, directory)
    print(f"floor with branch coverage ({load()})", flush=True)
    _, covered_wall, covered_cpu, covered = run_floor(jsonl, directory, coverage=True)
    print(f"unittest per file ({load()})", flush=True)
    unit = run_per_file(files, args.jobs, ["-m", "unittest"])
    pytest = None
    if not args.skip_pytest:
        print(f"pytest per file ({load()})", flush=True)
        pytest = run_per_file(files, args.jobs, ["-m", "pytest", "-q", "-p", "no:cacheprovider"])
    print(f"curator cold and stored ({load()})", flush=True)
    profile = args.profile if number == 1 else None
    (cold, cold_cpu, rows), stored = run_curator_cli(
        jsonl, args.jobs, directory, profile, args.timeout
    )
    one_wall, one_cpu = run_curator_start(jsonl, directory, args.timeout)
    verdicts: dict[str, int] = {}
    for row in rows:
        verdicts[row["verdict"]] = verdicts.get(row["verdict"], 0) + 1
    return Round(
        floor=(floor, None, sum(outcome is True for outcome in outcomes.values())),
        floor_process=(floor_wall, floor_cpu, None),
        floor_covered=(
            covered_wall,
            covered_cpu,
            sum(outcome is True for outcome in covered.values()),
        ),
        unittest=unit,
        pytest=pytest,
        cold=(cold, cold_cpu, verdicts.get("pass", 0)),
        stored=stored,
        one_task=(one_wall, one_cpu, None),
        verdicts=verdicts,
    )


def print_comparison(rounds: list[Round], count: int, jobs: int) -> None:
    """The ways side by side. With several rounds, each figure is the median of the rounds
    (the range of its wall times beside it) and each ratio the median of the rounds' own
    ratios, each round's listed."""
    several = len(rounds) > 1
    print(
        f"\n{'way':<34}{'wall s':>8}{'CPU s':>8}{'ms/task':>9}  passed"
        + ("  wall range" if several else "")
    )
    ways: list[tuple[str, list[Figures]]] = [
        ("floor, tests only (1 process)", [each.floor for each in rounds]),
        ("floor process (start + tests)", [each.floor_process for each in rounds]),
        ("floor process, branch coverage", [each.floor_covered for each in rounds]),
        (f"unittest per file, {jobs} at a time", [each.unittest for each in rounds]),
    ]
    pytests = [each.pytest for each in rounds if each.pytest is not None]
    if pytests:
        ways.append((f"pytest per file, {jobs} at a time", pytests))
    ways += [
        (f"curator cold, --jobs {jobs}", [each.cold for each in rounds]),
        (f"curator stored, --jobs {jobs}", [each.stored for each in rounds]),
    ]
    for name, figures in ways:
        walls = [wall for wall, _, _ in figures]
        cpus = [cpu for _, cpu, _ in figures if cpu is not None]
        middle = statistics.median(walls)
        cpu_text = f"{statistics.median(cpus):8.2f}" if cpus else f"{'':8}"
        passed = "" if figures[0][2] is None else str(figures[0][2])
        spread = f"  {min(walls):.2f}-{max(walls):.2f}" if several else ""
        print(f"{name:<34}{middle:8.2f}{cpu_text}{middle / count * 1000:9.1f}  {passed:<6}{spread}")
    verdicts = [each.verdicts for each in rounds]
    same = all(each == verdicts[0] for each in verdicts)
    print(f"curator verdicts: {verdicts[0] if same else verdicts}")

    def ratio(numerator: Callable[[Round], float], denominator: Callable[[Round], float]) -> str:
        values = [numerator(each) / denominator(each) for each in rounds]
        listed = f" (rounds: {', '.join(f'{value:.2f}' for value in values)})" if several else ""
        return f"{statistics.median(values):.2f}x{listed}"

    def median_ms(seconds: Callable[[Round], float]) -> str:
        return f"{statistics.median(seconds(each) for each in rounds) / count * 1000:.1f} ms"

    def cpu(figures: Figures) -> float:
        return figures[1] or 0.0

    def wall(figures: Figures | None) -> float:
        return figures[0] if figures is not None else float("nan")

    print(
        "unittest per file / curator cold: "
        f"{ratio(lambda each: each.unittest[0], lambda each: each.cold[0])} wall,\n  "
        f"{ratio(lambda each: cpu(each.unittest), lambda each: cpu(each.cold))} CPU (goal >= 2x)"
    )
    print(
        "unittest per file / floor process with branch coverage: "
        f"{ratio(lambda each: cpu(each.unittest), lambda each: cpu(each.floor_covered))} CPU,\n"
        "  the most any tool measuring branch coverage could reach, paying nothing per task\n"
        "  beyond the tests; curator cold's CPU beyond that floor: "
        f"{median_ms(lambda each: cpu(each.cold) - cpu(each.floor_covered))} per task\n"
        "  (isolation, checks, storage, start-up)"
    )

    def left_at_2x(each: Round) -> float:
        """At 2x, curator cold's CPU is half unittest's: what of it is left beyond the covered
        floor, to pay for the start-up once and for each task's isolation, checks, storage."""
        return cpu(each.unittest) / 2 - cpu(each.floor_covered)

    print(
        f"  at 2x: {median_ms(left_at_2x)} per task beyond that floor; a one-task bank\n"
        f"  (start-up, mostly) takes {median_ms(lambda each: cpu(each.one_task))} per task of it, "
        f"leaving {median_ms(lambda each: left_at_2x(each) - cpu(each.one_task))}\n"
        "  per task for each run's isolation, checks and storage"
    )
    if pytests:
        pytest_wall = ratio(lambda each: wall(each.pytest), lambda each: each.cold[0])
        print(f"pytest per file / curator cold: {pytest_wall} wall (goal >= 8x)")
    print(
        f"curator cold / floor: {ratio(lambda each: each.cold[0], lambda each: each.floor[0])} "
        "the tests' time,\n  "
        f"{ratio(lambda each: each.cold[0], lambda each: each.floor_process[0])} the floor "
        "process,\n  "
        f"{ratio(lambda each: cpu(each.cold), lambda each: cpu(each.floor_process))} its CPU "
        "(goal <= 3x)"
    )


def breakdown_bank(workdir: Path, jobs: int) -> Path:
    """Where `breakdown` makes its bank."""
    return workdir / f"breakdown-bank-{jobs}"


def breakdown(
    jsonl: Path,
    jobs: int,
    workdir: Path,
    environment: Path | None = None,
    timeout_s: float | None = None,
) -> tuple[float, dict[str, float], list[dict]]:
    """Validate every task through the core API as `validate_tasks` does, timing each step.
    A task's total is its worker's path: waiting for its static checks (run in batches on a
    thread of their own beside the runs, as `validate_tasks` runs them; each task is shown its
    share of its batch's time apart), the run and the report; storing, on the calling thread
    as in `validate_tasks`, is timed apart."""
    sys.path.insert(0, str(PROJECT_ROOT))
    from curator import validation
    from curator.bank import Bank
    from curator.program import docstring_span
    from curator.sandbox import RunOptions
    from curator.static_checks import blocking_problems, doctest_eligible
    from curator.validation import (
        ValidationReport,
        apply_run,
        run_uncharged,
        sandbox_for,
        static_checks,
        store_report,
        validate_task,
    )

    # As validate_tasks: with what each run's request reads from the code, where it does so.
    batch = getattr(validation, "checks_before_runs", None) or getattr(
        validation, "static_checks_batch", None
    )

    bank_root = breakdown_bank(workdir, jobs)
    curator = [sys.executable, "-m", "curator"]
    new_bank(bank_root, timeout_s)
    if environment is not None:  # a bank's environment/, built (`curator env sync`)
        shutil.copytree(environment, bank_root / "environment")
    subprocess.run(
        [*curator, "--bank", str(bank_root), "import", str(jsonl)], check=True, capture_output=True
    )
    bank = Bank(bank_root)
    tasks = [bank.load(json.loads(line)["task_id"]) for line in jsonl.read_text().splitlines()]
    rows: list[dict] = []

    order = getattr(validation, "longest_first", list)  # the order validate_tasks runs
    # As validate_tasks: a run expected to wait (a server, a timer) starts beside the runs
    # that compute, on a worker of its own, and is run again as one of them if its tests fail
    # there (BigCodeBench/1040). Before company_for, every run was one of the jobs.
    company_for = getattr(validation, "company_for", None)
    batches = getattr(validation, "checks_in_batches", None)
    ordered = order(tasks)

    def check(batch_tasks: list[Any]) -> tuple[list[Any], float]:
        """Static checks as validate_tasks runs them: ruff once for a batch of tasks (each
        task is shown its share of the batch's time); one by one where the code predates
        batching."""
        checking = time.perf_counter()
        if batch is not None:
            results = batch(batch_tasks)
        else:
            results = [static_checks(task) for task in batch_tasks]
        return results, (time.perf_counter() - checking) / len(batch_tasks)

    checks_of: dict[str, tuple[Future[tuple[list[Any], float]], int]] = {}

    def one(task: Any, company: Any = None, coming: Any = None) -> tuple[dict[str, Any], Any, Any]:
        started = time.perf_counter()
        # As validate_tasks: the tests of the task whose run begins about when this one's ends
        # are compiled ahead by the warm worker, where the sandbox can.
        if coming is not None and hasattr(sandbox, "compile_ahead"):
            sandbox.compile_ahead(coming.program, coming.test, coming.entry_point)
        checked, index = checks_of[task.task_id]
        batch_checks, share = checked.result()
        row: dict[str, Any] = {"task_id": task.task_id, "static_checks": share}
        checks = batch_checks[index]
        if blocking_problems(checks[0]):
            report = validate_task(task, sandbox, checks=checks)
            row["sandbox"] = 0.0
        else:
            options = RunOptions(
                doctests=doctest_eligible(task), timeout_s=validation.task_timeout(bank, task)
            )
            asked = time.perf_counter()
            in_company = [] if company is None else [company]
            decided = run_uncharged(sandbox, task, options, *in_company)
            # A DecidingRun since f13980e's successor, (run, time_limit_notes) since 8241f28,
            # the run alone before it.
            run = getattr(decided, "run", decided[0] if isinstance(decided, tuple) else decided)
            notes = decided[1] if isinstance(decided, tuple) else []
            row["notes"] = getattr(decided, "notes", notes)
            row["sandbox"] = time.perf_counter() - asked
            # With notes, the runs before the one that decides are in it: no transfer to tell.
            row["reruns" if row["notes"] else "transfer"] = row["sandbox"] - run.duration_s
            row.update(run.timings)
            row["cpu"] = run.cpu_s or 0.0
            report = ValidationReport(
                task_id=task.task_id,
                verdict="invalid",
                content_hash=task.content_hash(),
                environment="bench",
                static=checks[0],
                warnings=checks[1],
            )
            apply_run(report, run, docstring_span(task.program, task.entry_point))
        row["total"] = time.perf_counter() - started
        row["verdict"] = str(report.verdict)
        row["outcomes"] = {name: str(test.outcome) for name, test in report.tests.items()}
        return row, task, report

    with sandbox_for(bank) as sandbox:
        if hasattr(sandbox, "start_for"):
            for task in tasks:  # every worker the tasks need, started before the clock
                sandbox.start_for(task.program, task.test)
        else:
            sandbox.start()
        started, own, others = time.perf_counter(), own_cpu(), children_cpu()
        workers = getattr(sandbox, "worker_pids", list)
        sandbox_before = sandbox_cpu(workers())
        # As validate_tasks: a thread checks the tasks in batches, workers run them, and this
        # thread stores each report as it arrives (the writes overlap with the next runs, off
        # the workers' path).
        with (
            ThreadPoolExecutor(max_workers=1) as checker,
            ThreadPoolExecutor(max_workers=jobs) as pool,
            ThreadPoolExecutor(max_workers=jobs) as waiters,
        ):
            if batches is not None:
                checks_of.update(batches(checker, ordered, check))
            else:  # before checks_in_batches: one batch
                whole = checker.submit(check, ordered)
                checks_of.update({task.task_id: (whole, i) for i, task in enumerate(ordered)})
            futures = []
            for place, task in enumerate(ordered):
                company = (
                    company_for(task, validation.task_timeout(bank, task)) if company_for else None
                )
                runners = waiters if company == "waiting" else pool
                coming = ordered[place + jobs] if place + jobs < len(ordered) else None
                futures.append(runners.submit(one, task, company, coming))
            for future in as_completed(futures):
                row, task, report = future.result()
                storing = time.perf_counter()
                store_report(bank, task, report)
                row["storage"] = time.perf_counter() - storing
                rows.append(row)
        wall = time.perf_counter() - started
        sandbox_after = sandbox_cpu(workers())
        cpu = {role: sandbox_after[role] - sandbox_before[role] for role in SANDBOX_ROLES}
        cpu["this process"] = own_cpu() - own
        cpu["other programs"] = children_cpu() - others
    return wall, cpu, rows


FRESH_RUNNER = """import json, os, sys, types, unittest
task = json.load(open(sys.argv[1]))
module = types.ModuleType("__test__")
sys.modules["__test__"] = module
try:
    exec(compile(task["program"], "task.py", "exec"), module.__dict__)
    exec(compile(task["test"], "tests.py", "exec"), module.__dict__)
except BaseException as error:
    print(json.dumps({"not loaded": f"{type(error).__name__}: {error}"[:200]}))
    raise SystemExit(0)
outcomes = {}
class Outcomes(unittest.TestResult):
    def addSuccess(self, test): outcomes[test._testMethodName] = "pass"
    def addFailure(self, test, error): outcomes[test._testMethodName] = "fail"
    def addError(self, test, error): outcomes[getattr(test, "_testMethodName", str(test))] = "error"
    def addSkip(self, test, reason): outcomes[test._testMethodName] = "skip"
    def addExpectedFailure(self, test, error): outcomes[test._testMethodName] = "pass"
    def addUnexpectedSuccess(self, test): outcomes[test._testMethodName] = "fail"
answer = os.dup(1)  # the tests may close or replace stdout
unittest.TestLoader().loadTestsFromTestCase(module.TestCases).run(Outcomes())
os.write(answer, (json.dumps(outcomes) + "\\n").encode())
"""
"""Runs one task's TestCases in the interpreter that runs it and prints each test's outcome."""


def fresh_outcomes(
    records: list[dict[str, Any]], jobs: int, bank_root: Path, workdir: Path, timeout_s: float
) -> tuple[float, dict[str, dict[str, str]]]:
    """Each task's tests in one fresh interpreter of the bank's environment (with its
    variables), in a directory of its own, `jobs` at a time: BigCodeBench's own way, without
    a sandbox, coverage or checks. The wall time, and each test's outcome by task (or why the
    task did not load)."""
    from curator.bank import Bank
    from curator.validation import sandbox_for

    with sandbox_for(Bank(bank_root)) as sandbox:
        interpreter = sandbox.interpreter
    runner = workdir / "fresh_runner.py"
    runner.write_text(FRESH_RUNNER)

    def one(record: dict[str, Any]) -> tuple[str, dict[str, str]]:
        directory = Path(tempfile.mkdtemp(dir=workdir, prefix="fresh-"))
        task_file = directory / "task.json"
        program = record["complete_prompt"] + record["canonical_solution"]
        task_file.write_text(json.dumps({"program": program, "test": record["test"]}))
        variables = {"MPLBACKEND": "Agg", "HOME": str(directory), "TMPDIR": str(directory)}
        try:
            done = subprocess.run(
                [interpreter.executable, str(runner), str(task_file)],
                cwd=directory,
                capture_output=True,
                text=True,
                timeout=timeout_s,
                env={**os.environ, **dict(interpreter.variables), **variables},
            )
            lines = done.stdout.strip().splitlines()
            outcomes = json.loads(lines[-1]) if lines else {"not loaded": done.stderr[-200:]}
        except subprocess.TimeoutExpired:
            outcomes = {"not loaded": f"over {timeout_s:g} s"}
        except ValueError:
            outcomes = {"not loaded": "no outcomes printed"}
        return record["task_id"], outcomes

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        found = dict(pool.map(one, records))
    return time.perf_counter() - started, found


def print_fresh_comparison(
    rows: list[dict[str, Any]], wall: float, fresh_wall: float, fresh: dict[str, dict[str, str]]
) -> None:
    """How a fresh interpreter per task compares with curator's runs, test by test."""
    ours = {row["task_id"]: row for row in rows}
    print(
        f"\none fresh interpreter per task (BigCodeBench's way): {fresh_wall:.2f} s wall, "
        f"{fresh_wall / wall:.2f}x the breakdown's"
    )
    not_loaded = {
        task_id: found["not loaded"] for task_id, found in fresh.items() if "not loaded" in found
    }
    compared = differing = 0
    for task_id, outcomes in fresh.items():
        if task_id in not_loaded:
            continue
        theirs = ours[task_id].get("outcomes", {})
        for name in sorted(set(outcomes) | set(theirs)):
            compared += 1
            if outcomes.get(name) != theirs.get(name):
                differing += 1
                print(
                    f"  {task_id} {name}: {outcomes.get(name)} there, {theirs.get(name)} in curator"
                )
    print(f"tests with another outcome than in curator: {differing} of {compared}")
    for task_id, why in not_loaded.items():
        why = " ".join(why.split())[:120]  # NLTK's messages span lines
        print(f"  not loaded there: {task_id} ({why}); curator: {ours[task_id]['verdict']}")


def print_cpu_by_process(rows: list[dict], cpu: dict[str, float]) -> None:
    """Where the CPU went, by process: with every core busy (--jobs 2 on 2 cores), CPU and not
    any one run's path decides how fast a bank is validated."""
    answered = sum(row.get("cpu", 0.0) for row in rows)
    parts = [
        ("runs until answered (tests, coverage, examples)", answered),
        ("supervisors, and the runs' ends", cpu["supervisors"] + cpu["runs"] - answered),
        ("warm workers (forks, requests)", cpu["workers"]),
        ("analysis service", cpu["analysis"]),
        ("this process (static checks, storage)", cpu["this process"]),
        ("other programs (ruff)", cpu["other programs"]),
    ]
    in_all = sum(seconds for _, seconds in parts)
    print(f"  CPU per task by process: {in_all / len(rows) * 1000:.1f} ms in all")
    for name, seconds in parts:
        print(f"    {name:<50}{seconds / len(rows) * 1000:7.1f} ms")


def print_breakdown(
    rows: list[dict], wall: float, cpu: dict[str, float], slowest: int, jobs: int
) -> None:
    steps = ("static_checks", "transfer", "reruns", *SANDBOX_STEPS)
    count = len(rows)
    print(
        f"\nper-task breakdown ({count} tasks, core API, --jobs {jobs}): {wall:.2f} s wall,\n"
        f"{count / wall:.1f} tasks/s"
    )
    print(f"  {'step':<22}{'mean ms':>9}{'median ms':>11}{'max ms':>9}")
    for step in (*steps, "total"):
        values = [row[step] * 1000 for row in rows if step in row]
        if values:
            print(
                f"  {step:<22}{statistics.mean(values):9.1f}{statistics.median(values):11.1f}"
                f"{max(values):9.1f}"
            )
    storage = [row["storage"] * 1000 for row in rows if "storage" in row]
    if storage:
        print(
            f"  off the run's path: storage {statistics.mean(storage):.1f} ms (on the calling"
            "\n    thread while the next runs go on, as validate does)"
        )
    ahead = [row["prepared_ahead"] * 1000 for row in rows if "prepared_ahead" in row]
    if ahead:
        print(
            f"  off the run's path: prepared ahead {statistics.mean(ahead):.1f} ms (namespaces,"
            "\n    root, cgroup, harness's process, by an idle supervisor)"
        )
    tests = [row.get("tests", 0.0) for row in rows]
    overhead = [row["total"] - row.get("tests", 0.0) for row in rows]
    print(
        f"  overhead above the tests' own time: mean {statistics.mean(overhead) * 1000:.1f} ms,"
        f"\n    median {statistics.median(overhead) * 1000:.1f} ms per task "
        f"(tests mean {statistics.mean(tests) * 1000:.1f} ms; goal <= 20 ms)"
    )
    if jobs == 1:
        by_wall = wall / count - statistics.mean(tests)
        print(f"    by the wall: {by_wall * 1000:.1f} ms per task (wall / tasks - tests mean)")
    print_cpu_by_process(rows, cpu)
    if not slowest:
        return
    print(f"\nslowest {slowest} tasks:")
    for row in sorted(rows, key=lambda row: row["total"], reverse=True)[:slowest]:
        parts = sorted(
            ((step, row[step]) for step in steps if step in row), key=lambda p: p[1], reverse=True
        )
        where = ", ".join(f"{step} {seconds * 1000:.0f}" for step, seconds in parts[:3])
        print(f"  {row['task_id']:<19}{row['total']:6.2f} s {row['verdict']:<8} ms: {where}")
        for note in row.get("notes", []):
            print(f"    time limit: {note}")


def print_release_projection(
    rows: list[dict], wall: float, cpu: dict[str, float], jobs: int
) -> None:
    """The whole release on this machine at this run's rate (issue 13's goal: 8 minutes)."""
    scale = RELEASE_TASKS / len(rows)
    longest = max(row["total"] for row in rows)
    cores = min(jobs, os.cpu_count() or 1)
    busy = max(sum(cpu.values()) * scale / cores, longest)
    print(
        f"\nthe full release ({RELEASE_TASKS:,} tasks) at this rate: {wall * scale / 60:.1f} min"
        f" (wall scaled);\n  {busy / 60:.1f} min with {cores} cores busy (this run's"
        f" {sum(cpu.values()):.0f} CPU s, scaled; never less than the longest task,"
        f" {longest:.0f} s) (goal <= 8 min)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jsonl", type=Path, help="run this file end to end (breakdown only)")
    parser.add_argument(
        "--environment",
        type=Path,
        help="with --jsonl: run in this bank environment (a bank's environment/ folder, built)",
    )
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--timeout", type=float, help="time limit per task run, in seconds (else curator's 60)"
    )
    parser.add_argument("--limit", type=int, help="only the first N selected tasks")
    parser.add_argument(
        "--skip", action="append", default=[], help="leave out this task id (repeatable)"
    )
    parser.add_argument("--slowest", type=int, default=8)
    parser.add_argument("--profile", type=Path, help="py-spy the cold curator run into DIR")
    parser.add_argument("--skip-pytest", action="store_true", help="pytest per file is slow")
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="run the ways compared N times, alternating, and print the medians",
    )
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="with --jsonl: also run each task in one fresh interpreter (BigCodeBench's way) "
        "and compare each test's outcome",
    )
    args = parser.parse_args()
    if args.profile is not None:
        py_spy()  # before any way runs, not minutes in
    # Every way's processes keep the bytecode of what they import, as on an ordinary machine:
    # with PYTHONDONTWRITEBYTECODE set (some shells and containers set it), each curator command
    # compiled curator's own modules anew, which an installed curator never does.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    source = args.jsonl or DEFAULT_JSONL
    records = [json.loads(line) for line in source.read_text().splitlines() if line.strip()]
    if args.jsonl is None:
        records = [record for record in records if stdlib_only(record)]
    records = [record for record in records if record["task_id"] not in args.skip]
    records = records[: args.limit] if args.limit else records
    print(
        f"{len(records)} tasks from {source}\n{'' if args.jsonl else '(stdlib only), '}"
        f"{args.jobs} jobs, {os.cpu_count()} CPUs, {load()}, "
        f"time limit {args.timeout or 60:g} s per task run"
    )
    with tempfile.TemporaryDirectory(prefix="curator-bench-") as temporary:
        workdir = Path(temporary)
        jsonl = workdir / "tasks.jsonl"
        jsonl.write_text("".join(json.dumps(record) + "\n" for record in records))
        if args.jsonl is not None:
            wall, cpu, rows = breakdown(jsonl, args.jobs, workdir, args.environment, args.timeout)
            print_breakdown(rows, wall, cpu, args.slowest, args.jobs)
            print_release_projection(rows, wall, cpu, args.jobs)
            if args.fresh:
                fresh_wall, fresh = fresh_outcomes(
                    records,
                    args.jobs,
                    breakdown_bank(workdir, args.jobs),
                    workdir,
                    args.timeout or 60,
                )
                print_fresh_comparison(rows, wall, fresh_wall, fresh)
            return
        files = task_files(records, workdir)
        rounds = [
            compare_ways(jsonl, files, workdir / f"round-{number}", args, number)
            for number in range(1, args.rounds + 1)
        ]
        print(f"breakdown ({load()})", flush=True)
        wall, cpu, breakdown_rows = breakdown(jsonl, args.jobs, workdir, timeout_s=args.timeout)
        # One task at a time, as issue 13 measures the overhead per task: what a task costs
        # beyond its tests, without another worker's runs competing for the same cores.
        print(f"breakdown, one at a time ({load()})", flush=True)
        alone_wall, alone_cpu, alone_rows = breakdown(jsonl, 1, workdir, timeout_s=args.timeout)
    print_comparison(rounds, len(records), args.jobs)
    print_breakdown(breakdown_rows, wall, cpu, args.slowest, args.jobs)
    print_breakdown(alone_rows, alone_wall, alone_cpu, 0, 1)
    print(f"\nend: {load()}")


if __name__ == "__main__":
    main()
