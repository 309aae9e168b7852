"""Static checks of a task, and detectors of risky (possibly flaky) tests.

`static_problems(task)` reports what is wrong with the task as written (ruff findings, docstring
sections, Requirements vs imports vs `libs`, entry point, TestCases, fixed paths);
`risky_test_warnings(task)` reports test practices that make results depend on the machine, the
network or the clock, and tests too strict for the prompt (`curator.strict_tests`). Neither
changes a validation verdict: they are reported beside it. Line numbers are of `task.py` (the
task program) or `tests.py`, as the `file` field says.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from curator.docstring import entry_docstring, parse_docstring, template_placeholders
from curator.imports import distribution_key, imported_modules, names_for
from curator.models import Task
from curator.program import (
    control_characters,
    entry_function,
    parsed,
    syntax_nodes,
    syntax_tree,
)
from curator.strict_tests import too_strict_findings

PROGRAM_FILE = "task.py"
TESTS_FILE = "tests.py"
# The BigCodeBench pipeline's selection (syntax errors, invalid comparisons, misplaced statements,
# undefined names), plus unused imports.
RUFF_ERRORS = ("E9", "F63", "F7", "F82")
RUFF_WARNINGS = ("F401",)
SETUP_METHODS = {"setUp", "tearDown", "setUpClass", "tearDownClass", "setUpModule"}
FILE_USE_MODULES = {"os", "shutil", "pathlib", "glob", "tempfile", "zipfile", "tarfile", "csv"}
NETWORK_MODULES = {"socket", "urllib", "requests", "http", "ssl", "smtplib", "ftplib", "httpx"}
DATABASE_MODULES = {"sqlite3", "sqlalchemy", "psycopg2", "pymysql"}
NETWORK_OWNERS = {"socket", "urllib", "request", "requests"}
NETWORK_CALLS = {
    "urlopen",
    "urlretrieve",
    "gethostbyname",
    "getaddrinfo",
    "create_connection",
    "socket",
    "get",
    "post",
}
CLOCK_CALLS = {
    ("datetime", "now"),
    ("datetime", "today"),
    ("datetime", "utcnow"),
    ("date", "today"),
    ("time", "time"),
    ("time", "time_ns"),
}
SEEDING_CALLS = {"seed", "default_rng", "RandomState", "Random", "Generator", "PCG64"}
RANDOM_FUNCTIONS = {
    "random",
    "randint",
    "choice",
    "choices",
    "shuffle",
    "sample",
    "uniform",
    "gauss",
    "randrange",
    "normal",
    "rand",
    "randn",
    "permutation",
    "integers",
    "binomial",
    "poisson",
    "exponential",
    "triangular",
    "betavariate",
    "normalvariate",
}
# Calls that read or write the file system at a path given as an argument.
FILE_CALLS = {
    "open",
    "makedirs",
    "mkdir",
    "remove",
    "unlink",
    "rmtree",
    "rmdir",
    "listdir",
    "scandir",
    "walk",
    "exists",
    "isfile",
    "isdir",
    "Path",
    "glob",
    "copy",
    "copyfile",
    "copytree",
    "move",
    "rename",
    "chdir",
    "stat",
    "read_csv",
    "to_csv",
    "savefig",
    "connect",
    "ZipFile",
}
URL = re.compile(r"^(https?|ftp)://", re.IGNORECASE)
SAFE_ABSOLUTE = ("/dev/null", "/tmp")


class StaticProblem(BaseModel):
    """One finding, located in task.py or tests.py."""

    code: str
    message: str
    line: int | None = None
    severity: Literal["error", "warning"] = "warning"
    file: Literal["task.py", "tests.py"] = "task.py"

    @property
    def where(self) -> str:
        """`task.py:12`, or the file alone for a finding of no one line (it read `tests.py:-`)."""
        return f"{self.file}:{self.line}" if self.line else self.file


def defined_names(module: ast.Module) -> set[str]:
    """Top-level names a module defines: what the tests see in the shared namespace."""
    names: set[str] = set()
    for node in module.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            for alias in node.names:
                names.add((alias.asname or alias.name).split(".")[0])
        elif isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        names.add(name.id)
    return names


# -- ruff ------------------------------------------------------------------------------------------


RuffInput = tuple[str, str, set[str] | None]
"""A task's program, tests and the names the program defines (builtins for its tests; None
when the program does not parse: they are unknown)."""


def ruff_problems(program: str, tests: str, builtins: set[str] | None) -> list[StaticProblem]:
    """ruff on task.py and tests.py in one process; the tests see the program's names."""
    return ruff_problems_batch([(program, tests, builtins)])[0]


