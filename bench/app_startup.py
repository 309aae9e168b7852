"""App start-up and filter-keystroke times on banks of N tasks (default 1,140 and 10,000).

python bench/app_startup.py [N ...]

The banks repeat the 40 real BigCodeBench tasks of ../shared/bcb-sample under new ids, spread
over every stage, so rows and search strings have real sizes. For each bank a fresh interpreter
starts the app headless twice, first on the new bank (every task folder read) and then again
(rows of unchanged folders come from the row cache in .curator/), and reports, from its own
first line (imports included):
  first frame   the browser is on screen and takes keys (rows still loading in a worker)
  all rows      every task is loaded and shown
Then, on the largest bank, it types a filter one key at a time and reports, per keystroke, the
time from the key press until the table starts drawing the filtered rows.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import asyncio  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT.parent / "shared" / "bcb-sample" / "BigCodeBench-sample40.jsonl"
QUERY = "pandas data"


def build_bank(root: Path, count: int) -> None:
    from curator.bank import Bank
    from curator.interchange import read_jsonl
    from curator.models import Stage

    originals = read_jsonl(SAMPLE)
    stages = list(Stage)
    tasks = []
    for index in range(count):
        task = originals[index % len(originals)].model_copy(deep=True)
        task.task_id = f"Bench/{index}"
        task.stage = stages[index % len(stages)]
        tasks.append(task)
    Bank.init(root).add_all(tasks)


async def measure(bank_path: str, keystrokes: bool) -> dict[str, object]:
    from textual import events

    from curator.app.main import make_app
    from curator.app.messages import BankChunkLoaded
    from curator.app.settings import AppSettings
    from curator.app.widgets.task_table import TaskTable

    marks: dict[str, float] = {}

    def hook(message: object) -> None:
        if isinstance(message, events.Ready) and "first_frame" not in marks:
            marks["first_frame"] = time.perf_counter() - STARTED
        if isinstance(message, BankChunkLoaded) and message.done:
            marks["loaded_message"] = time.perf_counter()

    app = make_app(bank_path, AppSettings())
    result: dict[str, object] = {}
    async with app.run_test(size=(120, 34), message_hook=hook) as pilot:
        while "loaded_message" not in marks:
            await asyncio.sleep(0.005)
        await pilot.pause()
        result["first_frame_s"] = marks["first_frame"]
        result["all_rows_s"] = time.perf_counter() - STARTED
        await app.workers.wait_for_complete()  # the loader writes the row cache last
        table = app.screen.query_one(TaskTable)
        result["rows"] = len(table.rows)
        if keystrokes:
            await pilot.press("slash")
            drawn: list[float] = []
            draw = table.render_line

            def timed_render_line(y: int) -> object:
                drawn.append(time.perf_counter())
                return draw(y)

            table.render_line = timed_render_line  # type: ignore[method-assign]
            times = []
            for key in QUERY:
                drawn.clear()
                started = time.perf_counter()
                await pilot.press("space" if key == " " else key)
                while not drawn:
                    await asyncio.sleep(0.001)
                times.append(drawn[0] - started)
            result["keystroke_s"] = times
            result["matches"] = len(table.rows)
    return result


def child(bank_path: str, keystrokes: bool) -> None:
    print(json.dumps(asyncio.run(measure(bank_path, keystrokes))))


def main(counts: list[int]) -> None:
    largest = max(counts)
    with tempfile.TemporaryDirectory(prefix="curator-bench-") as directory:
        for count in counts:
            bank = Path(directory) / f"bank{count}"
            started = time.perf_counter()
            build_bank(bank, count)
            print(f"bank of {count:,} tasks built in {time.perf_counter() - started:.1f} s")
            for opening, keystrokes in (("first open", False), ("reopen", count == largest)):
                output = subprocess.run(
                    [sys.executable, __file__, "--child", str(bank), str(keystrokes)],
                    capture_output=True,
                    text=True,
                    env={**os.environ, "CURATOR_CONFIG": str(Path(directory) / "none.toml")},
                )
                if output.returncode:
                    sys.exit(f"the app failed on {count} tasks:\n{output.stderr}")
                figures = json.loads(output.stdout.strip().splitlines()[-1])
                print(
                    f"  {count:>6,} tasks, {opening:<10}: first interactive frame "
                    f"{figures['first_frame_s']:.2f} s, all {figures['rows']:,} rows shown "
                    f"{figures['all_rows_s']:.2f} s"
                )
            if "keystroke_s" in figures:
                times = [t * 1000 for t in figures["keystroke_s"]]
                print(
                    f"  filter {QUERY!r} typed key by key at {count:,} tasks "
                    f"({figures['matches']} matches): median {statistics.median(times):.1f} ms, "
                    f"max {max(times):.1f} ms per keystroke"
                )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], sys.argv[3] == "True")
    else:
        main([int(arg) for arg in sys.argv[1:]] or [1140, 10000])
