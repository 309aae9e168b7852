"""Which modules a bank's tasks import that its environment lacks, and who provides them.

    check = check_environment(tasks, interpreter)     # EnvironmentCheck
    check.distributions()                             # what `curator env add` needs

What is installed is asked of the environment's own interpreter: the modules of its
distributions (`importlib.metadata.packages_distributions()`, the standard answer) and every
top-level module on its path (`pkgutil.iter_modules()`). The second is needed where the first
reads only `top_level.txt`, which wheels built by flit, hatch, poetry or maturin do not ship:
Python 3.10's, the Python BigCodeBench pins (seaborn, flask and rsa among them).

For a module that is not installed there is no well-kept offline mapping to ask: pipreqs'
curated `mapping` lacks cv2, docx and skimage and its package pins an old IPython; pigar's
database lists every PyPI project shipping a module without ranking them (27 for cv2, 12 for
sklearn, including the deprecated `sklearn` dummy). So `imports.PROVIDERS` names the
distribution for modules whose name differs from it; any other module is assumed to be provided
by a distribution of its name.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections.abc import Container
from pathlib import Path

from pydantic import BaseModel, Field

from curator.bank import Bank
from curator.environment import EnvironmentProblem, declared_environment
from curator.errors import CuratorError
from curator.imports import example_source, imported_modules, names_for, one_slip_from, provider
from curator.models import Task
from curator.sandbox.runner import unrunnable_hint

INSTALLED_SCRIPT = """
import importlib.metadata, json, pkgutil, sys
print(json.dumps({
    "modules": sorted(
        set(importlib.metadata.packages_distributions())
        | {module.name for module in pkgutil.iter_modules()}
    ),
    "stdlib": sorted(sys.stdlib_module_names),
}))
"""


class MissingModule(BaseModel):
    module: str
    distribution: str = Field(description="The distribution that provides it.")
    where: list[str] = Field(description="solution, tests and/or examples")
    in_curator: bool = Field(
        default=False,
        description="Whether curator's own interpreter has it: a bank that declares no "
        "environment runs its tasks there.",
    )


class TaskCheck(BaseModel):
    task_id: str
    missing: list[MissingModule] = Field(default_factory=list)


class TaskLackingData(BaseModel):
    task_id: str
    lacking: str = Field(description="What its last run here lacked, as its report says it.")


class UnreadableTask(BaseModel):
    path: str
    problem: str


NO_ENVIRONMENT = "none"
CANNOT_RUN_NOW = (
    "curator's own interpreter, where they run now, lacks (check the spelling of each import, "
    "or install what it names):"
)
"""How the command and the app head `EnvironmentCheck.cannot_run_now`."""
"""The fingerprint of the check of a bank that declares no environment."""


class EnvironmentCheck(BaseModel):
    """`curator env check --json`: per task, imports the environment cannot satisfy."""

    interpreter: str
    fingerprint: str
    tasks: list[TaskCheck] = Field(default_factory=list, description="Only tasks missing some.")
    data: list[TaskLackingData] = Field(
        default_factory=list,
        description="Tasks whose last validation, of their content as it is, in this "
        "environment, stopped for want of library data (NLTK's), which imports do not show.",
    )
    unreadable: list[UnreadableTask] = Field(
        default_factory=list, description="Task folders that could not be read, so not checked."
    )
    built: bool = Field(
        default=True,
        description="False: the declared environment is not built yet, and was judged from "
        "its lock by distribution names (`LockedModules`).",
    )

    def missing_from(self) -> str:
        """What the listed modules are missing from, as the command and the app say it: a bank
        that declares no environment runs its tasks in curator's own interpreter, and is
        checked against the environment `env add` would start (the standard library)."""
        if self.fingerprint == NO_ENVIRONMENT:
            return (
                "no environment is declared (the tasks run in curator's own interpreter); "
                "one declared for them starts from the standard library, and would lack:"
            )
        if not self.built:
            return (
                f"the environment is not built yet (`curator env sync` builds it); its lock "
                f"({self.interpreter}), judged by distribution names, pins none for:"
            )
        return f"the environment ({self.interpreter}) lacks:"

    def nothing_missing(self) -> str:
        """What the command and the app say when no task lacks a module."""
        which = "the readable tasks" if self.unreadable else "the tasks"
        if not self.built:
            return (
                f"every module {which} import comes with the lock's distributions, judged by "
                "their names (the environment is not built yet: `curator env sync`)"
            )
        return f"every module {which} import is in the environment"

    def distributions(self) -> dict[str, list[str]]:
        """Distribution -> the tasks that need it, most needed first."""
        needed: dict[str, list[str]] = {}
        for task in self.tasks:
            for missing in task.missing:
                needed.setdefault(missing.distribution, []).append(task.task_id)
        return dict(sorted(needed.items(), key=lambda item: (-len(item[1]), item[0].lower())))

    def cannot_run_now(self) -> list[TaskCheck]:
        """In a bank that declares no environment, the tasks whose modules curator's own
        interpreter (where they run now) lacks too, with those modules."""
        if self.fingerprint != NO_ENVIRONMENT:
            return []
        lacking = [
            TaskCheck(task_id=task.task_id, missing=[m for m in task.missing if not m.in_curator])
            for task in self.tasks
        ]
        return [task for task in lacking if task.missing]


def importable_modules(interpreter: Path | None) -> set[str]:
    """Top-level modules the interpreter can import: standard library and installed ones.

    Without an interpreter: only the standard library (what a new environment starts with).
    """
    if interpreter is None:
        return set(sys.stdlib_module_names)
    command = [str(interpreter), "-I", "-c", INSTALLED_SCRIPT]
    try:
        completed = subprocess.run(command, capture_output=True, text=True, check=True)
    except OSError as error:
        reason = error.strerror
    except subprocess.CalledProcessError as error:
        lines = error.stderr.strip().splitlines()
        reason = f"exit {error.returncode}" + (f": {lines[-1]}" if lines else "")
    else:
        facts = json.loads(completed.stdout)
        return set(facts["modules"]) | set(facts["stdlib"])
    raise EnvironmentProblem(
        f"the environment's interpreter {interpreter} does not run here ({reason})"
        f"{unrunnable_hint(str(interpreter))}"
    )


def task_imports(task: Task) -> dict[str, list[str]]:
    """Module -> where the task imports it (solution, tests, examples)."""
    sources = {
        "solution": task.program,
        "tests": task.test,
        "examples": example_source(task.doc_struct.examples),
    }
    where: dict[str, list[str]] = {}
    for name, source in sources.items():
        for module in imported_modules(source):
            where.setdefault(module, []).append(name)
    return where


def check_bank(bank_root: Path, tasks: list[Task]) -> EnvironmentCheck:
    """Check `tasks` against the bank's built environment; a bank without `environment/` is
    checked against an empty one (the standard library), which is where `env add` starts."""
    declared = declared_environment(bank_root)
    if declared is None:
        return check_environment(tasks, None, NO_ENVIRONMENT)
    if declared.built() is None:
        # BigCodeBench's lock of 169 distributions takes minutes to build; which tasks it
        # leaves out can be read from it first (the check said only "run env sync").
        check = check_environment(
            tasks, None, declared.fingerprint, LockedModules(declared.locked_distributions())
        )
        check.interpreter, check.built = str(declared.lock_path), False
        return check
    return check_environment(tasks, declared.python, declared.fingerprint)


class LockedModules:
    """The modules a lock's distributions would provide, as far as their names say: the
    standard library's, and those whose distribution (`names_for`) the lock pins."""

    def __init__(self, locked: frozenset[str]) -> None:
        self.locked = locked
        self.stdlib = frozenset(sys.stdlib_module_names)

    def __contains__(self, module: object) -> bool:
        return isinstance(module, str) and (
            module in self.stdlib or bool(names_for(module) & self.locked)
        )


