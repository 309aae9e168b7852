"""The hostile and forged-pass programs of tests/hostile/programs: what each one gets.

    .venv/bin/python bench/hostile_table.py [NAME...]

Prints per program: run status, verdict, seconds, runtime finding codes and the message (for a
forged pass: `tampering: ...`). Placeholders get harmless values (a throw-away bank directory,
port 9). The assertions live in tests/test_hostile.py; this shows the table.
"""

from __future__ import annotations

import sys
import tempfile
import uuid
from pathlib import Path

from curator.models import Task
from curator.sandbox import Sandbox
from curator.validation import validate_task

PROJECT = Path(__file__).resolve().parents[1]
PROGRAMS = PROJECT / "tests" / "hostile" / "programs"
SEPARATOR = "# ---- tests ----\n"


def main(names: list[str]) -> None:
    with tempfile.TemporaryDirectory() as bank, Sandbox(protect=[Path(bank)]) as sandbox:
        print(f"{'program':28} {'status':10} {'verdict':8} {'s':>6}  runtime  message")
        for path in sorted(PROGRAMS.glob("*.py")):
            if names and path.stem not in names:
                continue
            text = path.read_text()
            for placeholder, value in {
                "BANK": bank,
                "HOME": str(Path.home()),
                "PROJECT": bank,
                "MARKER": f"curator-hostile-{uuid.uuid4().hex}",
                "PORT": "9",
            }.items():
                text = text.replace(f"@@{placeholder}@@", value)
            program, _, tests = text.partition(SEPARATOR)
            timeout = float(text.split("# timeout: ", 1)[1].split("\n", 1)[0])
            task = Task(task_id=f"Hostile/{path.stem}", complete_prompt=program, test=tests)
            report = validate_task(task, sandbox, timeout_s=timeout)
            codes = ",".join(finding.code for finding in report.runtime) or "-"
            message = (report.message or "").splitlines()[0][:90] if report.message else ""
            print(
                f"{path.stem:28} {report.run_status or '-':10} {report.verdict.value:8} "
                f"{report.duration_s:6.2f}  {codes:8} {message}"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
