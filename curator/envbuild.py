"""Lock and build environments with uv.

    lock(bank_root)                       requirements.txt (+ coverage) -> requirements.lock
    add(bank_root, ["scikit-learn"])      edit requirements.txt, then lock
    sync(environment, report=print)       build the lock into the shared cache (see below)

A build happens in a temporary directory beside its final place and is renamed into place
only when complete (the `BuiltEnvironment` marker is written last), so a half-built
environment is never used. A file lock per environment makes concurrent syncs of the same
environment wait for each other instead of building it twice.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import uv

from curator.environment import (
    BUILT_MARKER,
    IMPLICIT_REQUIREMENTS,
    LOCK_FILE,
    REQUIREMENTS_FILE,
    SPEC_FILE,
    BuiltEnvironment,
    Environment,
    EnvironmentProblem,
    EnvironmentSpec,
    checked_spec,
    declared_environment,
    environment_dir,
    existing_environment_dir,
    read_spec,
)
from curator.fsutil import atomic_write, home_directory, read_text
from curator.imports import distribution_key
from curator.models import utc_now

Report = Callable[[str], None]
LOCK_WAIT_S = 1800.0
DISTRIBUTION_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


@dataclass(frozen=True)
class PackageSource:
    """Where uv finds distributions: the configured index, or only local wheels (offline)."""

    find_links: tuple[Path, ...] = ()
    no_index: bool = False
    data_mirror: Path | None = None

    def uv_arguments(self) -> list[str]:
        arguments = ["--no-index"] if self.no_index else []
        for link in self.find_links:  # uv runs elsewhere: local paths made absolute
            text = str(link)
            arguments += ["--find-links", text if "://" in text else str(Path(text).resolve())]
        return arguments


def uv_command(*arguments: str) -> list[str]:
    return [uv.find_uv_bin(), *arguments]


def uv_variables() -> dict[str, str]:
    """uv's environment: never the caller's virtual environment (uv looks for one in the
    working directory and in VIRTUAL_ENV), so that what uv resolves and builds depends only on
    the arguments; no Python downloaded."""
    variables = {
        name: value
        for name, value in os.environ.items()
        if name not in ("VIRTUAL_ENV", "CONDA_PREFIX")
    }
    variables.update(UV_PYTHON_DOWNLOADS="never", NO_COLOR="1")
    return variables


def run_uv(arguments: list[str], what: str, report: Report) -> str:
    """Run uv, passing its progress lines to `report`; raise with its message on failure."""
    process = subprocess.Popen(
        uv_command(*arguments),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        env=uv_variables(),
        cwd=tempfile.gettempdir(),
    )
    assert process.stderr is not None and process.stdout is not None
    lines = []
    for line in process.stderr:
        lines.append(line.rstrip())
        if line.strip():
            report(f"{what}: {line.strip()}")
    output = process.stdout.read()
    if process.wait() != 0:
        raise EnvironmentProblem(f"{what} failed:\n" + "\n".join(lines[-30:]))
    return output


# -- declaring -----------------------------------------------------------------------------------


def requirement_lines(bank_root: Path) -> list[str]:
    path = environment_dir(bank_root) / REQUIREMENTS_FILE
    return read_text(path).splitlines() if path.exists() else []


def requirement_name(line: str) -> str | None:
    """The normalized distribution name a requirement line names (None for comments)."""
    stripped = line.split("#", 1)[0].strip()
    if not stripped or stripped.startswith("-"):
        return None
    match = DISTRIBUTION_NAME.match(stripped)
    return distribution_key(match.group(1)) if match else None


def listed_names(bank_root: Path) -> set[str]:
    """The distributions the bank's `requirements.txt` lists (none without an environment)."""
    directory = existing_environment_dir(bank_root)
    path = directory / REQUIREMENTS_FILE if directory is not None else None
    if path is None or not path.is_file():
        return set()
    return {name for line in read_text(path).splitlines() if (name := requirement_name(line))}


def ensure_declared(bank_root: Path, changes: Mapping[str, object] | None = None) -> Path:
    """Create `environment/` with an empty requirements file and a spec, if missing; `changes`
    sets fields of the spec (`python`, `as_of`), checked before anything is written."""
    directory = existing_environment_dir(bank_root) or environment_dir(bank_root)
    spec_path = directory / SPEC_FILE
    spec = read_spec(directory) if spec_path.exists() else None
    if changes:
        base = spec.model_dump() if spec is not None else {}
        where = ", ".join(f"--{name.replace('_', '-')}" for name in changes)
        spec = checked_spec({**base, **changes}, where)
    directory.mkdir(exist_ok=True)
    requirements = directory / REQUIREMENTS_FILE
    if not requirements.exists():
        atomic_write(requirements, "")
    if not spec_path.exists() or changes:
        atomic_write(spec_path, (spec or EnvironmentSpec()).model_dump_json(indent=2) + "\n")
    return directory