def ruff_problems_batch(tasks: list[RuffInput]) -> list[list[StaticProblem]]:
    """ruff on many tasks in one process (starting ruff costs more than checking a task): each
    task in a folder of its own with a ruff.toml giving its tests the program's names."""
    from ruff.__main__ import find_ruff_bin

    results: list[list[StaticProblem]] = [[] for _ in tasks]
    if not tasks:
        return results
    with tempfile.TemporaryDirectory(prefix="curator-ruff-") as directory:
        folders = {}
        for index, (program, tests, builtins) in enumerate(tasks):
            folder = Path(directory, str(index))
            folder.mkdir()
            folders[folder.name] = index
            for name, source in ((PROGRAM_FILE, program), (TESTS_FILE, tests)):
                (folder / name).write_text(source, encoding="utf-8")
            (folder / "ruff.toml").write_text(
                f"builtins = {json.dumps(sorted(builtins or ()))}\n"
                f"[lint]\nselect = {json.dumps(list(RUFF_ERRORS + RUFF_WARNINGS))}\n",
                encoding="utf-8",
            )
        completed = subprocess.run(
            [str(find_ruff_bin()), "check", "--no-cache", "--output-format", "json", "."],
            capture_output=True,
            text=True,
            timeout=60 + len(tasks),
            cwd=directory,
        )
        try:
            if completed.returncode not in (0, 1):  # 2: ruff's own error; below 0: a crash
                raise ValueError(completed.returncode)
            findings = json.loads(completed.stdout or "[]")
        except ValueError:  # no JSON (JSONDecodeError too): nothing of the batch was checked
            if len(tasks) > 1:  # one task ruff cannot check must not hide the others' findings
                return [ruff_problems_batch([task])[0] for task in tasks]
            why = completed.stderr.strip()[-500:] or f"exit {completed.returncode}"
            return [[StaticProblem(code="ruff", message=f"ruff could not check the task: {why}")]]
        for finding in findings:
            code = finding.get("code")
            if code in (None, "invalid-syntax"):
                continue  # reported once, from Python's own parser, by `syntax_problems`
            path = Path(finding["filename"])
            index = folders[path.parent.name]
            if code == "F821" and path.name == TESTS_FILE and tasks[index][2] is None:
                continue  # the program's names are unknown: each use of task_func was one
            results[index].append(
                StaticProblem(
                    code=code,
                    message=finding["message"],
                    line=finding["location"]["row"],
                    severity="warning" if code.startswith(RUFF_WARNINGS) else "error",
                    file=path.name,
                )
            )
    return [
        sorted(problems, key=lambda problem: (problem.file, problem.line or 0))
        for problems in results
    ]


# -- the docstring and the libraries ---------------------------------------------------------------


def required_libraries(lines: list[str]) -> list[list[str]]:
    """Each Requirements item's names: the module or distribution it starts with
    (`matplotlib.pyplot` as matplotlib, `scikit-learn` whole) and one in parentheses after it
    (`np (numpy)`), any of which the item may mean. The items are the Requirements section's
    lines as the docstring parser keeps them (a leading `- ` taken off)."""
    items = []
    for line in lines:
        match = re.match(r"-?\s*([A-Za-z_][\w.-]*)(?:\s*\(\s*([A-Za-z_][\w.-]*)\s*\))?", line)
        if match:
            items.append([name.split(".")[0] for name in match.groups() if name])
    return items


