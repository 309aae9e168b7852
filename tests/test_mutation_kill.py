"""`suggest --op kill --mutant ID`: a proposed test offered only if it kills the mutant."""

from __future__ import annotations

import json

from llm_helpers import llm_env
from test_mutation import WEAKENED_TESTS

from conftest import make_task
from curator.llm.scripted_server import ScriptedLLMServer

KILLING_TEST = (
    "\n    def test_upper_case_counts_with_lower(self):\n"
    '        self.assertEqual(task_func("B b a", top=1), [("b", 2)])\n'
)
USELESS_TEST = (
    "\n    def test_returns_a_list(self):\n"
    '        self.assertIsInstance(task_func("B b a", top=1), list)\n'
)


def answer(tests: str) -> dict[str, str]:
    return {"answer": "The revised tests:\n\n```python\n" + tests + "```\n"}


def test_kill_proposals_are_checked_on_the_reference_and_the_mutant(bank, run_cli, tmp_path):
    with bank.lock():
        bank.add_all([make_task(test=WEAKENED_TESTS)])
    mutated = run_cli("--bank", bank.root, "mutate", "Test/1", "--json")
    survivors = json.loads(mutated.stdout)["survived"]
    no_lower = next(
        s for s in survivors if s["operator"] == "call-removal" and ".lower()" in s["diff"]
    )
    steps = [
        answer(WEAKENED_TESTS + USELESS_TEST),
        answer(WEAKENED_TESTS.replace('[("a", 2)]', '[("z", 9)]', 1)),
        answer(WEAKENED_TESTS + KILLING_TEST),
    ]
    args = ["--bank", bank.root, "suggest", "Test/1", "--op", "kill", "--mutant", no_lower["id"]]
    with ScriptedLLMServer(steps) as server:
        env = llm_env(tmp_path, server.base_url)
        useless = run_cli(*args, env=env)
        assert useless.returncode == 2 and "do not kill it" in useless.stderr
        wrong = run_cli(*args, env=env)
        assert wrong.returncode == 2 and "fail on the reference" in wrong.stderr
        killing = run_cli(*args, "--json", env=env)
        assert killing.returncode == 0, killing.stderr
        proposal = json.loads(killing.stdout)
        assert proposal["operation"] == "kill" and proposal["check"]["verdict"] == "pass"
        assert "mutant (" in server.requests[0]["messages"][-1]["content"]
        assert no_lower["diff"].splitlines()[-1] in server.requests[0]["messages"][-1]["content"]
    assert bank.load("Test/1").test == WEAKENED_TESTS  # offered, not applied
    assert run_cli(*args[:-2], env=env).returncode == 2  # --op kill needs --mutant
