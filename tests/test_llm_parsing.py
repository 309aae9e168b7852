"""Getting code and text out of model answers, and refusing the ones that cannot be used."""

from __future__ import annotations

import pytest
from llm_helpers import DRAFT_ANSWER, DRAFT_ANSWER_IN_PROSE, DRAFT_PROGRAM, DRAFT_TESTS

from curator.llm import parsing
from curator.llm.parsing import TruncatedAnswer, UnusableAnswer


def test_two_fences_give_the_program_and_the_tests_with_the_prose_kept_apart():
    code = parsing.task_code(DRAFT_ANSWER, "stop", "task_func")
    assert code.program == DRAFT_PROGRAM
    assert code.tests == DRAFT_TESTS
    assert code.explanation == "Here is the task.\n\nAnd its tests:"


def test_code_between_prose_without_fences_is_found_and_split():
    code = parsing.task_code(DRAFT_ANSWER_IN_PROSE, "stop", "task_func")
    assert code.program.rstrip() == DRAFT_PROGRAM.rstrip()
    assert code.tests.rstrip() == DRAFT_TESTS.rstrip()


def test_one_block_with_program_and_tests_is_split_where_the_tests_begin():
    answer = "```python\n" + DRAFT_PROGRAM + "\n" + DRAFT_TESTS + "```"
    code = parsing.task_code(answer, "stop", "task_func")
    assert code.program.rstrip() == DRAFT_PROGRAM.rstrip()
    assert code.tests == DRAFT_TESTS


def test_the_last_version_of_a_file_wins_and_other_languages_are_ignored():
    old = DRAFT_TESTS.replace("test_plain_mean", "test_old")
    answer = (
        f"Before:\n```python\n{old}```\n```bash\npip install statistics\n```\n"
        f"After:\n```py\n{DRAFT_TESTS}```\n"
    )
    code = parsing.task_code(answer, "stop", "task_func")
    assert code.tests == DRAFT_TESTS
    assert code.program is None


def test_finish_reason_length_is_a_truncated_answer_even_with_closed_fences():
    with pytest.raises(TruncatedAnswer, match="length limit"):
        parsing.task_code(DRAFT_ANSWER, "length", "task_func")


def test_an_unclosed_fence_is_a_truncated_answer():
    with pytest.raises(TruncatedAnswer, match="unclosed code block"):
        parsing.task_code("```python\ndef task_func(x):\n    return", "stop", "task_func")


def test_an_answer_without_code_is_unusable_and_quoted():
    with pytest.raises(UnusableAnswer, match=r"no Python code.*I cannot help with that"):
        parsing.python_blocks("I cannot help with that.", "stop")


def test_only_non_python_blocks_are_unusable():
    with pytest.raises(UnusableAnswer, match="none in Python"):
        parsing.python_blocks("```bash\nls\n```", "stop")


def test_code_without_the_entry_point_or_tests_is_unusable():
    with pytest.raises(UnusableAnswer):
        parsing.task_code("```python\nx = 1\n```", "stop", "task_func")


def test_longer_fences_may_contain_shorter_ones():
    answer = "````python\ns = '''\n```\n'''\n````\n"
    assert parsing.fenced_blocks(answer) == [parsing.CodeBlock("python", "s = '''\n```\n'''\n")]


def test_a_solution_defining_the_function_gets_the_prompt_imports():
    prompt = 'import math\n\ndef task_func(x):\n    """Root."""\n'
    answer = "```python\ndef task_func(x):\n    return math.sqrt(x)\n```"
    program = parsing.solution_program(answer, "stop", prompt, "task_func")
    assert program == "import math\n\ndef task_func(x):\n    return math.sqrt(x)\n"


def test_a_body_only_solution_completes_the_prompt():
    prompt = 'import math\n\ndef task_func(x):\n    """Root."""\n'
    answer = "```python\n    return math.sqrt(x)\n```"
    program = parsing.solution_program(answer, "stop", prompt, "task_func")
    assert program == prompt + "    return math.sqrt(x)\n"


def test_instruction_text_drops_a_preface_line_and_takes_a_text_block():
    assert (
        parsing.instruction_text("Here is the instruction:\nCount the words.\n", "stop")
        == "Count the words."
    )
    assert parsing.instruction_text("```text\nCount them.\n```\nDone.", "stop") == "Count them."
    with pytest.raises(TruncatedAnswer):
        parsing.instruction_text("Count the", "length")
    with pytest.raises(UnusableAnswer, match="empty"):
        parsing.instruction_text("  \n", "stop")
    # Prose and a test module: the whole answer became the proposed instruction.
    with pytest.raises(UnusableAnswer, match=r"holds code \(a ```python block\), not an"):
        parsing.instruction_text("I added a test.\n```python\nimport unittest\n```\n", "stop")


def test_imports_the_solution_already_has_are_not_repeated():
    prompt = 'import math\nimport re\n\ndef task_func(x):\n    """Root."""\n'
    code = "import math\n\ndef task_func(x):\n    return math.sqrt(x)\n"
    program = parsing.solution_program(f"```python\n{code}```", "stop", prompt, "task_func")
    assert program == "import re\n\n" + code