def docstring_problems(task: Task) -> list[StaticProblem]:
    """The sections a BigCodeBench docstring must have, read by the parser that condenses it
    into the instruction (`curator.docstring`), and its Requirements against the imports."""
    docstring = entry_docstring(task.program, task.entry_point)
    if docstring is None or not docstring.text.strip():
        line = docstring.first_line if docstring is not None else None
        return [
            StaticProblem(code="doc-missing", message="the entry point has no docstring", line=line)
        ]
    sections = parse_docstring(docstring).doc_struct
    line = docstring.first_line
    problems = []
    wanted = {
        "description": ("a description", sections.description),
        "requirements": ("a Requirements section", sections.reqs),
        "returns": ("a Returns section", sections.returns),
        "example": ("an Example section", sections.examples),
    }
    for key, (what, lines) in wanted.items():
        if not lines:
            problems.append(
                StaticProblem(code=f"doc-{key}", message=f"the docstring lacks {what}", line=line)
            )
    imported = {module: names_for(module) for module in imported_modules(task.program)}
    listed = required_libraries(sections.reqs)
    keys = {distribution_key(name) for item in listed for name in item}
    for library in sorted(module for module, names in imported.items() if not names & keys):
        problems.append(
            StaticProblem(
                code="requirements-missing",
                message=f"{library!r} is imported but not listed under Requirements",
                line=line,
            )
        )
    provided = set().union(*imported.values())
    for item in listed:
        if not any(distribution_key(name) in provided for name in item):
            problems.append(
                StaticProblem(
                    code="requirements-unused",
                    message=f"Requirements lists {item[0]!r}, which the program does not import",
                    line=line,
                )
            )
    return problems


def library_problems(task: Task) -> list[StaticProblem]:
    imported = set(imported_modules(task.program))
    problems = []
    if len(imported) < 2:
        problems.append(
            StaticProblem(
                code="libs-few",
                message=f"the program imports {len(imported)} module(s); a task should use at "
                "least two libraries",
            )
        )
    declared = set(task.libs)
    if declared != imported:
        missing = ", ".join(sorted(imported - declared)) or "-"
        extra = ", ".join(sorted(declared - imported)) or "-"
        problems.append(
            StaticProblem(
                code="libs-mismatch",
                message=f"`libs` does not match the imports (not in libs: {missing}; "
                f"not imported: {extra})",
            )
        )
    return problems


def syntax_problems(source: str, filename: str) -> list[StaticProblem]:
    error = parsed(source).error
    if error is None:
        return []
    return [
        StaticProblem(
            code="syntax",
            message=f"SyntaxError: {error.msg}",
            line=error.lineno,
            severity="error",
            file=filename,
        )
    ]


# Raw controls but tab, newline and carriage return (a file written on Windows).
CONTROL_CHARACTER = control_characters(kept="\t\n\r")


def control_character_lines(text: str) -> list[tuple[int, str]]:
    """(line number, the characters named: "U+001B, U+0007") of each line of `text` holding a
    character that a terminal acts on or that reorders what is shown."""
    lines = []
    for number, line in enumerate(text.splitlines(), 1):
        found = sorted({match.group() for match in CONTROL_CHARACTER.finditer(line)})
        if found:
            lines.append((number, ", ".join(f"U+{ord(char):04X}" for char in found)))
    return lines


def control_character_problems(source: str, filename: str) -> list[StaticProblem]:
    """Each line of a task's file holding a control character: the app and the command line
    never show one as it is (an escape sequence would reach the terminal), so it is named
    here, where the annotator sees it."""
    return [
        StaticProblem(
            code="control-character",
            message=f"the line holds {named}, which no screen shows as it is; write it "
            "as an escape in a string (e.g. '\\x1b'), or remove it",
            line=number,
            file=filename,
        )
        for number, named in control_character_lines(source)
    ]


def structure_problems(
    task: Task, program: ast.Module | None, tests: ast.Module | None
) -> list[StaticProblem]:
    """What makes a task impossible to run: an `invalid` verdict."""
    problems: list[StaticProblem] = []
    if program is not None and entry_function(program, task.entry_point) is None:
        problems.append(
            StaticProblem(
                code="entry-point",
                message=f"the program defines no function {task.entry_point!r}",
                severity="error",
            )
        )
    if tests is not None:
        test_cases = next(
            (
                node
                for node in tests.body
                if isinstance(node, ast.ClassDef) and node.name == "TestCases"
            ),
            None,
        )
        if test_cases is None:
            problems.append(
                StaticProblem(
                    code="no-testcases",
                    message="the tests define no TestCases class",
                    severity="error",
                    file=TESTS_FILE,
                )
            )
        elif not any(
            isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and node.name.startswith("test")
            for node in test_cases.body
        ):
            problems.append(
                StaticProblem(
                    code="no-tests",
                    message="TestCases has no test method",
                    severity="error",
                    line=test_cases.lineno,
                    file=TESTS_FILE,
                )
            )
    return problems