def lock(
    bank_root: Path, source: PackageSource = PackageSource(), report: Report = lambda _: None
) -> Environment:
    """Resolve `requirements.txt` plus curator's own needs into a fully pinned lock."""
    directory = ensure_declared(bank_root)
    spec = read_spec(directory)
    if spec.as_of is not None and source.find_links:
        report(
            f"note: the lock is resolved as of {spec.as_of} from the index only: local wheels"
            " (--find-links) record no upload time, so uv may choose any of them"
        )
    with tempfile.TemporaryDirectory(prefix="curator-lock-") as scratch:
        implicit = Path(scratch) / "implicit.txt"
        implicit.write_text("\n".join(IMPLICIT_REQUIREMENTS) + "\n")
        try:
            output = run_uv(
                [
                    "pip",
                    "compile",
                    str(directory / REQUIREMENTS_FILE),
                    str(implicit),
                    "--python-version",
                    spec.python,
                    "--no-header",
                    "--no-annotate",
                    "--quiet",
                    *as_of_arguments(spec),
                    *source.uv_arguments(),
                ],
                "resolving",
                report,
            )
        except EnvironmentProblem as problem:
            # Old pins often have no release for a newer Python (BigCodeBench's need 3.10).
            hint = (
                f"resolved for Python {spec.python}, the environment's (python in {SPEC_FILE});"
                " pins made for another Python lock with `curator env lock --python 3.X`"
            )
            if spec.as_of is not None:
                hint += (
                    f"; resolved as of {spec.as_of}: only what was uploaded before that day"
                    f" counts, {' and '.join(IMPLICIT_REQUIREMENTS)} too (every environment has"
                    " it: the runs measure coverage with it), so a day before its release"
                    " resolves nothing; `curator env lock --as-of none` resolves from today's"
                    " releases"
                )
            raise EnvironmentProblem(f"{problem}\n({hint})") from problem
    atomic_write(directory / LOCK_FILE, output)
    declared = declared_environment(bank_root)
    assert declared is not None
    return declared


def as_of_arguments(spec: EnvironmentSpec) -> list[str]:
    """uv's cut-off for a spec resolved as of a day: what was uploaded before it began (UTC)."""
    if spec.as_of is None:
        return []
    return ["--exclude-newer", f"{spec.as_of.isoformat()}T00:00:00Z"]


@contextmanager
def declaration_kept_on_failure(bank_root: Path) -> Iterator[None]:
    """A change of the declaration whose lock fails leaves `environment/` as it was: a failed
    first `env add` (a typo, no network) left an empty requirements file and no lock, which
    stopped validate, env and release; a failed later one left the new requirements."""
    directory = existing_environment_dir(bank_root)
    saved: dict[Path, bytes | None] = {}
    if directory is not None:
        for name in (SPEC_FILE, REQUIREMENTS_FILE, LOCK_FILE):
            path = directory / name
            saved[path] = path.read_bytes() if path.is_file() else None
    try:
        yield
    except BaseException:
        if directory is None:
            shutil.rmtree(environment_dir(bank_root), ignore_errors=True)
        for path, data in saved.items():
            if data is None:
                path.unlink(missing_ok=True)
            else:
                atomic_write(path, data)
        raise


def relock(
    bank_root: Path,
    changes: Mapping[str, object] | None = None,
    source: PackageSource = PackageSource(),
    report: Report = lambda _: None,
) -> Environment:
    """Set fields of the spec (`python`, `as_of`), then lock; all or nothing."""
    with declaration_kept_on_failure(bank_root):
        if changes:
            ensure_declared(bank_root, changes)
        return lock(bank_root, source, report)


def add(
    bank_root: Path,
    requirements: list[str],
    source: PackageSource = PackageSource(),
    report: Report = lambda _: None,
) -> Environment:
    """Add (or replace) requirement lines by distribution name, then re-lock; all or nothing."""
    with declaration_kept_on_failure(bank_root):
        path = ensure_declared(bank_root) / REQUIREMENTS_FILE
        lines = read_text(path).splitlines()
        for requirement in requirements:
            name = requirement_name(requirement)
            if name is None:
                raise EnvironmentProblem(f"{requirement!r}: not a distribution requirement")
            lines = [line for line in lines if requirement_name(line) != name]
            lines.append(requirement.strip())
        atomic_write(path, "\n".join(lines) + "\n")
        return lock(bank_root, source, report)


