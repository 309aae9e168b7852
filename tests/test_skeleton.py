"""The offline test skeleton: from the signature and docstring, runnable as far as it goes."""

from __future__ import annotations

import ast
import unittest

from conftest import make_task
from curator.skeleton import documented_raises, examples, skeleton_for

DOCSTRING = """Summarise numbers.

Raises:
- ValueError: If the list is empty.
- TypeError: If an item is not a number.

Requirements:
- statistics

Example:
>>> data = [1, 2,
...         3]
>>> task_func(data)
{'mean': 2}
>>> print(task_func([4]))
{'mean': 4}

>>> task_func([1.5])["mean"]
1.5
"""


def test_examples_group_statements_with_their_shown_output():
    assert examples(DOCSTRING) == [
        [
            ("data = [1, 2,\n        3]", None),
            ("task_func(data)", "{'mean': 2}"),
            ("print(task_func([4]))", "{'mean': 4}"),
        ],
        [('task_func([1.5])["mean"]', "1.5")],
    ]


def test_documented_raises_stop_at_the_next_section():
    assert documented_raises(DOCSTRING) == [
        ("ValueError", "If the list is empty."),
        ("TypeError", "If an item is not a number."),
    ]


def test_the_skeleton_parses_and_its_example_tests_pass_on_the_reference_solution():
    task = make_task()
    skeleton = skeleton_for(task)
    ast.parse(skeleton)
    namespace: dict[str, object] = {}
    exec(compile(task.program + "\n" + skeleton, "skeleton", "exec"), namespace)
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(namespace["TestCases"])
    result = unittest.TestResult()
    suite.run(result)
    assert result.testsRun == 2
    # The example test passes; the raises test waits for the annotator's arguments.
    assert [case.id().rsplit(".", 1)[1] for case, _ in result.errors] == ["test_raises_valueerror"]
    assert not result.failures


def test_a_program_that_does_not_parse_gives_a_skeleton_that_says_so():
    task = make_task(complete_prompt="def task_func(:\n", canonical_solution="")
    skeleton = skeleton_for(task)
    assert "does not parse (line 1)" in skeleton
    ast.parse(skeleton)


def test_an_exception_documented_twice_gets_two_methods_of_their_own():
    """Both were `test_raises_typeerror`: the second replaced the first, one case lost."""
    program = (
        "def task_func(string, patterns):\n"
        '    """Count the patterns.\n\n'
        "    Raises:\n"
        "    - TypeError: If string is not a str.\n"
        "    - TypeError: If patterns is not a list of str.\n"
        "    - ValueError: If patterns is empty.\n"
        '    """\n'
        "    return {}\n"
    )
    skeleton = skeleton_for(make_task(complete_prompt=program, canonical_solution=""))
    [test_class] = [node for node in ast.parse(skeleton).body if isinstance(node, ast.ClassDef)]
    names = [node.name for node in test_class.body if isinstance(node, ast.FunctionDef)]
    assert names == ["test_raises_typeerror_1", "test_raises_typeerror_2", "test_raises_valueerror"]
