"""The docstring parser: every style and variant it must understand, and what it warns about."""

from __future__ import annotations

import random

from curator.docstring import Rule, entry_docstring, parse_docstring, parse_program
from curator.models import DocStruct

BENCHMARK_STYLE = '''import os

def task_func(path, limit=10):
    """
    List the largest files under a directory,
    biggest first.

    Parameters:
    - path (str): The directory to walk.
    - limit (int, optional): How many files to list.
      Defaults to 10.

    Returns:
    - list[tuple[str, int]]: (name, size) pairs.

    Raises:
    - FileNotFoundError: If path does not exist.

    Requirements:
    - os

    Example:
    >>> task_func('/tmp', limit=1)
    [('big.bin', 4096)]
    """
'''


def parse(body: str) -> DocStruct:
    return parse_docstring(body).doc_struct


def test_benchmark_style_fills_every_section_as_the_benchmark_stores_it() -> None:
    parsed = parse_program(BENCHMARK_STYLE)
    assert parsed is not None
    assert parsed.doc_struct == DocStruct(
        description=["List the largest files under a directory,", "biggest first."],
        params=[
            "path (str): The directory to walk.",
            "limit (int, optional): How many files to list.",
            "Defaults to 10.",
        ],
        returns=["list[tuple[str, int]]: (name, size) pairs."],
        raises=["FileNotFoundError: If path does not exist."],
        reqs=["os"],
        examples=[">>> task_func('/tmp', limit=1)", "[('big.bin', 4096)]"],
    )
    assert parsed.warnings == []
    assert {p.rule for p in parsed.placements} == {Rule.DESCRIPTION, Rule.HEADING}


def test_placements_carry_program_line_numbers() -> None:
    parsed = parse_program(BENCHMARK_STYLE)
    assert parsed is not None
    lines = BENCHMARK_STYLE.splitlines()
    for placement in parsed.placements:
        assert placement.text.lstrip("- ") in lines[placement.line - 1]


def test_args_and_arguments_are_parameter_headings() -> None:
    for heading in ("Args:", "Arguments:", "Params:", "Parameter:"):
        parsed = parse_docstring(
            f"\n    Add two numbers.\n\n    {heading}\n    - a (int): First.\n"
            "    - b (int): Second.\n\n    Returns:\n    int: The sum.\n    "
        )
        assert parsed.doc_struct.params == ["a (int): First.", "b (int): Second."], heading
        assert parsed.doc_struct.description == ["Add two numbers."]
        rules = {p.rule for p in parsed.placements if p.section == "params"}
        assert rules == {Rule.HEADING_VARIANT}


def test_returns_return_and_yields_are_return_headings() -> None:
    for heading in ("Returns:", "Return:", "Yields:", "Yield:"):
        struct = parse(f"Make pairs.\n\n{heading}\ntuple: A pair.\n")
        assert struct.returns == ["tuple: A pair."], heading


def test_raises_keeps_every_exception_and_drops_bullets() -> None:
    struct = parse(
        "Divide.\n\nRaises:\n- ZeroDivisionError: If b is 0.\nTypeError if a is not a number\n"
    )
    assert struct.raises == ["ZeroDivisionError: If b is 0.", "TypeError if a is not a number"]


def test_requirements_section() -> None:
    struct = parse("Plot it.\n\nRequirements:\n- numpy\n- matplotlib.pyplot\n")
    assert struct.reqs == ["numpy", "matplotlib.pyplot"]


def test_example_examples_and_numbered_examples_all_go_to_the_examples() -> None:
    struct = parse(
        "Double a number.\n\nExamples:\n>>> task_func(1)\n2\n\n"
        "Example 2:\n>>> task_func(0)\n0\n\nExample:\n>>> task_func(-1)\n-2\n"
    )
    assert struct.examples == [
        ">>> task_func(1)",
        "2",
        ">>> task_func(0)",
        "0",
        ">>> task_func(-1)",
        "-2",
    ]
    assert struct.description == ["Double a number."]


def test_doctest_paragraph_after_a_blank_line_stays_in_the_examples() -> None:
    parsed = parse_docstring(
        "Double a number.\n\nExample:\n>>> task_func(1)\n2\n\n>>> task_func(2)\n4\n"
    )
    assert parsed.doc_struct.description == ["Double a number."]
    assert parsed.doc_struct.examples == [">>> task_func(1)", "2", ">>> task_func(2)", "4"]
    late = [p for p in parsed.placements if p.text == ">>> task_func(2)"]
    assert late[0].rule is Rule.DOCTEST_PARAGRAPH


