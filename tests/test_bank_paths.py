"""Bank paths that lead outside or nowhere: symlinked task folders and files, task ids that
cannot have a folder, and `init` where nothing can be written. Through the real command."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import SYSTEM_PYTHON, make_task, skip_unless_system_python_matches
from curator.bank import Bank, folder_name, write_task_files
from curator.interchange import task_to_record, write_jsonl
from curator.sandbox.worker import world_readable

PROJECT_ROOT = Path(__file__).resolve().parent.parent
UNPRIVILEGED_UID = 65534  # nobody
# Task libraries the command line does not load: left out of a copy of the libraries.
HEAVY_LIBRARIES = shutil.ignore_patterns(
    "numpy*", "pandas*", "matplotlib*", "PIL", "pillow*", "fontTools", "contourpy", "kiwisolver"
)


def bank_with(root: Path, *task_ids: str) -> Bank:
    bank = Bank.init(root)
    with bank.lock():
        bank.add_all([make_task(task_id) for task_id in task_ids])
    return bank


def assert_refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


def test_a_symlinked_task_folder_is_refused_by_every_command(tmp_path, run_cli):
    bank = bank_with(tmp_path / "bank", "Test/1")
    outside = tmp_path / "outside" / folder_name("Test/2")
    outside.mkdir(parents=True)
    write_task_files(outside, make_task("Test/2", test=make_task().test + "\n# OUTSIDE-CANARY\n"))
    (bank.root / folder_name("Test/2")).symlink_to(outside, target_is_directory=True)
    before = sorted(os.listdir(outside))

    for command in (
        ["show", "Test/2"],
        ["validate", "Test/2"],
        ["flaky", "Test/2", "--runs", "1"],
        ["export", str(tmp_path / "out.jsonl")],
        ["validate", "--all"],
    ):
        result = run_cli("--bank", bank.root, *command)
        assert_refused(result, "Test__2", "is a symbolic link", str(outside))
    assert sorted(os.listdir(outside)) == before  # no validation.json or flaky.json outside
    assert not (tmp_path / "out.jsonl").exists()
    listed = run_cli("--bank", bank.root, "list")
    assert listed.returncode == 1 and "is a symbolic link" in listed.stderr
    assert "Test/1" in listed.stdout


@pytest.mark.parametrize("linked", ["tests.py", "task.py", "validation.json"])
def test_a_symlinked_file_in_a_task_folder_is_refused(tmp_path, run_cli, linked):
    bank = bank_with(tmp_path / "bank", "Test/1")
    outside = tmp_path / "secret.txt"
    outside.write_text("OUTSIDE-CANARY\n")
    target = bank.root / folder_name("Test/1") / linked
    target.unlink(missing_ok=True)
    target.symlink_to(outside)

    exported = run_cli("--bank", bank.root, "export", str(tmp_path / "out.jsonl"))
    assert_refused(exported, f"{linked}: is a symbolic link")
    assert not (tmp_path / "out.jsonl").exists()
    assert_refused(run_cli("--bank", bank.root, "validate", "Test/1"), "is a symbolic link")
    assert outside.read_text() == "OUTSIDE-CANARY\n"


def write_records(path: Path, task_ids: list[str]) -> Path:
    lines = [json.dumps(task_to_record(make_task(task_id))) for task_id in task_ids]
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.mark.parametrize(
    ("bad_id", "words"),
    [
        ("releases", ["which the bank uses itself"]),
        ("Environment", ["which the bank uses itself"]),
        ("alternatives", ["which the bank uses itself"]),
        ("bank.json", ["which the bank uses itself"]),
        # Shortened where it is named, so that the reason stays in sight.
        (
            "X/" + "y" * 300,
            ["'X/" + "y" * 38 + "'…'" + "y" * 10 + "' (302 characters) is too long"],
        ),
        ("Mine/2,re", ["'Mine/2,re' holds a comma"]),
        # From a JSONL of strangers: a newline split `list`'s rows and commit trailers, and
        # an escape sequence reached the terminal as such.
        ("X/1\nsecond", ["'X/1\\nsecond' holds characters that do not print (U+000A)"]),
        ("X/1\x1b[31mred", ["do not print (U+001B)"]),
        ("X/1\u202egnp.exe", ["do not print (U+202E)"]),
        ("X/1 ", ["'X/1 ' begins or ends with white space"]),
        ("../evil", ["'../evil' is not a name"]),
        ("/abs", ["is not a name"]),
        ("x/", ["is not a name"]),
        (".", ["is not a name"]),
        ("a//b", ["is not a name"]),
        ("a\\b", ["is not a name"]),
    ],
)
def test_import_refuses_ids_that_cannot_have_a_folder(tmp_path, run_cli, bad_id, words):
    bank = Bank.init(tmp_path / "bank")
    records = write_records(tmp_path / "in.jsonl", ["Test/1", bad_id])
    result = run_cli("--bank", bank.root, "import", records)
    assert_refused(result, f"{records}:2: field 'task_id'", *words)
    assert bank.task_ids() == []


def test_a_task_folder_made_for_an_id_that_does_not_print_is_unreadable(tmp_path, run_cli):
    """A folder pulled from a remote (or made by hand) for an id holding an escape sequence is
    refused like any damaged task: named, its id escaped, never printed raw."""
    bank = bank_with(tmp_path / "bank", "Test/1")
    hostile = make_task("Test/2\x1b]0;owned\x07")
    source = bank.task_dir("Test/1")
    target = bank.root / folder_name(hostile.task_id)
    shutil.copytree(source, target)
    meta = json.loads((target / "task.json").read_text())
    (target / "task.json").write_text(json.dumps({**meta, "task_id": hostile.task_id}))
    result = run_cli("--bank", bank.root, "list")
    assert result.returncode == 1, result.stderr
    assert "\x1b" not in result.stdout + result.stderr
    assert "'Test/2\\x1b]0;owned\\x07' holds characters that do not print" in result.stderr


def test_a_300_character_id_on_the_command_line_is_no_such_task(tmp_path, run_cli):
    bank = bank_with(tmp_path / "bank", "Test/1")
    long_id = "Test/" + "9" * 300
    for command in (["show", long_id], ["validate", long_id], ["flag", long_id, "t"]):
        assert_refused(run_cli("--bank", bank.root, *command), "no task")


def test_init_where_nothing_can_be_created_is_a_one_line_error(tmp_path, run_cli):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n")
    result = run_cli("init", blocker / "bank")
    assert_refused(result, "cannot create a bank here")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.fixture
def unprivileged_python() -> Iterator[tuple[list[str], Path]]:
    """A command that runs this checkout's `python -m curator` as an unprivileged uid, and a
    world-writable scratch folder for it. The interpreter is Debian's (the uid cannot read one
    under root's home); this checkout and its libraries are put on its path, through links
    where the uid cannot read them in place."""
    if os.geteuid() != 0:
        pytest.skip("needs root to switch to an unprivileged uid")
    skip_unless_system_python_matches()
    root = Path(tempfile.mkdtemp(prefix="curator-uid-"))
    try:
        root.chmod(0o755)
        venv = root / "venv"
        subprocess.run([SYSTEM_PYTHON, "-m", "venv", "--without-pip", venv], check=True)
        site_packages = Path(next(path for path in sys.path if path.endswith("site-packages")))
        paths = []
        for source, name in ((PROJECT_ROOT, "project"), (site_packages, "site-packages")):
            if world_readable([str(source)]):
                paths.append(source)
                continue
            copy = root / name
            if name == "project":
                shutil.copytree(source / "curator", copy / "curator", symlinks=True)
            else:
                shutil.copytree(source, copy, symlinks=True, ignore=HEAVY_LIBRARIES)
            paths.append(copy)
        venv_site = next((venv / "lib").glob("python3*/site-packages"))
        (venv_site / "checkout.pth").write_text("".join(f"{path}\n" for path in paths))
        for folder in root.rglob("*"):
            if folder.is_dir() and not folder.is_symlink():
                folder.chmod(0o755)
        scratch = root / "scratch"
        scratch.mkdir()
        os.chown(scratch, UNPRIVILEGED_UID, UNPRIVILEGED_UID)
        yield [str(venv / "bin" / "python"), "-m", "curator"], scratch
    finally:
        shutil.rmtree(root, ignore_errors=True)


def run_as_the_user(
    command: list[str], scratch: Path, home: Path, *arguments: object
) -> subprocess.CompletedProcess[str]:
    """`command` (`unprivileged_python`'s) with `arguments`, as the unprivileged uid."""
    return subprocess.run(
        [*command, *map(str, arguments)],
        capture_output=True,
        text=True,
        cwd=scratch,
        env={"HOME": str(home), "PATH": os.environ["PATH"], "NO_COLOR": "1"},
        user=UNPRIVILEGED_UID,
        group=UNPRIVILEGED_UID,
        extra_groups=[],
        timeout=120,
    )


def test_init_in_an_unwritable_folder_as_an_ordinary_user(unprivileged_python):
    command, scratch = unprivileged_python
    locked = scratch.parent / "locked"  # root's, mode 755: the uid may look but not write
    locked.mkdir()
    home = scratch / "home"
    home.mkdir()
    result = run_as_the_user(command, scratch, home, "init", locked / "bank")
    assert_refused(result, f"{locked / 'bank'}: cannot create a bank here (Permission denied)")
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (locked / "bank").exists()
    # The same command where the uid may write makes a bank: the refusal was the folder's.
    made = run_as_the_user(command, scratch, home, "init", scratch / "bank")
    assert made.returncode == 0, made.stderr
    assert (scratch / "bank" / "bank.json").is_file()


def test_a_bank_this_user_cannot_write_is_said_so(unprivileged_python):
    """The uid got "error: …/.curator/lock: Permission denied" for a bank owned by another
    user, and had to work out what that meant."""
    command, scratch = unprivileged_python
    bank = Bank.init(scratch.parent / "theirs")  # root's, mode 755: readable, not writable
    records = scratch / "more.jsonl"
    write_jsonl([make_task("X/1")], records)

    def import_as_the_user() -> subprocess.CompletedProcess[str]:
        arguments = ("--bank", bank.root, "import", records, "--annotator", "una")
        return run_as_the_user(command, scratch, scratch, *arguments)

    private = bank.root / ".curator"
    assert_refused(
        import_as_the_user(),
        f"{private}: permission denied: this user (uid {UNPRIVILEGED_UID}) cannot write to the "
        "bank (theirs belongs to uid 0); work in a clone of your own, or ask its owner for "
        "write access",
    )
    assert not bank.exists("X/1")
    bank.private_dir.chmod(0o755)  # made by root now: the lock inside it is refused the same
    (bank.private_dir / "lock").touch()
    assert_refused(
        import_as_the_user(), f"{private / 'lock'}: permission denied", "(lock belongs to uid 0)"
    )