def remove(
    bank_root: Path,
    names: list[str],
    source: PackageSource = PackageSource(),
    report: Report = lambda _: None,
) -> Environment:
    """Remove requirement lines by distribution name, then re-lock; all or nothing."""
    with declaration_kept_on_failure(bank_root):
        path = ensure_declared(bank_root) / REQUIREMENTS_FILE
        before = read_text(path)
        wanted = {distribution_key(name) for name in names}
        declared = {requirement_name(line) for line in before.splitlines()}
        unknown = sorted(wanted - declared)
        if unknown:
            raise EnvironmentProblem(f"{path}: does not list {', '.join(unknown)}")
        lines = [line for line in before.splitlines() if requirement_name(line) not in wanted]
        atomic_write(path, "\n".join(lines) + "\n" if lines else "")
        return lock(bank_root, source, report)


# -- building ------------------------------------------------------------------------------------


@contextmanager
def build_lock(environment: Environment) -> Iterator[None]:
    """Held while `environment` is built: a second sync waits, then finds it built."""
    try:
        environment.directory.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # HOME=/ as a container's uid: /.cache is not the user's
        raise EnvironmentProblem(
            f"{error.filename}: {error.strerror}: built environments go to "
            f"{environment.directory.parent}; set $XDG_CACHE_HOME to a folder of yours"
        ) from None
    path = environment.directory.parent / f".{environment.key}.lock"
    with open(path, "a+b") as handle:
        deadline = time.monotonic() + LOCK_WAIT_S
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise EnvironmentProblem(f"{path}: another sync holds it") from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def sync(
    environment: Environment,
    source: PackageSource = PackageSource(),
    report: Report = lambda _: None,
) -> BuiltEnvironment:
    """Build `environment` into the cache unless it is built already; returns its marker."""
    built = environment.built()
    if built is not None:
        report(f"up to date: {environment.directory}")
        return built
    with build_lock(environment):
        built = environment.built()
        if built is not None:
            report(f"already built by another sync: {environment.directory}")
            return built
        started = time.perf_counter()
        # Beside the final place (same file system), so the rename is atomic.
        scratch = Path(
            tempfile.mkdtemp(prefix=f".{environment.key}-", dir=environment.directory.parent)
        )
        scratch.chmod(0o755)  # task code runs as another uid and must read it
        try:
            built = _build(environment, scratch, source, report)
            built.build_s = round(time.perf_counter() - started, 2)
            atomic_write(scratch / BUILT_MARKER, built.model_dump_json(indent=2) + "\n")
            if environment.directory.exists():  # a leftover without marker: never used
                shutil.rmtree(environment.directory)
            scratch.rename(environment.directory)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        report(f"built {environment.directory} in {built.build_s:.1f} s")
        return built


def python_for_uv(version: str) -> str:
    """What `uv venv --python` is given for Python `version` (major.minor): the version, which
    uv finds, unless uv finds none that runs and pyenv or the system has one (`installed_python`);
    with none, what to install (uv's own hint named its downloads, which curator turns off).
    uv does not look among pyenv's versions, and stops at pyenv's shim of a version pyenv has
    but has not selected, which fails (exit 127; astral-sh/uv#21047): on a machine with Python
    3.10 from pyenv, BigCodeBench's 3.10 environment could not be built."""
    found_by_uv = subprocess.run(
        uv_command("python", "find", version),
        capture_output=True,
        env=uv_variables(),
        cwd=tempfile.gettempdir(),
    )
    if found_by_uv.returncode == 0:
        return version
    installed = installed_python(version)
    if installed is None:
        raise EnvironmentProblem(
            f"no Python {version} on this machine: the bank's environment is locked to it "
            f"(`curator env lock --python`), and neither uv, pyenv nor the system has one. "
            f"Install it (`{uv.find_uv_bin()} python install {version}`, pyenv, or the "
            "system's packages), then run `curator env sync` again."
        )
    return str(installed)