def test_note_and_notes_with_text_on_the_heading_line_or_below() -> None:
    struct = parse(
        "Sort words.\n\nNote: Sorting is stable.\n\n"
        "Notes:\n- Case is ignored.\n- Empty words stay.\n"
    )
    assert struct.notes == ["Sorting is stable.", "Case is ignored.", "Empty words stay."]


def test_google_style_with_indented_items_and_continuations() -> None:
    struct = parse(
        """Merge two sorted lists.

        Args:
            left (list[int]): The first list.
            right (list[int]): The second list.
                It may be empty.

            extra (bool): An indented paragraph after a blank line.

        Returns:
            list[int]: The merged list.

        Raises:
            TypeError: If an element is not an int.

        Example:
            >>> task_func([1], [0])
            [0, 1]
        """
    )
    assert struct.params == [
        "left (list[int]): The first list.",
        "right (list[int]): The second list.",
        "It may be empty.",
        "extra (bool): An indented paragraph after a blank line.",
    ]
    assert struct.returns == ["list[int]: The merged list."]
    assert struct.raises == ["TypeError: If an element is not an int."]
    assert struct.examples == [">>> task_func([1], [0])", "[0, 1]"]


def test_numpy_style_underlined_headings_span_blank_lines() -> None:
    parsed = parse_docstring(
        """
    Scale a vector to unit length.

    Parameters
    ----------
    vector : list of float
        The vector.

    factor : float, optional
        Extra factor. Default is 1.0.

    Returns
    -------
    list of float
        The scaled vector.

    Raises
    ======
    ZeroDivisionError
        If the vector is all zeros.

    Notes
    -----
    Uses the Euclidean norm.

    Examples
    --------
    >>> task_func([3, 4])
    [0.6, 0.8]
    """
    )
    struct = parsed.doc_struct
    assert struct.description == ["Scale a vector to unit length."]
    assert struct.params == [
        "vector : list of float",
        "The vector.",
        "factor : float, optional",
        "Extra factor. Default is 1.0.",
    ]
    assert struct.returns == ["list of float", "The scaled vector."]
    assert struct.raises == ["ZeroDivisionError", "If the vector is all zeros."]
    assert struct.notes == ["Uses the Euclidean norm."]
    assert struct.examples == [">>> task_func([3, 4])", "[0.6, 0.8]"]
    assert not any("---" in line or "===" in line for name, lines in struct for line in lines)
    assert parsed.warnings == []


def test_indentation_does_not_matter_when_consistent() -> None:
    flat = parse("Count.\n\nReturns:\nint: The count.\n")
    deep = parse(
        "Count.\n\n                Returns:\n                int: The count.\n            "
    )
    tabbed = parse("Count.\n\n\tReturns:\n\tint: The count.\n\t")
    assert flat == deep == tabbed
    assert flat.returns == ["int: The count."]


def test_sections_in_any_order_even_without_blank_lines() -> None:
    parsed = parse_docstring(
        "Pick the largest key.\nRequirements:\n- collections\nReturns:\nstr: The key.\n"
        "Note: Ties go to the first key.\nParameters:\n- mapping (dict): The mapping.\n"
        "Raises:\n- KeyError: If the mapping is empty.\n"
    )
    assert parsed.doc_struct == DocStruct(
        description=["Pick the largest key."],
        reqs=["collections"],
        returns=["str: The key."],
        notes=["Ties go to the first key."],
        params=["mapping (dict): The mapping."],
        raises=["KeyError: If the mapping is empty."],
    )
    assert {p.rule for p in parsed.placements if p.section != "description"} == {
        Rule.HEADING_IN_PARAGRAPH
    }


def test_example_with_text_inside_a_paragraph_stays_prose() -> None:
    struct = parse("Parse a date.\nExample: 2024-01-31 is read as January 31.\n")
    assert struct.description == [
        "Parse a date.",
        "Example: 2024-01-31 is read as January 31.",
    ]
    assert struct.examples == []


def test_unknown_section_is_kept_in_the_description_with_a_warning() -> None:
    parsed = parse_docstring(
        "Draw letters.\n\nConstants:\n- ALPHABET: The letters used.\n\nReturns:\nAxes: The plot.\n"
    )
    assert parsed.doc_struct.description == [
        "Draw letters.",
        "Constants:",
        "- ALPHABET: The letters used.",
    ]
    assert [w.kind for w in parsed.warnings] == ["unknown-section"]
    assert "Constants:" in parsed.warnings[0].message
    assert parsed.warnings[0].line == 3


def test_unknown_numpy_heading_is_kept_with_a_warning() -> None:
    parsed = parse_docstring("Sum.\n\nSee Also\n--------\nmath.fsum\n")
    assert parsed.doc_struct.description == ["Sum.", "See Also", "math.fsum"]
    assert [w.kind for w in parsed.warnings] == ["unknown-section"]


