"""The forged-pass programs fail for an ordinary user too (how most annotators run curator).

CI runs as root: this test drops to uid `nobody` in a subprocess, with a venv made from the
system's Python whose `.pth` points at this project and its installed libraries (no copy, no
network), and runs `bench/hostile_table.py` on every `forge_*` program there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT
from curator.sandbox.worker import world_readable

SYSTEM_PYTHON = Path("/usr/bin/python3")
ORDINARY_USER = "nobody"
FORGERS = sorted(path.stem for path in (PROJECT_ROOT / "tests/hostile/programs").glob("forge_*"))


def system_python_matches() -> bool:
    if not SYSTEM_PYTHON.exists():
        return False
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import sys; print(sys.version_info[:2])"],
        capture_output=True,
        text=True,
    )
    return probe.stdout.strip() == str(tuple(sys.version_info[:2]))


@pytest.fixture
def scratch() -> Iterator[Path]:
    """A directory the ordinary user can reach (pytest's tmp_path is private to root)."""
    path = Path(tempfile.mkdtemp(prefix="curator-unprivileged-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def test_forged_passes_fail_for_an_ordinary_user(scratch: Path) -> None:
    libraries = Path(sysconfig.get_paths()["purelib"])
    if os.geteuid() != 0 or shutil.which("runuser") is None:
        pytest.skip("needs root and runuser to run as an ordinary user")
    if not system_python_matches():
        pytest.skip(f"{SYSTEM_PYTHON} is not Python {sys.version_info[0]}.{sys.version_info[1]}")
    if not world_readable([str(PROJECT_ROOT), str(libraries)]):
        pytest.skip("the project or its libraries are not readable by an ordinary user")
    venv = scratch / "venv"
    subprocess.run([SYSTEM_PYTHON, "-m", "venv", "--without-pip", venv], check=True)
    (pth,) = venv.glob("lib/python3*/site-packages")
    (pth / "curator-under-test.pth").write_text(f"{libraries}\n{PROJECT_ROOT}\n")
    home = scratch / "home"
    home.mkdir()
    shutil.chown(home, ORDINARY_USER)

    table = subprocess.run(
        [
            "runuser",
            "-u",
            ORDINARY_USER,
            "--",
            "env",
            f"HOME={home}",
            "PATH=/usr/bin:/bin",
            venv / "bin" / "python",
            PROJECT_ROOT / "bench" / "hostile_table.py",
            *FORGERS,
        ],
        capture_output=True,
        text=True,
        cwd=home,
        timeout=600,
    )

    assert table.returncode == 0, table.stderr
    rows = {line.split()[0]: line.split() for line in table.stdout.splitlines()[1:]}
    assert sorted(rows) == FORGERS
    for name, row in rows.items():
        verdict, message = row[2], row[5:]
        assert verdict == "error" and message[0] == "tampering:", (name, row)