def installed_python(version: str) -> Path | None:
    """An interpreter of Python `version` (major.minor) that runs: on PATH (a pyenv shim there
    may not run), else pyenv's (the newest release first), else the system's."""
    home = home_directory()
    pyenv_root = os.environ.get("PYENV_ROOT") or (home / ".pyenv" if home else None)
    pyenv = Path(pyenv_root) / "versions" if pyenv_root else None
    found = pyenv.glob(f"{version}.*/bin/python{version}") if pyenv else ()
    releases = sorted(found, key=release_number)
    on_path = shutil.which(f"python{version}")
    candidates: list[str | Path] = [
        *([on_path] if on_path else []),
        *reversed(releases),
        f"/usr/local/bin/python{version}",
        f"/usr/bin/python{version}",
    ]
    for candidate in candidates:
        try:
            answer = subprocess.run(
                [candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                capture_output=True,
                text=True,
                timeout=30,
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        if answer.returncode == 0 and answer.stdout.strip() == version:
            return Path(candidate)
    return None


def release_number(interpreter: Path) -> tuple[int, ...]:
    """(3, 10, 13) for pyenv's .../versions/3.10.13/bin/python3.10; a release named
    otherwise (3.10.13t, 3.10-dev) sorts first."""
    parts = interpreter.parents[1].name.split(".")
    return tuple(int(part) for part in parts) if all(part.isdigit() for part in parts) else ()


def _build(
    environment: Environment, target: Path, source: PackageSource, report: Report
) -> BuiltEnvironment:
    python = python_for_uv(environment.spec.python)
    where = "" if python == environment.spec.python else f" from {python}"
    report(f"creating a Python {environment.spec.python} virtual environment{where}")
    run_uv(
        ["venv", "--quiet", "--relocatable", "--python", python, str(target)],
        "creating",
        report,
    )
    interpreter = target / "bin" / "python"
    report("installing the lock")
    run_uv(
        [
            "pip",
            "sync",
            # Compiled here, once: a run cannot write bytecode, and compiled each library
            # it imported in every run.
            "--compile-bytecode",
            "--python",
            str(interpreter),
            str(environment.lock_path),
            *source.uv_arguments(),
        ],
        "installing",
        report,
    )
    if environment.spec.data.nltk:
        fetch_nltk_data(environment, interpreter, target, source, report)
    facts = json.loads(
        subprocess.run(
            [str(interpreter), "-I", "-c", DESCRIBE_SCRIPT],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    return BuiltEnvironment(
        fingerprint=environment.fingerprint,
        python=facts["python"],
        lock_hash=environment.lock_hash,
        distributions=facts["distributions"],
        data=environment.spec.data,
        built_at=utc_now().isoformat(),
    )


DESCRIBE_SCRIPT = """
import importlib.metadata, json, platform
dists = {}
for dist in importlib.metadata.distributions():
    name = dist.metadata["Name"]
    if name:
        dists[name] = dist.version
facts = {"python": platform.python_version(), "distributions": dict(sorted(dists.items()))}
print(json.dumps(facts))
"""


def fetch_nltk_data(
    environment: Environment,
    interpreter: Path,
    target: Path,
    source: PackageSource,
    report: Report,
) -> None:
    """NLTK resources into the environment's data dir: from a mirror, else NLTK's downloader."""
    resources = environment.spec.data.nltk
    destination = target / environment.nltk_data.relative_to(environment.directory)
    destination.mkdir(parents=True, exist_ok=True)
    if source.data_mirror is not None:
        mirror = source.data_mirror / "nltk_data"
        if not mirror.is_dir():
            raise EnvironmentProblem(f"{mirror}: no such directory in the data mirror")
        report(f"copying NLTK data from {mirror}")
        shutil.copytree(mirror, destination, dirs_exist_ok=True)
        missing = [name for name in resources if not nltk_resource_present(destination, name)]
        if missing:
            raise EnvironmentProblem(f"{mirror}: lacks NLTK resource(s) {', '.join(missing)}")
        return
    report(f"downloading NLTK data: {', '.join(resources)}")
    script = (
        "import sys, nltk\n"
        "failed = [name for name in sys.argv[2:]\n"
        "          if not nltk.download(name, download_dir=sys.argv[1], quiet=True,"
        " raise_on_error=True)]\n"
        "sys.exit(', '.join(failed))\n"
    )
    done = subprocess.run(
        [str(interpreter), "-I", "-c", script, str(destination), *resources],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise EnvironmentProblem(
            f"downloading NLTK data failed: {(done.stderr or done.stdout).strip()[-2000:]}"
        )


def nltk_resource_present(directory: Path, name: str) -> bool:
    """NLTK keeps a resource as `<category>/<name>` or `<category>/<name>.zip`."""
    return any(
        (category / name).exists() or (category / f"{name}.zip").exists()
        for category in directory.iterdir()
        if category.is_dir()
    )
