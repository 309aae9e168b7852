"""The forged-pass programs fail for an ordinary user too (how most annotators run curator),
with the verdict their header expects (tampering, or a plain failure where the harness now
makes the comparison a forger counted on).

CI runs as root: this test drops to uid `nobody` in a subprocess, with the venv of Debian's
Python that `conftest.user_python` makes (a `.pth` to this project and its installed
libraries: no copy, no network), and runs `bench/hostile_table.py` on every `forge_*` program there.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from conftest import NOBODY, PROJECT_ROOT, expected_verdicts, run_as_nobody

FORGERS = sorted(path.stem for path in (PROJECT_ROOT / "tests/hostile/programs").glob("forge_*"))


def test_forged_passes_fail_for_an_ordinary_user(shared_tmp: Path, user_python: Path) -> None:
    home = shared_tmp / "home"
    home.mkdir()
    os.chown(home, NOBODY, NOBODY)

    table = run_as_nobody(
        [str(user_python), str(PROJECT_ROOT / "bench" / "hostile_table.py"), *FORGERS],
        home,
        timeout_s=600,
    )

    assert table.returncode == 0, table.stderr
    rows = {line.split()[0]: line.split() for line in table.stdout.splitlines()[1:]}
    assert sorted(rows) == FORGERS
    for name, row in rows.items():
        verdict, message = row[2], row[5:]
        header = (PROJECT_ROOT / "tests/hostile/programs" / f"{name}.py").read_text()
        stated = re.search(r"^# expect-verdict: (.+)$", header, re.MULTILINE)
        assert stated is not None and verdict in expected_verdicts(stated[1]), (name, row)
        if "# expect-message: tampering\n" in header:
            assert message[0] == "tampering:", (name, row)
