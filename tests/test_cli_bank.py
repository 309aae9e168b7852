"""The bank commands, run as the real `curator` subprocess."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import stat
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from gitbanks import passing

from conftest import SAMPLE_JSONL, WORD_COUNT_TESTS, make_task, unwritable
from curator.bank import Bank
from curator.interchange import task_to_record
from curator.models import Flag, FlagEvent, FlagStatus, Stage


def write_jsonl(path: Path, *records: dict[str, str]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    return path


def test_init_import_list_show_export(run_cli, tmp_path: Path) -> None:
    bank_dir = tmp_path / "bank"
    result = run_cli("init", bank_dir)
    assert result.returncode == 0, result.stderr
    assert (bank_dir / ".git").is_dir()
    source = write_jsonl(
        tmp_path / "in.jsonl",
        task_to_record(make_task("X/2")),
        task_to_record(make_task("X/1")),
    )
    result = run_cli("--bank", bank_dir, "import", source, "--stage", "accepted")
    assert result.returncode == 0, result.stderr
    assert "imported 2 task(s)" in result.stdout

    listed = run_cli("--bank", bank_dir, "list", "--json")
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [(row["task_id"], row["stage"]) for row in rows] == [
        ("X/1", "accepted"),
        ("X/2", "accepted"),
    ]
    assert run_cli("--bank", bank_dir, "list", "--lib", "numpy", "--json").stdout == ""

    shown = run_cli("show", "X/1", env={"CURATOR_BANK": str(bank_dir)})
    assert shown.returncode == 0, shown.stderr
    assert "def task_func(text, top=3):" in shown.stdout
    assert "class TestCases" in shown.stdout

    out = tmp_path / ("a-folder-whose-name-runs-past-the-terminal-" * 2) / "out.jsonl"
    out.parent.mkdir()
    exported = run_cli("--bank", bank_dir, "export", out, env={"COLUMNS": "80"})
    assert exported.returncode == 0, exported.stderr
    # Not wrapped at the terminal's width in a log or a pipe: a script's grep finds the line.
    assert f"exported 2 task(s) to {out}" in exported.stderr.splitlines(), exported.stderr
    assert [json.loads(line)["task_id"] for line in out.read_text().splitlines()] == ["X/1", "X/2"]
    assert run_cli("--bank", bank_dir, "export", out, "--stage", "draft").returncode == 0
    assert out.read_text() == ""


def test_export_says_how_many_tasks_have_no_instruction_yet(run_cli, tmp_path: Path) -> None:
    """A draft never condensed went out with an empty instruct_prompt, unsaid."""
    bank = Bank.init(tmp_path / "bank")
    bank.save(make_task("X/1", instruct_prompt="Count the words of a text."))
    bank.save(make_task("X/2", instruct_prompt=""))
    for out in (str(tmp_path / "out.jsonl"), "-"):
        exported = run_cli("--bank", bank.root, "export", out)
        assert exported.returncode == 0, exported.stderr
        assert (
            "note: 1 of them have no instruction yet (never condensed): their instruct_prompt "
            "is empty"
        ) in " ".join(exported.stderr.split())
    bank.save(make_task("X/2", instruct_prompt="Sum the numbers."))
    assert "note:" not in run_cli("--bank", bank.root, "export", "-").stderr


@pytest.mark.skipif(not SAMPLE_JSONL.exists(), reason="shared BigCodeBench sample not present")
def test_export_writes_only_a_regular_file_or_standard_output(run_cli, tmp_path: Path) -> None:
    """The export renamed its file over OUT: as root, `export /dev/stdout` put a file where
    the system's link was; a link's target and a FIFO's reader got nothing."""
    bank = Bank.init(tmp_path / "bank")
    bank.save(make_task("X/1"))
    target = tmp_path / "target.jsonl"
    target.write_text("kept\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for out, kind in ((link, "a symbolic link"), (fifo, "a FIFO")):
        refused = run_cli("--bank", bank.root, "export", out)
        assert refused.returncode == 2, out
        assert f"{out}: {kind}, which the export would replace with a file" in refused.stderr
    assert (
        link.is_symlink() and target.read_text() == "kept\n" and stat.S_ISFIFO(fifo.lstat().st_mode)
    )
    piped = run_cli("--bank", bank.root, "export", "-")
    assert piped.returncode == 0, piped.stderr
    assert json.loads(piped.stdout)["task_id"] == "X/1"
    assert "exported 1 task(s) to standard output" in piped.stderr


def test_a_reader_that_goes_away_ends_a_command_quietly(tmp_path: Path) -> None:
    """`curator list --json | head -1` printed "error: Broken pipe" and exited 2 (rich's own
    output exited 1): both now end as a command SIGPIPE stops, silently."""
    bank = Bank.init(tmp_path / "bank")
    long_tests = make_task("X/1").test + "".join(f"# line {n}\n" for n in range(20000))
    # More than a pipe holds (64 KiB), so that the command is still writing when the reader
    # goes: about 800 bytes a row of `list --json`, 20000 lines of `show`.
    many_libraries = [f"library_{number}" for number in range(60)]
    others = [make_task(f"Y/{n}", libs=many_libraries) for n in range(120)]
    bank.add_all([make_task("X/1", test=long_tests), *others])
    for command in (["list", "--json"], ["show", "X/1"]):
        reader = subprocess.Popen(
            [sys.executable, "-m", "curator", "--bank", str(bank.root), *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert reader.stdout is not None and reader.stdout.readline()
        reader.stdout.close()  # as `head -1` does
        assert reader.wait(timeout=60) == 141, command
        assert reader.stderr is not None and reader.stderr.read() == b"", command


def test_show_gives_a_flag_s_status_in_brackets(run_cli, tmp_path: Path) -> None:
    """`[open]` was taken for a markup tag by the console and printed as nothing."""
    bank = Bank.init(tmp_path / "bank")
    task = make_task("X/1")
    task.flags = [Flag(test="test_a", classification="nondeterministic", cause="random draw")]
    bank.save(task)
    shown = run_cli("--bank", bank.root, "show", "X/1")
    assert "flag: test_a nondeterministic [open] random draw" in shown.stdout, shown.stdout
    matrix = run_cli("--bank", bank.root, "flag", "X/1", "test_a")
    assert "flag: nondeterministic [open] random draw" in matrix.stdout, matrix.stdout


LONG_CAUSE = (
    "fails in 5 of 19 detection runs; fails with only the random seed changed (random seed "
    "306682210, run 22); confirmed by replaying run 22"
)


def confirmed_flag_bank(root: Path) -> Bank:
    bank = Bank.init(root)
    task = make_task("X/1")
    when = datetime(2026, 12, 6, 14, 26, tzinfo=UTC)
    event = FlagEvent(status=FlagStatus.CONFIRMED, who="Ann", why="seeded nowhere", at=when)
    opened = FlagEvent(status=FlagStatus.OPEN, who="curator", why="detected")
    task.flags = [
        Flag(
            test="test_a", classification="nondeterministic", cause=LONG_CAUSE,
            status=FlagStatus.CONFIRMED, history=[opened, event],
        )
    ]  # fmt: skip
    bank.save(task)
    return bank


def test_flags_in_a_pipe_gives_each_paragraph_one_line(run_cli, tmp_path: Path) -> None:
    """Piped, `flags` folded its text at 80 columns, where every other message stays one line
    that grep finds; and "confirmed · confirmed by Ann" said the status twice."""
    bank = confirmed_flag_bank(tmp_path / "bank")
    shown = run_cli("--bank", bank.root, "flags", env={"COLUMNS": "80"})
    lines = shown.stdout.splitlines()
    assert lines[2:] == [
        "X/1 test_a",
        "  nondeterministic · confirmed by Ann, 2026-12-06 14:26: seeded nowhere",
        f"  {LONG_CAUSE}",
    ]


def test_show_names_stored_results_it_cannot_read_and_shows_the_rest(run_cli, tmp_path) -> None:
    """`show` stopped at a garbled validation.json (exit 2), after half the task."""
    bank = Bank.init(tmp_path / "bank")
    bank.save(make_task("X/1"))
    (bank.task_dir("X/1") / "validation.json").write_text("garbage")
    shown = run_cli("--bank", bank.root, "show", "X/1")
    assert shown.returncode == 0, shown.stderr
    assert "unreadable: " in shown.stdout and "validation.json: field '(root)'" in shown.stdout
    assert "(`curator validate` runs it again)" in shown.stdout
    # A garbled flaky check was said nowhere, and a release called the task unchecked.
    (bank.task_dir("X/1") / "flaky.json").write_text("garbage{")
    shown = run_cli("--bank", bank.root, "show", "X/1")
    assert "flaky.json: field '(root)'" in shown.stdout
    assert "(`curator flaky` runs it again)" in shown.stdout
    assert "def task_func" in shown.stdout


def test_show_gives_the_failed_tests_runtime_findings_and_missed_branches(
    run_cli, tmp_path
) -> None:
    """`show` gave the verdict and coverage alone: why a test failed, what the tests miss and
    the runtime findings acceptance needs waived were only in the app or validation.json."""
    bank = Bank.init(tmp_path / "bank")
    wrong = make_task("X/1").canonical_solution.replace("most_common(top)", "most_common(top + 1)")
    probe = "    open('/etc/curator-show-probe', 'a').close() if top == 99 else None\n"
    tests = WORD_COUNT_TESTS.split("    def test_bad_top")[0]  # the ValueError branch untested
    tests += "    def test_probe(self):\n        task_func('a', top=99)\n"
    with bank.lock():
        bank.add_all([make_task("X/1", canonical_solution=probe + wrong, test=tests)])
    assert run_cli("--bank", bank.root, "validate", "X/1").returncode == 1
    shown = run_cli("--bank", bank.root, "show", "X/1").stdout
    assert "test: test_counts fail: AssertionError: Lists differ:" in shown, shown
    assert "runtime: write_outside: wrote or tried to write outside its scratch" in shown
    assert "missed: line 28; branch 27→28" in shown, shown


def test_show_says_why_a_run_ended_in_environment(run_cli, tmp_path) -> None:
    """`validate` said which module was missing; `show` gave "validation: environment" alone,
    though the reason was stored."""
    bank = Bank.init(tmp_path / "bank")
    task = make_task("X/1")
    task.complete_prompt = "import curator_lacks_this_module\n" + task.complete_prompt
    with bank.lock():
        bank.add_all([task])
    assert run_cli("--bank", bank.root, "validate", "X/1").returncode == 1
    shown = run_cli("--bank", bank.root, "show", "X/1").stdout
    assert "validation: environment" in shown
    assert "why: module 'curator_lacks_this_module' is not installed" in shown, shown
    # A typo of a standard module, once run, was advised `curator env add jsno`.
    task.complete_prompt = task.complete_prompt.replace("curator_lacks_this_module", "jsno")
    with bank.lock():
        bank.save(task)
    run_cli("--bank", bank.root, "validate", "X/1")
    shown = " ".join(run_cli("--bank", bank.root, "show", "X/1").stdout.split())
    assert "is not installed in the sandbox: jsno looks like a typo of json" in shown, shown


def test_list_fits_80_columns_and_says_once_why_results_are_stale(run_cli, tmp_path) -> None:
    """Each cell said "(stale: other environment)" and at 80 columns a task took four lines;
    the cell now says "(stale)" and the reason is said once, under the table."""
    bank = Bank.init(tmp_path / "bank")
    for number in (1, 2):
        task = passing(make_task(f"X/{number}", libs=["collections", "re"]))
        assert task.validation is not None
        task.validation.environment = "py3.10-elsewhere"
        bank.save(task)
    bank.save(make_task("X/3"))
    listed = run_cli("--bank", bank.root, "list", env={"COLUMNS": "80"})
    rows = [line for line in listed.stdout.splitlines() if line.startswith("│")]
    assert len(rows) == 3, listed.stdout  # a line a task
    assert sum("pass (stale)" in row for row in rows) == 2
    assert "not run" in rows[2]
    assert "(stale): 2 task(s) validated in another environment" in " ".join(listed.stdout.split())
    assert "flags" not in listed.stdout and "runtime" not in listed.stdout  # none has any


def test_sample_import_export_is_identical(run_cli, tmp_path: Path) -> None:
    bank_dir = tmp_path / "bank"
    run_cli("init", bank_dir)
    assert run_cli("--bank", bank_dir, "import", SAMPLE_JSONL).returncode == 0
    out = tmp_path / "out.jsonl.gz"
    assert run_cli("--bank", bank_dir, "export", out).returncode == 0
    assert gzip.decompress(out.read_bytes()) == SAMPLE_JSONL.read_bytes()


def test_export_never_writes_inside_the_bank(run_cli, tmp_path: Path) -> None:
    bank = Bank.init(tmp_path / "bank")
    bank.save(make_task("X/1"))
    before = {path: path.read_bytes() for path in bank.root.rglob("*") if path.is_file()}
    (tmp_path / "link").symlink_to(bank.root)
    for out, cwd in (
        ("bank.json", bank.root),
        (bank.task_dir("X/1") / "task.json", None),
        (tmp_path / "link" / "new.jsonl", None),
    ):
        result = run_cli("--bank", bank.root, "export", out, cwd=cwd)
        assert result.returncode == 2, out
        assert f"{out}: inside the bank" in result.stderr
        assert "Traceback" not in result.stderr
    after = {path: path.read_bytes() for path in bank.root.rglob("*") if path.is_file()}
    assert after == before


def test_export_refuses_a_folder_that_does_not_exist(run_cli, tmp_path: Path) -> None:
    bank = Bank.init(tmp_path / "bank")
    bank.save(make_task("X/1"))
    result = run_cli("--bank", bank.root, "export", tmp_path / "missing" / "out.jsonl")
    assert result.returncode == 2
    assert f"the folder {tmp_path / 'missing'} does not exist" in result.stderr
    assert not (tmp_path / "missing").exists()


def test_bad_import_exits_2_and_leaves_the_bank_untouched(run_cli, tmp_path: Path) -> None:
    bank_dir = tmp_path / "bank"
    run_cli("init", bank_dir)
    bad = dict(task_to_record(make_task("X/2")), entry_point=3)
    source = write_jsonl(tmp_path / "bad.jsonl", task_to_record(make_task("X/1")), bad)
    result = run_cli("--bank", bank_dir, "import", source)
    assert result.returncode == 2
    assert "bad.jsonl:2: field 'entry_point': must be a string, not int" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(path.name for path in bank_dir.iterdir() if not path.name.startswith(".")) == [
        "bank.json"
    ]


def test_import_of_existing_ids_is_refused(run_cli, tmp_path: Path) -> None:
    bank = Bank.init(tmp_path / "bank")
    bank.save(make_task("X/1", stage=Stage.ACCEPTED))
    source = write_jsonl(tmp_path / "in.jsonl", task_to_record(make_task("X/1")))
    result = run_cli("--bank", bank.root, "import", source)
    assert result.returncode == 2
    assert "X/1 is already in the bank" in result.stderr
    assert bank.load("X/1").stage is Stage.ACCEPTED


def test_usage_and_missing_bank_errors_exit_2(run_cli, tmp_path: Path) -> None:
    result = run_cli("--bank", tmp_path / "nowhere", "list")
    assert result.returncode == 2
    assert "nowhere: no such directory" in result.stderr
    assert run_cli("list", "--stage", "bogus", cwd=tmp_path).returncode == 2
    result = run_cli("show", "X/9", cwd=tmp_path)
    assert result.returncode == 2 and "not a curator bank" in result.stderr


def test_inside_a_bank_a_command_names_it_and_init_refuses(run_cli, tmp_path: Path) -> None:
    """Run from a task's folder, a command said "not a curator bank (… create one with `curator
    init`)", and `init` there made a bank inside the task, committed into it."""
    assert run_cli("init", tmp_path / "bank").returncode == 0
    task_folder = tmp_path / "bank" / "Demo__1"
    task_folder.mkdir()
    listed = run_cli("list", cwd=task_folder)
    assert listed.returncode == 2
    assert listed.stderr.strip() == (
        f"error: {task_folder}: not a curator bank, but inside the bank at "
        f"{tmp_path / 'bank'}: give `--bank {tmp_path / 'bank'}`"
    )
    refused = run_cli("init", task_folder / "nested")
    assert refused.returncode == 2
    said = f"inside the bank at {tmp_path / 'bank'}, and a bank cannot hold another bank"
    assert said in refused.stderr
    assert list(task_folder.iterdir()) == []


def test_every_command_names_a_bad_setting_in_bank_json(run_cli, tmp_path: Path) -> None:
    """`list` and `validate` went on with `min_flaky_runs: "twenty"`; `commit` and `release`
    alone named it."""
    assert run_cli("init", tmp_path / "bank").returncode == 0
    marker = tmp_path / "bank" / "bank.json"
    settings = json.loads(marker.read_text())
    for bad, said in (
        ({"quality": {"min_flaky_runs": "twenty"}}, "quality: field 'min_flaky_runs'"),
        ({"timeout_s": -1}, "timeout_s must be a positive number of seconds"),
    ):
        marker.write_text(json.dumps({**settings, **bad}))
        for command in (["list"], ["validate", "--all"]):
            result = run_cli("--bank", tmp_path / "bank", *command)
            assert result.returncode == 2, result.stdout
            assert result.stderr.startswith(f"error: {marker}: ") and said in result.stderr


def test_bank_after_a_command_s_name_or_a_subcommand_s(run_cli, tmp_path: Path) -> None:
    """The README: every command takes `--bank PATH` before or after its name (`env show
    --bank .` was refused: 'No such option')."""
    assert run_cli("init", tmp_path / "bank").returncode == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for where in (
        ["--bank", tmp_path / "bank", "env", "show"],
        ["env", "show", "--bank", tmp_path / "bank"],
        ["env", "--bank", tmp_path / "bank", "show"],
        ["list", "--bank", tmp_path / "bank"],
    ):
        result = run_cli(*where, cwd=elsewhere)
        assert result.returncode == 0, (where, result.stderr)


def test_list_exits_1_and_names_a_corrupt_task(run_cli, tmp_path: Path) -> None:
    bank = Bank.init(tmp_path / "bank")
    bank.save(make_task("X/1"))
    bank.save(make_task("X/2"))
    (bank.task_dir("X/2") / "task.json").write_text("{oops")
    result = run_cli("--bank", bank.root, "list", "--json")
    assert result.returncode == 1
    assert json.loads(result.stdout)["task_id"] == "X/1"
    assert "X__2/task.json" in result.stderr and "Traceback" not in result.stderr


def test_a_lost_instruction_is_named_not_exported_as_an_empty_prompt(
    run_cli, tmp_path: Path
) -> None:
    bank = Bank.init(tmp_path / "bank")
    bank.save(make_task("X/1", instruct_prompt="Count the words."))
    bank.save(make_task("X/2"))
    (bank.task_dir("X/1") / "instruction.md").unlink()
    out = tmp_path / "out.jsonl"
    result = run_cli("--bank", bank.root, "export", out)
    assert result.returncode == 2
    assert "X__1/instruction.md: file is missing" in result.stderr
    assert not out.exists()
    result = run_cli("--bank", bank.root, "list", "--json")
    assert result.returncode == 1
    assert "X__1/instruction.md: file is missing" in result.stderr
    assert json.loads(result.stdout)["task_id"] == "X/2"


def test_help_lists_the_commands(run_cli) -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("init", "import", "export", "list", "show", "schema"):
        assert command in result.stdout


def test_every_command_is_listed_with_its_module_for_lazy_loading() -> None:
    """`curator.cli.COMMAND_MODULES` names the module of every command of every
    `*_commands` module, and nothing else."""
    import importlib
    import pkgutil

    import curator.cli

    found = {}
    for info in pkgutil.iter_modules(curator.cli.__path__):
        if info.name.endswith("_commands"):
            module = importlib.import_module(f"curator.cli.{info.name}")
            found.update({command.name: info.name for command in module.COMMANDS})
    assert found == curator.cli.COMMAND_MODULES


@pytest.mark.parametrize("command", ["validate", "list", "show"])
def test_a_command_loads_only_its_own_module(command: str) -> None:
    """`curator validate`, `list` and `show` start without the LLM commands' or git's
    libraries (`list` took 1.0 s, and 0.35 s without them)."""
    script = (
        "import sys\nfrom curator.cli import main\n"
        f"try:\n    main([{command!r}, '--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('curator.cli.llm_commands', 'git', 'curator.config')"
        " if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("[]"), result.stdout


def test_a_command_leaves_what_it_loaded_to_the_process_exit_not_the_collector() -> None:
    """At exit the interpreter collects again and again while it tears modules down; curator
    freezes what is left first (bench/validate.py, "curator stored": 0.36 s to 0.28 s)."""
    script = (
        "import atexit, gc\nstart = gc.get_freeze_count()\nfrom curator.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "before = gc.get_freeze_count()\natexit._run_exitfuncs()\n"
        "print(start, before, gc.get_freeze_count())\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    # Python 3.12 starts with a few hundred objects frozen already; 3.11 and 3.13 with none.
    start, before, after = map(int, result.stdout.split()[-3:])
    assert before == start
    assert after > start + 10_000


@pytest.mark.parametrize(
    ("module", "args", "said"),
    [("click", ["--help"], "interrupted\n"), ("git", ["init", "bank"], "stopping…\ninterrupted\n")],
    ids=["while-the-command-loads", "while-it-runs"],
)
def test_ctrl_c_reads_interrupted_not_a_traceback(
    run_cli, tmp_path: Path, module: str, args: list[str], said: str
) -> None:
    """Ctrl+C, stood in for by a module on the path that sends SIGINT to its importer: first
    click, which loads before any command, then git, which `init` loads as it runs. A running
    command says "stopping…" at once: ending a flaky check's runs took seconds in silence."""
    stand_ins = tmp_path / "stand-ins"
    stand_ins.mkdir()
    (stand_ins / f"{module}.py").write_text(
        "import os\nimport signal\n\nos.kill(os.getpid(), signal.SIGINT)\n"
    )
    result = run_cli(*args, cwd=tmp_path, env={"PYTHONPATH": str(stand_ins)})
    assert (result.returncode, result.stderr) == (130, said)
    assert not (tmp_path / "bank").exists()


def test_new_starts_a_task_by_hand(run_cli, tmp_path: Path) -> None:
    """The by-hand way into the pipeline: a draft to fill in, which loads and validates (its
    solution still to write) like any task; an id in use, or one the bank cannot hold, is
    refused naming it."""
    bank_dir = tmp_path / "bank"
    assert run_cli("init", bank_dir).returncode == 0
    created = run_cli("--bank", bank_dir, "new", "Mine/1", "--libs", "numpy, pandas")
    assert created.returncode == 0, created.stderr
    assert "created Mine/1" in created.stdout and "curator validate Mine/1" in created.stdout
    assert "warning" not in created.stderr  # both import where the task will run
    task = Bank(bank_dir).load("Mine/1")
    assert task.stage is Stage.DRAFT and task.libs == ["numpy", "pandas"]
    validated = run_cli("--bank", bank_dir, "validate", "Mine/1", "--json")
    assert json.loads(validated.stdout)["verdict"] == "error"
    assert "NotImplementedError" in validated.stdout
    again = run_cli("--bank", bank_dir, "new", "Mine/1")
    assert again.returncode == 2 and "Mine/1 is already in the bank" in again.stderr
    reserved = run_cli("--bank", bank_dir, "new", "releases")
    assert reserved.returncode == 2 and "'releases'" in reserved.stderr
    spaced = run_cli("--bank", bank_dir, "new", "My task/1")
    assert "then `curator validate 'My task/1'`" in spaced.stdout  # a command to paste as is
    # Each library is written into the program as `import NAME`: `import task re` broke it.
    odd = run_cli("--bank", bank_dir, "new", "Mine/2", "--libs", "task re,os;rm,1abc,json")
    assert odd.returncode == 2
    assert "not the name of a module: 'task re', 'os;rm', '1abc'" in odd.stderr
    assert "Mine/2" not in Bank(bank_dir).task_ids()
    # A module name that imports nowhere was taken silently; its first validation then ended in
    # `environment`. It is still a draft to correct, so created, with a warning naming it.
    typo = run_cli("--bank", bank_dir, "new", "Mine/3", "--libs", "numpy,nunpy,cv2")
    assert typo.returncode == 0 and "Mine/3" in Bank(bank_dir).task_ids()
    assert (
        "warning: not importable where the task will run (curator's own interpreter, as this "
        "bank declares no environment): nunpy, cv2; a typo is corrected in task.py's imports, "
        "a library is installed with `curator env add nunpy opencv-python-headless`"
    ) in " ".join(typo.stderr.split())
    # A name one slip from a module that imports is a typo: `env add jsno` was advised.
    slip = run_cli("--bank", bank_dir, "new", "Mine/4", "--libs", "jsno,nosuchlib,pty")
    assert (
        "): jsno, nosuchlib; jsno looks like a typo of json: correct task.py's imports; "
        "a library is installed with `curator env add nosuchlib`"
    ) in " ".join(slip.stderr.split())
    # `show` says it too until the task has run: it said only "validation: not run".
    shown = " ".join(run_cli("--bank", bank_dir, "show", "Mine/4").stdout.split())
    assert "validation: not run branch coverage: - warning: not importable where" in shown
    assert "jsno looks like a typo of json" in shown


def test_a_place_the_system_will_not_write_is_named_not_a_traceback(run_cli, tmp_path) -> None:
    bank = Bank.init(tmp_path / "bank")
    bank.save(make_task("X/1"))
    closed = tmp_path / "closed"
    closed.mkdir()
    with unwritable(closed):
        result = run_cli("--bank", bank.root, "export", closed / "out.jsonl")
    assert result.returncode == 2
    assert f"error: {closed / 'out.jsonl'}: cannot write: " in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("damage", ["gzip", "utf-8"])
def test_an_unreadable_import_file_is_named_with_where(run_cli, tmp_path, damage) -> None:
    """A corrupt gzip ended in a zlib traceback (exit 1); a bad byte was reported at line 0."""
    bank = Bank.init(tmp_path / "bank")
    records = [json.dumps(task_to_record(make_task(f"X/{n}"))).encode() for n in range(3)]
    if damage == "gzip":
        packed = bytearray(gzip.compress(b"\n".join(records) + b"\n"))
        packed[len(packed) // 2] ^= 0xFF
        source, expected = tmp_path / "in.jsonl.gz", "in.jsonl.gz: not a readable gzip file: "
        source.write_bytes(bytes(packed))
    else:
        records[1] = records[1][:40] + b"\xff" + records[1][40:]
        source, expected = tmp_path / "in.jsonl", "in.jsonl:2: not UTF-8: byte 0xff at column 41"
        source.write_bytes(b"\n".join(records) + b"\n")
    result = run_cli("--bank", bank.root, "import", source)
    assert result.returncode == 2, result.stderr
    assert expected in result.stderr and "Traceback" not in result.stderr
    assert bank.load_all() == []


def test_show_in_a_pipe_prints_each_line_of_code_whole(run_cli, tmp_path: Path) -> None:
    """Piped at 80 columns, `show` cut long lines of code there (and padded the others)."""
    bank = Bank.init(tmp_path / "bank")
    long_line = "    # " + "word " * 30 + "END\n"
    task = make_task("X/1")
    bank.save(task.model_copy(update={"canonical_solution": long_line + task.canonical_solution}))
    shown = run_cli("--bank", bank.root, "show", "X/1", env={"COLUMNS": "80"}).stdout
    assert "word word END" in shown
    assert not [line for line in shown.splitlines() if line.endswith("  ")]


def test_show_prints_the_instruction_as_written(run_cli, tmp_path: Path) -> None:
    """Through markup, an instruction's regex `\\[` read `[`."""
    bank = Bank.init(tmp_path / "bank")
    instruction = r"Match lines such as `\[ERROR\] disk full` with the pattern `^\[(\w+)\]`."
    bank.save(make_task("X/1").model_copy(update={"instruct_prompt": instruction}))
    shown = run_cli("--bank", bank.root, "show", "X/1").stdout
    assert instruction in shown


def test_an_unreadable_folder_is_named_and_the_others_mutated_or_it_says_why_it_stops_an_export(
    run_cli, tmp_path: Path
) -> None:
    """`mutate --all` stopped at one unreadable folder, where `validate --all` names it and
    goes on; `export` gave the folder's error alone, not why it stopped (walk 47)."""
    bank = Bank.init(tmp_path / "bank")
    with bank.lock():
        bank.add_all([make_task("X/1"), make_task("X/2")])
    broken = bank.task_dir("X/2") / "task.json"
    broken.write_text(broken.read_text()[:200])
    mutated = run_cli("--bank", bank.root, "mutate", "--all", "--max-mutants", "3", "--json")
    assert mutated.returncode == 2, mutated.stderr
    assert [json.loads(line)["task_id"] for line in mutated.stdout.splitlines()] == ["X/1"]
    assert f"not mutated: {broken}: " in " ".join(mutated.stderr.split())
    exported = run_cli("--bank", bank.root, "export", tmp_path / "out.jsonl", "--stage", "accepted")
    assert exported.returncode == 2
    assert "; an export of the accepted tasks cannot leave it out (its stage cannot be read): " in (
        " ".join(exported.stderr.split())
    ), exported.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_init_puts_a_bank_copied_without_git_under_git(run_cli, tmp_path: Path) -> None:
    """A copy of a bank without its repository: every git command refused it and said no way
    out, and `curator init`, which the README says makes the repository, refused it too."""
    bank = Bank.init(tmp_path / "bank")
    with bank.lock():
        bank.add_all([make_task("X/1")])
    shutil.rmtree(bank.root / ".git")
    refused = run_cli("--bank", bank.root, "commit", "X/1", "-m", "add it")
    assert refused.returncode == 2
    assert f"`curator init {bank.root}` makes one here and commits bank.json" in " ".join(
        refused.stderr.split()
    )
    made = run_cli("init", bank.root)
    assert made.returncode == 0, made.stderr
    said = " ".join(made.stdout.split())
    assert f"made a git repository at {bank.root}; its 1 task folder(s) are not committed" in said
    assert (
        subprocess.run(
            ["git", "log", "--format=%s"], cwd=bank.root, capture_output=True, text=True, check=True
        ).stdout
        == f"Create bank {bank.name}\n"
    )
    committed = run_cli("--bank", bank.root, "commit", "X/1", "-m", "add it")
    assert committed.returncode == 0, committed.stderr