def ruff_input(task: Task) -> RuffInput:
    program = syntax_tree(task.program)
    return task.program, task.test, defined_names(program) if program is not None else None


def static_problems(task: Task, ruff: list[StaticProblem] | None = None) -> list[StaticProblem]:
    """Everything static that is wrong with the task; `error` severity where it cannot run.
    `ruff` are the task's ruff findings if the caller ran ruff already (`ruff_problems_batch`)."""
    program = syntax_tree(task.program)
    tests = syntax_tree(task.test)
    problems = syntax_problems(task.program, PROGRAM_FILE)
    problems += syntax_problems(task.test, TESTS_FILE)
    problems += control_character_problems(task.program, PROGRAM_FILE)
    problems += control_character_problems(task.test, TESTS_FILE)
    problems += ruff if ruff is not None else ruff_problems(*ruff_input(task))
    problems += structure_problems(task, program, tests)
    return problems + placeholder_problems(task) + shape_problems(task)


def placeholder_problems(task: Task) -> list[StaticProblem]:
    """Each line of the new-task template's docstring still in the program: the draft is not
    written yet (`curator.pipeline.draft_problems`), which no waiver changes."""
    return [
        StaticProblem(
            code="doc-placeholder",
            message=f"the new-task template's text is still here: {text!r}",
            line=number,
        )
        for number, text in template_placeholders(task.program, task.entry_point)
    ]


def shape_problems(task: Task) -> list[StaticProblem]:
    """Where the task departs from the benchmark's shape: its docstring's sections and
    Requirements, and at least two libraries that `libs` names. Each keeps the task from
    acceptance until fixed or waived (`curator.pipeline.needs_benchmark_shape`). None while the
    program does not parse: that is the draft's problem."""
    if syntax_tree(task.program) is None:
        return []
    return docstring_problems(task) + library_problems(task)


def blocking_problems(problems: list[StaticProblem]) -> list[StaticProblem]:
    """Problems that keep the task from running at all (verdict `invalid`)."""
    blocking = {"syntax", "entry-point", "no-testcases", "no-tests"}
    return [problem for problem in problems if problem.code in blocking]


# -- risky tests -----------------------------------------------------------------------------------


def _call_name(node: ast.Call) -> tuple[str | None, str | None]:
    """(object, attribute) of a call: `np.random.seed()` -> ("random", "seed")."""
    function = node.func
    if isinstance(function, ast.Attribute):
        owner = function.value
        owner_name = (
            owner.id
            if isinstance(owner, ast.Name)
            else owner.attr
            if isinstance(owner, ast.Attribute)
            else None
        )
        return owner_name, function.attr
    if isinstance(function, ast.Name):
        return None, function.id
    return None, None


def _nodes_outside_setup(module: ast.Module) -> Iterator[ast.AST]:
    """Every node, except those inside setUp/tearDown-style methods."""
    stack: list[ast.AST] = [module]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.FunctionDef) and node.name in SETUP_METHODS:
            continue
        yield node
        stack.extend(ast.iter_child_nodes(node))


def _uses_mocks(source: str) -> bool:
    return bool(re.search(r"\b(patch|Mock|MagicMock|responses|requests_mock)\b", source))


def _from_imports(nodes: Sequence[ast.AST]) -> dict[tuple[str, str], int]:
    """(module, name) -> line for every `from module import name`."""
    found = {}
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                found[(node.module, alias.name)] = node.lineno
    return found


def _patch_targets(nodes: Sequence[ast.AST]) -> Iterator[tuple[str, int]]:
    for node in nodes:
        if isinstance(node, ast.Call):
            _, name = _call_name(node)
            if name in ("patch", "patch.object") and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    yield first.value, node.lineno


