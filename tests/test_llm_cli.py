"""`curator draft / suggest / preeval` against a real scripted server; the bank changes only on
acceptance."""

from __future__ import annotations

import pytest
from llm_helpers import DRAFT_ANSWER, TRUNCATED_ANSWER, bank_files, llm_env

from conftest import make_task
from curator.llm.scripted_server import ScriptedLLMServer


@pytest.fixture
def seed(tmp_path):
    path = tmp_path / "seed.txt"
    path.write_text("How do I take the mean of a list without its extremes?\n")
    return path


@pytest.fixture
def stored(bank):
    with bank.lock():
        bank.save(make_task("Test/1"))
    return bank


def test_draft_without_an_llm_says_how_to_configure_one_and_changes_nothing(
    run_cli, bank, seed, tmp_path
):
    before = bank_files(bank.root)
    result = run_cli("--bank", bank.root, "draft", "--seed", seed, env=llm_env(tmp_path))
    assert result.returncode == 2
    assert "no LLM is configured" in result.stderr
    assert "CURATOR_LLM_BASE_URL" in result.stderr
    assert "CURATOR_LLM_MODEL" in result.stderr
    assert bank_files(bank.root) == before


def test_suggest_and_preeval_without_an_llm_change_nothing(run_cli, stored, tmp_path):
    before = bank_files(stored.root)
    for command in (("suggest", "Test/1", "--op", "tests"), ("preeval", "Test/1")):
        result = run_cli("--bank", stored.root, *command, env=llm_env(tmp_path))
        assert result.returncode == 2, command
        assert "no LLM is configured" in result.stderr
    assert bank_files(stored.root) == before


@pytest.mark.parametrize(
    ("steps", "message"),
    [
        ([{"answer": TRUNCATED_ANSWER}], "unclosed code block"),
        ([{"answer": DRAFT_ANSWER, "finish_reason": "length"}], "length limit"),
        ([{"answer": "I would rather not."}], "no Python code"),
        ([{"status": 500, "body": "overloaded"}], "HTTP 500"),
        ([{"status": 429, "retry_after": "0"}], "HTTP 429"),
        ([{"raw": "<html>gateway</html>"}], "not valid JSON"),
        ([{"drop": True}], "dropped the connection"),
        ([{"delay_s": 5, "answer": DRAFT_ANSWER}], "no answer within 0.3 s"),
    ],
    ids=["unclosed", "length", "no-code", "500", "429", "malformed", "dropped", "timeout"],
)
@pytest.mark.parametrize("streamed", [False, True], ids=["plain", "streamed"])
def test_draft_with_an_unusable_answer_reports_it_and_changes_nothing(
    run_cli, bank, seed, tmp_path, steps, message, streamed
):
    before = bank_files(bank.root)
    with ScriptedLLMServer(steps) as server:
        env = llm_env(tmp_path, server.base_url, CURATOR_LLM_TIMEOUT_S="0.3")
        stream = ["--stream"] if streamed else []
        result = run_cli("--bank", bank.root, "draft", "--seed", seed, *stream, env=env)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert bank_files(bank.root) == before


def test_a_missing_seed_file_is_named(run_cli, bank, tmp_path):
    with ScriptedLLMServer([{"answer": DRAFT_ANSWER}]) as server:
        result = run_cli(
            "--bank",
            bank.root,
            "draft",
            "--seed",
            tmp_path / "missing.txt",
            env=llm_env(tmp_path, server.base_url),
        )
        assert server.requests == []
    assert result.returncode == 2
    assert "missing.txt" in result.stderr


def test_draft_refuses_an_id_already_in_the_bank_before_asking(run_cli, stored, seed, tmp_path):
    with ScriptedLLMServer([{"answer": DRAFT_ANSWER}]) as server:
        env = llm_env(tmp_path, server.base_url)
        result = run_cli("--bank", stored.root, "draft", "--seed", seed, "--id", "Test/1", env=env)
        assert server.requests == []
    assert result.returncode == 2
    assert "already in the bank" in result.stderr


def test_draft_checks_its_libraries_before_asking(run_cli, bank, seed, tmp_path):
    """`draft --libs` sent any text to the LLM as library names ("os;rm" too), and a typo
    ("jsno") cost a request whose task then ended in `environment`."""
    with ScriptedLLMServer([{"answer": DRAFT_ANSWER}]) as server:
        env = llm_env(tmp_path, server.base_url)
        before = bank_files(bank.root)
        malformed = run_cli(
            "--bank", bank.root, "draft", "--seed", seed, "--libs", "os;rm", env=env
        )
        assert server.requests == []
        assert malformed.returncode == 2
        assert "not the name of a module: 'os;rm'" in malformed.stderr
        assert bank_files(bank.root) == before
        typo = run_cli(
            "--bank", bank.root, "draft", "--seed", seed, "--libs", "jsno,statistics", env=env
        )
        assert len(server.requests) == 1
    assert typo.returncode == 0, typo.stderr
    warning = typo.stderr.index("warning: not importable where the task will run")
    assert (
        "jsno" in typo.stderr[warning:] and "statistics" not in typo.stderr[warning:].split(";")[0]
    )
    assert warning < typo.stderr.index("wrote draft task")


def test_skeleton_works_without_an_llm(run_cli, stored, tmp_path):
    result = run_cli("--bank", stored.root, "skeleton", "Test/1", env=llm_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "class TestCases(unittest.TestCase):" in result.stdout
    assert "self.assertEqual(task_func(\"a b a\", top=1), [('a', 2)])" in result.stdout
    assert "with self.assertRaises(ValueError):" in result.stdout


def test_a_streamed_answer_shows_its_escape_sequences_as_symbols(run_cli, bank, seed, tmp_path):
    """`--stream` wrote the model's text to the terminal as it came: its escape sequences
    cleared the screen and set the window's title (and could write the clipboard)."""
    answer = "\x1b[2J\x1b]0;pwned\x07Here it is.\r\n" + DRAFT_ANSWER.removeprefix(
        "Here is the task."
    )
    with ScriptedLLMServer([{"answer": answer}]) as server:
        env = llm_env(tmp_path, server.base_url)
        result = run_cli("--bank", bank.root, "draft", "--seed", seed, "--stream", env=env)
    assert result.returncode in (0, 1), result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "␛[2J␛]0;pwned␇Here it is.\n" in result.stderr
