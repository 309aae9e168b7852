"""Prompt templates: plain files, one per operation, filled without touching the code they quote."""

from __future__ import annotations

from importlib import resources

import pytest

from curator.llm.operations import missed_text
from curator.llm.proposals import ProposalCheck
from curator.llm.templates import numbered, render, template_text
from curator.models import Verdict

TEMPLATES = sorted(
    path.name.removesuffix(".txt")
    for path in resources.files("curator.llm").joinpath("prompts").iterdir()
    if path.name.endswith(".txt")
)


def test_every_operation_has_a_template():
    assert TEMPLATES == [
        "condense",
        "draft",
        "flaky",
        "kill",
        "preeval_complete",
        "preeval_instruct",
        "refine",
        "tests",
    ]


@pytest.mark.parametrize("name", TEMPLATES)
def test_each_template_has_a_system_and_a_user_section(name):
    text = template_text(name)
    assert text.startswith("[system]\n")
    assert "\n[user]\n" in text


def test_code_with_dollars_and_braces_is_quoted_verbatim():
    code = 'def task_func(x):\n    return f"${x}" + "{y}"\n'
    prompt = render("preeval_complete", prompt=code)
    assert code.rstrip() in prompt.messages[1]["content"]
    assert prompt.messages[0]["role"] == "system"
    assert render("preeval_complete", prompt=code).hash == prompt.hash
    assert render("preeval_complete", prompt=code + "# changed\n").hash != prompt.hash


def test_a_missing_value_is_a_programming_error_not_a_silent_gap():
    with pytest.raises(KeyError):
        render("tests", entry_point="task_func")


def test_numbered_source_and_missed_parts_name_the_lines():
    program = "def task_func(x):\n    if x:\n        return 1\n"
    assert numbered(program) == "1| def task_func(x):\n2|     if x:\n3|         return 1"
    check = ProposalCheck(verdict=Verdict.PASS, missed_lines=[3], missed_branches=[(2, 3), (2, -1)])
    assert missed_text(program, check).splitlines() == [
        "- line 3 `return 1` never runs",
        "- the branch from line 2 `if x:` to line 3 `return 1` is never taken",
        "- the branch from line 2 `if x:` to the function's exit is never taken",
    ]