def risky_test_warnings(task: Task) -> list[StaticProblem]:
    """Test practices that make outcomes depend on the network, the clock or chance."""
    program = syntax_tree(task.program)
    tests = syntax_tree(task.test)
    if program is None or tests is None:
        return []
    warnings: list[StaticProblem] = []

    def warn(code: str, message: str, line: int | None, filename: str) -> None:
        warnings.append(StaticProblem(code=code, message=message, line=line, file=filename))

    tests_mock = _uses_mocks(task.test)
    uses_network = bool(
        set(imported_modules(task.program) + imported_modules(task.test)) & NETWORK_MODULES
    )
    # Seeded in the tests, or by the solution itself (`np.random.seed(random_seed)`), or the
    # tests pass a seed to the task.
    seeded = any(
        isinstance(node, ast.Call) and _seeds(node)
        for source in (task.program, task.test)
        for node in syntax_nodes(source)
    )
    random_uses: list[tuple[str, int]] = []
    for tree, filename in ((program, PROGRAM_FILE), (tests, TESTS_FILE)):
        for node in _nodes_outside_setup(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and URL.match(node.value.strip())
                and uses_network
                and not tests_mock
            ):
                message = f"live URL {node.value.strip()[:80]!r} without a mock"
                warn("risky-url", message, node.lineno, filename)
            if not isinstance(node, ast.Call):
                continue
            owner, name = _call_name(node)
            line = node.lineno
            touches_files = name in FILE_CALLS or name == task.entry_point
            if touches_files and not tests_mock:
                for argument in node.args:
                    if (
                        isinstance(argument, ast.Constant)
                        and isinstance(argument.value, str)
                        and _is_fixed_path(argument.value)
                    ):
                        message = (
                            f"fixed absolute path {argument.value[:80]!r} outside the test's own "
                            "directory"
                        )
                        warn("risky-path", message, line, filename)
            if (owner, name) in CLOCK_CALLS:
                warn("risky-clock", f"reads the wall clock ({owner}.{name}())", line, filename)
            if name in NETWORK_CALLS and owner in NETWORK_OWNERS and not tests_mock:
                warn(
                    "risky-network", f"network use ({owner}.{name}) without a mock", line, filename
                )
            fixed_port = (
                name in ("bind", "connect") and any(_has_port(arg) for arg in node.args)
            ) or any(
                keyword.arg == "port" and isinstance(keyword.value, ast.Constant)
                for keyword in node.keywords
            )
            if fixed_port:
                warn("risky-port", "a fixed port number", line, filename)
            if owner == "random" and name in RANDOM_FUNCTIONS:
                random_uses.append((filename, line))
            if owner == "nltk" and name == "download":
                warn("risky-download", "downloads data (nltk.download)", line, filename)
        for node in tree.body:
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
                owner, name = _call_name(node.value)
                if name in ("download", "urlretrieve", "urlopen") and owner != "nltk":
                    warn(
                        "risky-download",
                        f"downloads at import time ({name})",
                        node.lineno,
                        filename,
                    )
    if random_uses and not seeded:
        filename, line = random_uses[0]
        warn("risky-random", "uses random numbers but the tests never seed them", line, filename)
    imported_by_name = _from_imports(syntax_nodes(task.program))
    for target, line in _patch_targets(syntax_nodes(task.test)):
        module_name, _, attribute = target.rpartition(".")
        if (module_name, attribute) in imported_by_name:
            message = (
                f"patching {target!r} cannot take effect: the program did `from {module_name} "
                f"import {attribute}` (line {imported_by_name[(module_name, attribute)]}); "
                "patch the name in the task's module instead"
            )
            warn("risky-patch", message, line, TESTS_FILE)
    for code, message, line in too_strict_findings(task):
        warn(code, message, line, TESTS_FILE)
    return warnings


def _seeds(call: ast.Call) -> bool:
    _, name = _call_name(call)
    return name in SEEDING_CALLS or any(
        keyword.arg is not None and ("seed" in keyword.arg or keyword.arg == "random_state")
        for keyword in call.keywords
    )


def _is_fixed_path(text: str) -> bool:
    return (
        text.startswith("/")
        and text.count("/") >= 2
        and not any(character.isspace() for character in text)
        and not text.startswith(SAFE_ABSOLUTE)
    )


def _has_port(node: ast.AST) -> bool:
    return isinstance(node, ast.Tuple) and any(
        isinstance(item, ast.Constant) and isinstance(item.value, int) for item in node.elts
    )


def doctest_eligible(task: Task) -> bool:
    """Run docstring examples only where they touch no files, network or database."""
    used = set(imported_modules(task.program))
    if used & (FILE_USE_MODULES | NETWORK_MODULES | DATABASE_MODULES):
        return False
    return "open(" not in task.program