def check_whole_bank(bank: Bank) -> EnvironmentCheck:
    """Check every task of the bank that can be read, and name the folders that cannot: the
    check only reads, so one broken `task.json` is no reason to check none."""
    scan = bank.scan()
    check = check_bank(bank.root, scan.tasks)
    check.unreadable = [
        UnreadableTask(path=str(problem.path), problem=problem.message) for problem in scan.problems
    ]
    return check


def unimportable_libraries(bank_root: Path, libraries: list[str]) -> str | None:
    """What to tell the annotator who names `libraries` for a new task (`curator new --libs`,
    the app's new-task dialog) that the interpreter the bank's tasks run in cannot import: the
    bank's built environment, else curator's own. A typo found now costs less than a first
    validation that ends in `environment`. None when all import, or when the declared
    environment is not built (nothing to ask yet); an interpreter that does not run is said."""
    try:
        declared = declared_environment(bank_root)
        if declared is None:
            interpreter, where = (
                Path(sys.executable),
                "curator's own interpreter, as this bank declares no environment",
            )
        elif declared.built() is None:
            return None
        else:
            interpreter, where = declared.python, f"the bank's environment, {declared.python}"
        available = importable_modules(interpreter)
    except CuratorError as problem:  # a malformed environment/, an interpreter that fails
        return f"the libraries were not checked: {problem}"
    top_level = {name: name.split(".")[0] for name in libraries}
    missing = [name for name, module in top_level.items() if module not in available]
    if not missing:
        return None
    typos = {
        name: near
        for name in missing
        if (near := one_slip_from(top_level[name], available)) is not None
    }
    others = [name for name in missing if name not in typos]
    advice = [
        f"{name} looks like a typo of {near}: correct task.py's imports"
        for name, near in typos.items()
    ]
    if others:
        distributions = " ".join(dict.fromkeys(provider(top_level[name]) for name in others))
        advice.append(
            f"a library is installed with `curator env add {distributions}`"
            if typos
            else "a typo is corrected in task.py's imports, a library is installed with "
            f"`curator env add {distributions}`"
        )
    listed = ", ".join(missing)
    return f"not importable where the task will run ({where}): {listed}; " + "; ".join(advice)


def check_environment(
    tasks: list[Task],
    interpreter: Path | None,
    fingerprint: str,
    available: Container[str] | None = None,
) -> EnvironmentCheck:
    """`tasks` against what `interpreter` imports (`available`, where given instead)."""
    if available is None:
        available = importable_modules(interpreter)
    check = EnvironmentCheck(
        interpreter=str(interpreter) if interpreter else "none (standard library only)",
        fingerprint=fingerprint,
    )
    in_curator: dict[str, bool] = {}  # asked once per module, not once per task
    for task in tasks:
        missing = []
        for module, where in task_imports(task).items():
            if module in available or module == "__test__":
                continue
            if module not in in_curator:
                in_curator[module] = importlib.util.find_spec(module) is not None
            missing.append(
                MissingModule(
                    module=module,
                    distribution=provider(module),
                    where=where,
                    in_curator=in_curator[module],
                )
            )
        if missing:
            check.tasks.append(TaskCheck(task_id=task.task_id, missing=missing))
        summary = task.validation
        if summary is not None and (lacking := summary.lacks_library_data(task, fingerprint)):
            check.data.append(TaskLackingData(task_id=task.task_id, lacking=lacking))
    return check
