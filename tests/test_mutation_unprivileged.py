"""`curator mutate` and `curator alternatives` as an ordinary user (not root), as users run them.

The interpreter is Debian's own `/usr/bin/python3` (one under root's home is not readable by
another uid), given this project's packages; the user has a HOME and a bank of its own.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from test_mutation import WEAKENED_TESTS

from conftest import NOBODY, make_task, run_as_nobody
from curator.bank import Bank


def test_mutate_runs_as_an_unprivileged_user(shared_tmp: Path, user_python: Path) -> None:
    home = shared_tmp / "home"
    home.mkdir()
    bank = Bank.init(shared_tmp / "bank")
    with bank.lock():
        bank.add_all([make_task(test=WEAKENED_TESTS)])
    shutil.rmtree(bank.private_dir, ignore_errors=True)
    for path in (home, bank.root, *bank.root.rglob("*")):
        os.chown(path, NOBODY, NOBODY, follow_symlinks=False)

    def as_user(*args: str) -> subprocess.CompletedProcess[str]:
        return run_as_nobody(
            [str(user_python), "-m", "curator", "--bank", str(bank.root), *args], home
        )

    mutated = as_user("mutate", "Test/1", "--json")
    assert mutated.returncode == 0, mutated.stderr
    row = json.loads(mutated.stdout)
    assert 0 < row["score"] < 100 and row["survived"]
    stored = bank.task_dir("Test/1") / "mutation.json"
    assert stored.stat().st_uid == NOBODY

    alternative = home / "sorted_counts.py"
    alternative.write_text(
        "    if top <= 0:\n        raise ValueError('no')\n"
        '    return collections.Counter(re.findall(r"[a-z\']+", text.lower())).most_common(top)\n'
    )
    os.chown(alternative, NOBODY, NOBODY)
    checked = as_user("alternatives", "Test/1", "--add", str(alternative), "--json")
    assert checked.returncode == 0, checked.stderr
    report = json.loads(checked.stdout)
    assert report["findings"] == [] and report["results"][0]["failed"] == {}