def test_paragraph_after_a_section_goes_back_to_the_description() -> None:
    struct = parse(
        "Make weather data.\n\nParameters:\nseed (int): The seed.\n\n"
        "The ranges are as follows:\n- Temperature: -10 to 40.\n\nReturns:\nDataFrame: The data.\n"
    )
    assert struct.description == [
        "Make weather data.",
        "The ranges are as follows:",
        "- Temperature: -10 to 40.",
    ]
    assert struct.params == ["seed (int): The seed."]


def test_empty_repeated_and_missing_sections_are_warned_about() -> None:
    parsed = parse_docstring("\nParameters:\n\nReturns:\nint: One.\n\nReturns:\nint: Two.\n")
    kinds = [w.kind for w in parsed.warnings]
    assert kinds == ["empty-section", "repeated-section", "no-description"]
    assert parsed.doc_struct.returns == ["int: One.", "int: Two."]


def test_title_case_words_inside_a_section_are_not_headings() -> None:
    parsed = parse_docstring("Load it.\n\nReturns:\nDataFrame:\nThe loaded table.\n")
    assert parsed.doc_struct.returns == ["DataFrame:", "The loaded table."]
    assert parsed.warnings == []


def test_no_text_is_ever_dropped() -> None:
    body = BENCHMARK_STYLE.split('"""')[1]
    parsed = parse_docstring(body)
    words = {word for line in body.splitlines() for word in line.split()}
    kept = {word for _, lines in parsed.doc_struct for line in lines for word in line.split()}
    headings = {h.text for h in parsed.headings}
    assert words - kept - headings == {"-"}


def test_entry_docstring_keeps_escapes_as_written() -> None:
    program = 'def task_func(s):\n    """\n    Strip \'\\\\\' and \\\'x\\\'.\n    """\n'
    docstring = entry_docstring(program)
    assert docstring is not None
    assert "Strip '\\\\' and \\'x\\'." in docstring.text
    assert docstring.first_line == 2


def test_entry_docstring_handles_other_quotes_prefixes_and_wide_characters() -> None:
    program = (
        "# Température: °C\n"
        "def helper():\n    '''Not this one.'''\n\n"
        "def task_func(x):\n    r'''Convert °F to °C.\n\n    Returns:\n    float: °C.\n    '''\n"
    )
    parsed = parse_program(program)
    assert parsed is not None
    assert parsed.doc_struct.description == ["Convert °F to °C."]
    assert parsed.doc_struct.returns == ["float: °C."]


def test_entry_docstring_is_none_without_one() -> None:
    assert entry_docstring("def task_func(x):\n    return x\n") is None
    assert entry_docstring("def other(x):\n    'Doc.'\n") is None
    assert entry_docstring("def task_func(:\n") is None
    assert parse_program("x = 1\n") is None


def test_a_rule_under_doctest_output_is_not_a_numpy_heading() -> None:
    parsed = parse_docstring("Tabulate.\n\nExample:\n>>> print(task_func())\ntotal\n-----\n3\n")
    assert parsed.doc_struct.examples == [">>> print(task_func())", "total", "-----", "3"]
    assert parsed.warnings == []


def test_implicitly_concatenated_docstring_is_read_as_evaluated() -> None:
    parsed = parse_program(
        'def task_func():\n    ("Say hi.\\n\\n"\n     "Returns:\\nstr: Hi.\\n")\n'
    )
    assert parsed is not None
    assert parsed.doc_struct == DocStruct(description=["Say hi."], returns=["str: Hi."])


FRAGMENTS = [
    "Do a thing.",
    "",
    "Parameters:",
    "Args:",
    "- x (int): X. Defaults to 3.",
    "    y: indented",
    "Returns",
    "-------",
    "Note: a note",
    "Notes:",
    "Example 2:",
    ">>> task_func(1)",
    "Constants:",
    "See Also",
    "=====",
    "ValueError: bad",
    "Example: prose here",
    "\tTabbed:",
    "::",
    "- ",
    "x : int",
]


def test_random_fragment_docstrings_never_lose_a_word() -> None:
    """Whatever the mix of headings, bullets and rules, every word lands somewhere."""
    generator = random.Random(5)
    for _ in range(2000):
        lines = [generator.choice(FRAGMENTS) for _ in range(generator.randint(0, 12))]
        margin = generator.choice(["", "    "])
        body = "\n".join(margin + " " * generator.choice([0, 0, 4]) + line for line in lines)
        parsed = parse_docstring(body)
        kept = " ".join(line for _, section in parsed.doc_struct for line in section)
        kept += " " + " ".join(heading.text for heading in parsed.headings)
        for word in (word for line in lines for word in line.split()):
            if set(word) - set("-=:"):
                assert word in kept, body
