"""Condensation: the exact Instruct layout, named reasons for differences, information loss."""

from __future__ import annotations

import json
from pathlib import Path

from gitbanks import passing, save

from curator.bank import Bank
from curator.condense.loss import information_loss
from curator.condense.reasons import Reason, ReasonKind
from curator.condense.render import render_instruction, split_instruction
from curator.condense.stage import apply_instruction, check_task, rule_based_instruction
from curator.docstring import parse_program
from curator.models import DocStruct, Stage, Task

PROMPT = '''import csv

def task_func(path, column, limit=5):
    """
    Read a CSV file and return the most frequent values
    of one column.

    Parameters:
    - path (str): The CSV file to read.
    - column (str): The column to count.
    - limit (int): How many values to return. Defaults to 5.

    Returns:
    - list[str]: The values, most frequent first.

    Raises:
    - KeyError: If the column is missing.

    Note: Empty cells are skipped.

    Requirements:
    - csv

    Example:
    >>> task_func('people.csv', 'city', limit=1)
    ['Paris']
    """
'''
CODE_PROMPT = "import csv\ndef task_func(path, column, limit=5):\n"
EXPECTED = (
    "Read a CSV file and return the most frequent values of one column.\n"
    "Note that: Empty cells are skipped.\n"
    "The function should raise the exception for: KeyError: If the column is missing.\n"
    "The function should output with:\n"
    "    list[str]: The values, most frequent first.\n"
    "You should write self-contained code starting with:\n"
    "```\n"
    "import csv\n"
    "def task_func(path, column, limit=5):\n"
    "```"
)


def parsed_struct(prompt: str = PROMPT) -> DocStruct:
    parsed = parse_program(prompt)
    assert parsed is not None
    return parsed.doc_struct


def stored_struct(prompt: str) -> DocStruct:
    parsed = parse_program(prompt)
    return parsed.doc_struct if parsed else DocStruct()


def make_condense_task(
    prompt: str = PROMPT,
    instruction: str | None = None,
    doc_struct: DocStruct | None = None,
    code_prompt: str = CODE_PROMPT,
    task_id: str = "Condense/1",
) -> Task:
    """A task as the benchmark ships it: doc_struct and instruction from the original converter."""
    return Task(
        task_id=task_id,
        complete_prompt=prompt,
        canonical_solution="    return []\n",
        code_prompt=code_prompt,
        test="import unittest\n\nclass TestCases(unittest.TestCase):\n    pass\n",
        doc_struct=doc_struct if doc_struct is not None else stored_struct(prompt),
        instruct_prompt=EXPECTED if instruction is None else instruction,
    )


# -- layout ------------------------------------------------------------------------------------


def test_layout_is_exactly_the_benchmarks() -> None:
    assert render_instruction(parsed_struct(), CODE_PROMPT) == EXPECTED


def test_layout_joins_lines_with_spaces_and_indents_each_returns_line() -> None:
    struct = DocStruct(
        description=["First line", "second line."],
        notes=["One note.", "Two notes."],
        raises=["ValueError: bad.", "TypeError: worse."],
        returns=["tuple:", "int: a count", "str: a name"],
    )
    assert render_instruction(struct, "def task_func():\n") == (
        "First line second line.\n"
        "Note that: One note. Two notes.\n"
        "The function should raise the exception for: ValueError: bad. TypeError: worse.\n"
        "The function should output with:\n"
        "    tuple:\n"
        "    int: a count\n"
        "    str: a name\n"
        "You should write self-contained code starting with:\n"
        "```\ndef task_func():\n```"
    )


def test_layout_leaves_out_empty_sections_and_closes_the_fence_on_its_own_line() -> None:
    struct = DocStruct(description=["Do it."], params=["x (int): ignored"], reqs=["os"])
    assert render_instruction(struct, "def task_func(x):") == (
        "Do it.\nYou should write self-contained code starting with:\n```\ndef task_func(x):\n```"
    )


def test_split_instruction_returns_text_and_code_prompt() -> None:
    assert split_instruction(EXPECTED) == (EXPECTED.split("You should")[0], CODE_PROMPT)
    assert split_instruction("Just prose.") is None


def test_rule_based_instruction_of_a_task() -> None:
    assert rule_based_instruction(make_condense_task()) == EXPECTED
    assert rule_based_instruction(make_condense_task(prompt="def task_func():\n    pass\n")) is None


# -- named reasons -----------------------------------------------------------------------------


def reason_codes(task: Task) -> list[Reason]:
    return [reason.code for reason in check_task(task).reasons]


def test_equal_when_the_original_converter_was_right() -> None:
    report = check_task(make_condense_task())
    assert report.equal
    assert report.reasons == []
    assert report.instruction == EXPECTED


ARGS_PROMPT = '''def task_func(values):
    """
    Average the gaps between neighbouring numbers.

    Args:
    - values (list): The numbers.

    Returns:
    float: The mean gap.
    """
'''


def test_args_heading_is_a_named_fix() -> None:
    legacy = DocStruct(
        description=[
            "Average the gaps between neighbouring numbers.",
            "Args:",
            "- values (list): The numbers.",
        ],
        returns=["float: The mean gap."],
    )
    code = "def task_func(values):\n"
    task = make_condense_task(
        ARGS_PROMPT, render_instruction(legacy, code), legacy, code_prompt=code
    )
    report = check_task(task)
    assert not report.equal
    assert [r.code for r in report.reasons] == [Reason.ARGS_HEADING]
    assert report.reasons[0].kind is ReasonKind.FIX
    assert "'Args:'" in report.reasons[0].message
    assert "Args:" not in (report.instruction or "")
    assert not report.needs_attention


EXAMPLE2_PROMPT = '''def task_func(text):
    """
    Reverse a text.

    Returns:
    str: The reversed text.

    Example:
    >>> task_func('ab')
    'ba'

    Example 2:
    >>> task_func('')
    ''
    """
'''


def test_numbered_example_heading_is_a_named_fix() -> None:
    legacy = DocStruct(
        description=["Reverse a text.", "Example 2:", ">>> task_func('')", "''"],
        returns=["str: The reversed text."],
        examples=[">>> task_func('ab')", "'ba'"],
    )
    code = "def task_func(text):\n"
    task = make_condense_task(
        EXAMPLE2_PROMPT, render_instruction(legacy, code), legacy, code_prompt=code
    )
    assert reason_codes(task) == [Reason.NUMBERED_EXAMPLE_HEADING]
    assert ">>>" not in (check_task(task).instruction or "")


def test_second_doctest_paragraph_is_a_named_fix() -> None:
    prompt = EXAMPLE2_PROMPT.replace("    Example 2:\n", "")
    legacy = DocStruct(
        description=["Reverse a text.", ">>> task_func('')", "''"],
        returns=["str: The reversed text."],
        examples=[">>> task_func('ab')", "'ba'"],
    )
    code = "def task_func(text):\n"
    task = make_condense_task(prompt, render_instruction(legacy, code), legacy, code_prompt=code)
    assert reason_codes(task) == [Reason.DOCTEST_PARAGRAPH]


def test_notes_heading_kept_as_text_is_a_named_fix() -> None:
    prompt = PROMPT.replace(
        "    Note: Empty cells are skipped.\n", "    Notes:\n    - Empty cells are skipped.\n"
    )
    legacy = parsed_struct(prompt).model_copy(
        update={"notes": ["Notes:", "Empty cells are skipped."]}
    )
    instruction = render_instruction(legacy, CODE_PROMPT)
    assert "Note that: Notes:" in instruction
    task = make_condense_task(prompt, instruction, legacy)
    report = check_task(task)
    assert [r.code for r in report.reasons] == [Reason.HEADING_KEPT_AS_TEXT]
    assert "Note that: Notes:" in report.reasons[0].message


def test_heading_without_blank_line_is_a_named_fix() -> None:
    prompt = PROMPT.replace("    Note: Empty cells are skipped.\n\n", "").replace(
        "Defaults to 5.\n", "Defaults to 5.\n    Note: Empty cells are skipped.\n"
    )
    parsed = parsed_struct(prompt)
    assert parsed.notes == ["Empty cells are skipped."]
    legacy = parsed.model_copy(
        update={"notes": [], "params": [*parsed.params, "Note: Empty cells are skipped."]}
    )
    assert reason_codes(
        make_condense_task(prompt, render_instruction(legacy, CODE_PROMPT), legacy)
    ) == [Reason.HEADING_IN_PARAGRAPH]


def test_edited_docstring_is_an_update() -> None:
    task = make_condense_task()
    task.complete_prompt = task.complete_prompt.replace("Empty cells", "Blank cells")
    report = check_task(task)
    assert {r.code for r in report.reasons} == {Reason.DOCSTRING_CHANGED}
    assert report.needs_attention


def test_changed_code_prompt_is_an_update() -> None:
    task = make_condense_task()
    task.complete_prompt = task.complete_prompt.replace("limit=5", "limit=3")
    task.code_prompt = CODE_PROMPT.replace("limit=5", "limit=3")
    assert reason_codes(task) == [Reason.CODE_PROMPT_CHANGED]


def test_hand_edited_instruction_is_unexplained() -> None:
    task = make_condense_task(instruction=EXPECTED.replace("most frequent", "commonest"))
    report = check_task(task)
    assert [r.code for r in report.reasons] == [Reason.INSTRUCTION_EDITED]
    assert report.reasons[0].kind is ReasonKind.UNEXPLAINED
    assert report.needs_attention


def test_missing_instruction_and_missing_docstring() -> None:
    assert reason_codes(make_condense_task(instruction="")) == [Reason.NO_INSTRUCTION]
    no_doc = make_condense_task(prompt="def task_func(path, column, limit=5):\n    pass\n")
    report = check_task(no_doc)
    assert [r.code for r in report.reasons] == [Reason.NO_DOCSTRING]
    assert report.instruction is None
    assert report.needs_attention


def test_instruction_without_a_stored_doc_struct_cannot_be_explained() -> None:
    task = make_condense_task(instruction="Count values.", doc_struct=DocStruct())
    assert reason_codes(task) == [Reason.NO_REFERENCE]


def test_accepted_instruction_is_explained_by_its_provenance() -> None:
    task = make_condense_task()
    accepted = apply_instruction(
        task,
        "Count the commonest CSV values.\n" + EXPECTED.split("\n", 1)[1],
        task.doc_struct,
        detail="llm",
        model="test-model",
    )
    report = check_task(accepted)
    assert [r.code for r in report.reasons] == [Reason.ACCEPTED_INSTRUCTION]
    assert report.reasons[0].kind is ReasonKind.ACCEPTED
    assert not report.needs_attention
    accepted.complete_prompt = accepted.complete_prompt.replace("Empty cells", "Blank cells")
    stale = check_task(accepted)
    assert [r.code for r in stale.reasons] == [
        Reason.ACCEPTED_INSTRUCTION,
        Reason.DOCSTRING_CHANGED,
    ]
    assert stale.needs_attention


def test_apply_instruction_records_provenance_and_advances_a_validated_task() -> None:
    task = make_condense_task(instruction="", doc_struct=DocStruct())
    task.stage = Stage.VALIDATED
    task.interchange.doc_struct = '{"description": []}'
    updated = apply_instruction(task, EXPECTED, parsed_struct(), annotator="ana")
    assert updated.instruct_prompt == EXPECTED
    assert updated.doc_struct == parsed_struct()
    assert updated.interchange.doc_struct is None
    assert updated.stage is Stage.CONDENSED
    event = updated.provenance.events[-1]
    assert (event.operation, event.detail, event.annotator) == ("condense", "rules", "ana")
    assert task.instruct_prompt == ""  # the original is untouched
    accepted = make_condense_task()
    accepted.stage = Stage.ACCEPTED
    assert apply_instruction(accepted, EXPECTED, accepted.doc_struct).stage is Stage.ACCEPTED


# -- information loss --------------------------------------------------------------------------


def kinds(warnings: list) -> list[tuple[str, str]]:
    return [(w.kind, w.message) for w in warnings]


def loss(params: list[str], instruction: str, **sections: list[str]) -> list[tuple[str, str]]:
    return kinds(information_loss(DocStruct(params=params, **sections), instruction))


def fenced(code: str, text: str = "Do it.") -> str:
    return f"{text}\nYou should write self-contained code starting with:\n```\n{code}```"


def test_nothing_is_lost_when_the_instruction_states_everything() -> None:
    struct = DocStruct(
        description=["Write rows to a .csv file; MAX_ROWS caps them at 100."],
        params=["rows (list): The rows.", "sep (str): Separator. Defaults to ';'."],
        returns=["int: The count."],
        raises=["ValueError: If rows is empty."],
    )
    instruction = render_instruction(
        struct, "MAX_ROWS = 100\ndef task_func(rows: list, sep: str = ';'):\n"
    )
    assert information_loss(struct, instruction) == []


def test_missing_parameter() -> None:
    warnings = loss(["values (list): Numbers."], "Average some numbers.")
    assert ("missing-parameter", "parameter 'values' is not in the instruction") in warnings


def test_parameter_types_are_not_asked_for_as_the_benchmark_leaves_them_out() -> None:
    params = ["values (list of float): Numbers.", "scale (float, optional): Factor."]
    instruction = fenced("def task_func(values, scale=1.0):\n", "Scale values by scale.")
    assert loss(params, instruction) == []
    unnamed = loss(params, "Multiply some numbers by a factor.")
    assert [kind for kind, _ in unnamed] == ["missing-parameter", "missing-parameter"]


def test_missing_default_when_the_signature_does_not_state_it() -> None:
    params = ["names (list, optional): Names. Defaults to ['Ann', 'Bob']."]
    warnings = loss(params, fenced("def task_func(names: list = None):\n"))
    assert (
        "missing-default",
        "the default of parameter 'names' (['Ann', 'Bob']) is not in the instruction",
    ) in warnings
    stated = fenced("def task_func(names: list = None):\n", "Names default to ['Ann', 'Bob'].")
    assert [k for k, _ in loss(params, stated) if k == "missing-default"] == []


def test_a_missing_default_is_one_warning_not_one_more_per_value_in_it() -> None:
    """BigCodeBench/126: the default list of animals came with a missing-literal warning for
    each of its five names as well."""
    params = ["animals (list of str, optional): Animals. Defaults to ['Lion', 'Tiger', 10]."]
    assert loss(params, fenced("def task_func(animals=None):\n")) == [
        (
            "missing-default",
            "the default of parameter 'animals' (['Lion', 'Tiger', 10]) is not in the instruction",
        )
    ]


def test_default_is_the_literal_before_any_explanation() -> None:
    params = ["now (float, optional): Time. Defaults to None, which disables the check."]
    assert loss(params, fenced("def task_func(now: float = None):\n")) == []
    params = ["size (int): Size. Defaults to 64, the page size."]
    assert loss(params, fenced("def task_func(size: int = 64):\n")) == []
    params = ["chars (str): Letters. Default is lowercase letters."]
    assert loss(params, fenced("def task_func(chars: str = None):\n")) == [
        (
            "missing-default",
            "the default of parameter 'chars' (lowercase letters) is not in the instruction",
        )
    ]


def test_default_that_contradicts_the_signature() -> None:
    warnings = loss(
        ["seed (int): Seed. Defaults to 42."], fenced("def task_func(seed: int = 0):\n")
    )
    assert (
        "default-mismatch",
        "parameter 'seed': the docstring says the default is 42, the signature says 0",
    ) in warnings
    agreeing = loss(
        ["seed (int): Seed. Defaults to 42."], fenced("def task_func(seed: int = 42):\n")
    )
    assert agreeing == []


def test_missing_return_type() -> None:
    warnings = loss([], "Return the frame.", returns=["pd.DataFrame: The frame."])
    assert warnings == [
        ("missing-return-type", "the return type pd.DataFrame is not in the instruction")
    ]
    nested = loss([], "Return pairs.", returns=["list[tuple[str, int]]: Pairs like ['a']."])
    assert nested == [
        ("missing-return-type", "the return type list[tuple[str, int]] is not in the instruction"),
        ("missing-literal", "the value 'a' is not in the instruction"),
    ]
    named = loss([], "Return the frame.", returns=["data (pd.DataFrame): The frame."])
    assert named == [
        ("missing-return-type", "the return type pd.DataFrame is not in the instruction")
    ]


def test_missing_raised_exception() -> None:
    warnings = loss(
        ["name (str): One of 'a', 'b', otherwise raises ValueError."],
        fenced("def task_func(name: str):\n"),
    )
    assert ("missing-exception", "the exception ValueError is not in the instruction") in warnings


def test_missing_constant() -> None:
    code = "PREFIXES = ['is_']\nMAX_DEPTH = 3\ndef task_func(d: str):\n"
    struct = DocStruct(
        params=["d (str): Counts keys starting with PREFIXES, up to MAX_DEPTH levels."]
    )
    assert kinds(information_loss(struct, fenced(code))) == []
    bare = fenced("def task_func(d: str):\n", "Counts keys.")
    assert ("missing-constant", "the constant MAX_DEPTH is not in the instruction") in kinds(
        information_loss(struct, bare)
    )


def test_a_constant_the_code_never_uses_is_the_docstring_s_error_not_a_loss() -> None:
    """BigCodeBench/325's docstring says its pattern "Defaults to REGEX_PATTERN", a constant
    that exists nowhere: the default is a literal, and the instruction lost nothing."""
    struct = DocStruct(params=["d (str): Counts keys up to MAX_DEPTH levels."])
    bare = fenced("def task_func(d: str):\n", "Counts keys.")
    docstring_only = (
        'def task_func(d: str):\n    """Counts keys up to MAX_DEPTH levels."""\n    return 3\n'
    )
    defined = "MAX_DEPTH = 3\n" + docstring_only
    as_a_key = docstring_only.replace("return 3", "return {'MAX_DEPTH': 3}['MAX_DEPTH']")

    assert kinds(information_loss(struct, bare, program=docstring_only)) == [
        ("unknown-constant", "the docstring names MAX_DEPTH, which the code never uses")
    ]
    for program in (defined, as_a_key, None):
        assert kinds(information_loss(struct, bare, program=program)) == [
            ("missing-constant", "the constant MAX_DEPTH is not in the instruction")
        ]


def test_missing_quoted_and_numeric_values() -> None:
    warnings = loss(
        ["mode (str): Either 'fast' or 'exact'; at most 10 tries."],
        fenced("def task_func(mode: str):\n", "Choose 'fast'."),
    )
    assert ("missing-literal", "the value 'exact' is not in the instruction") in warnings
    assert ("missing-literal", "the value 10 is not in the instruction") in warnings
    assert ("missing-literal", "the value 'fast' is not in the instruction") not in warnings


def test_apostrophes_are_not_quotes() -> None:
    warnings = loss([], "Count animals.", description=["Each animal's count is the letters' sum."])
    assert warnings == []


def test_missing_file_formats() -> None:
    warnings = loss([], "Save the data.", description=["Save the data as JSON into a .txt file."])
    assert ("missing-file-format", "the file format JSON is not in the instruction") in warnings
    assert ("missing-file-format", "the file format .txt is not in the instruction") in warnings
    kept = loss(
        [], "Save json into out.txt.", description=["Save the data as JSON into a .txt file."]
    )
    assert kept == []


def test_a_quoted_file_extension_is_one_file_format_warning() -> None:
    """BigCodeBench/857: `['.txt', '.csv']` gave the format .csv, the format csv and the value
    '.csv' for the same text."""
    warnings = loss([], "Move files.", description=["Extensions, e.g. ['.txt', '.csv']."])
    assert warnings == [
        ("missing-file-format", "the file format .txt is not in the instruction"),
        ("missing-file-format", "the file format .csv is not in the instruction"),
    ]


def test_examples_and_requirements_are_not_checked() -> None:
    struct = DocStruct(
        description=["Do it."],
        reqs=["numpy"],
        examples=[">>> task_func('data.csv', 42)", "'ValueError'"],
    )
    assert information_loss(struct, "Do it.") == []


def test_the_same_check_applies_to_any_candidate_text() -> None:
    struct = parsed_struct()
    rule_based = render_instruction(struct, CODE_PROMPT)
    short = fenced(CODE_PROMPT, "Return the most common values of a column.")
    before = {k for k, _ in kinds(information_loss(struct, rule_based))}
    after = kinds(information_loss(struct, short))
    assert "missing-exception" not in before
    assert ("missing-exception", "the exception KeyError is not in the instruction") in after


# -- CLI ---------------------------------------------------------------------------------------


def bank_with(bank: Bank, *tasks: Task) -> Bank:
    """`bank` holding `tasks`, each with a passing validation of its content: the condense step
    needs one, in the CLI as in the app."""
    bank.add_all(list(tasks))
    for task in tasks:
        save(bank, passing(task))
    return bank


def legacy_args_task(task_id: str) -> Task:
    legacy = DocStruct(
        description=[
            "Average the gaps between neighbouring numbers.",
            "Args:",
            "- values (list): The numbers.",
        ],
        returns=["float: The mean gap."],
    )
    code = "def task_func(values):\n"
    return make_condense_task(
        ARGS_PROMPT, render_instruction(legacy, code), legacy, code_prompt=code, task_id=task_id
    )


def test_cli_prints_the_regenerated_instruction(bank: Bank, run_cli) -> None:
    bank_with(bank, make_condense_task())
    before = bank.load("Condense/1").instruct_prompt
    result = run_cli("--bank", bank.root, "condense", "Condense/1")
    assert result.returncode == 0, result.stderr
    assert EXPECTED in result.stdout
    # It printed just as --write does, without a word that nothing was stored.
    assert "not written: --write stores these instructions" in result.stderr
    assert bank.load("Condense/1").instruct_prompt == before


def test_cli_check_passes_when_differences_are_named_fixes(bank: Bank, run_cli) -> None:
    bank_with(bank, make_condense_task(), legacy_args_task("Condense/2"))
    result = run_cli("--bank", bank.root, "condense", "--all", "--check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Condense/1: equal" in result.stdout
    assert "Condense/2: differs by named fixes" in result.stdout
    assert "args-heading" in result.stdout


def test_cli_check_of_all_names_an_unreadable_task_and_checks_the_others(
    bank: Bank, run_cli
) -> None:
    """One truncated task.json stopped the check of every other task (`validate --all` and
    `flaky --all` name it and go on)."""
    bank_with(bank, make_condense_task(), legacy_args_task("Condense/2"))
    broken = bank.task_dir("Condense/2") / "task.json"
    broken.write_text(broken.read_text()[:40])
    result = run_cli("--bank", bank.root, "condense", "--all", "--check")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Condense/1: equal" in result.stdout
    assert f"not condensed: {broken}" in " ".join(result.stderr.split())


def test_cli_check_json_fails_on_a_stale_instruction(bank: Bank, run_cli) -> None:
    stale = make_condense_task(task_id="Condense/3")
    stale.complete_prompt = stale.complete_prompt.replace("Empty cells", "Blank cells")
    bank_with(bank, make_condense_task(), stale)
    result = run_cli("--bank", bank.root, "condense", "--all", "--check", "--json")
    assert result.returncode == 1
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["task_id"] for row in rows] == ["Condense/1", "Condense/3"]
    assert {"task_id", "equal", "reasons", "warnings"} <= set(rows[0])
    assert rows[0]["equal"] is True
    assert rows[1]["equal"] is False
    assert rows[1]["reasons"][0]["code"] == "docstring-changed"
    assert rows[1]["reasons"][0]["kind"] == "update"


def test_cli_check_strict_fails_on_warnings(bank: Bank, run_cli) -> None:
    prompt = PROMPT.replace("The column to count.", "The column to count, e.g. 'city'.")
    bank_with(bank, make_condense_task(prompt))
    assert run_cli("--bank", bank.root, "condense", "Condense/1", "--check").returncode == 0
    strict = run_cli("--bank", bank.root, "condense", "Condense/1", "--check", "--strict")
    assert strict.returncode == 1
    assert "the value 'city' is not in the instruction" in strict.stdout


def test_cli_write_stores_instruction_doc_struct_and_provenance(bank: Bank, run_cli) -> None:
    bank_with(bank, legacy_args_task("Condense/2"), make_condense_task())
    result = run_cli(
        "--bank", bank.root, "condense", "Condense/2", "Condense/1", "--write", "--annotator", "ana"
    )
    assert result.returncode == 0, result.stderr
    assert "wrote 1 instruction(s); 1 unchanged" in result.stderr
    task = bank.load("Condense/2")
    assert task.instruct_prompt.startswith("Average the gaps between neighbouring numbers.\n")
    assert "Args:" not in task.instruct_prompt
    assert task.doc_struct.params == ["values (list): The numbers."]
    event = task.provenance.events[-1]
    assert (event.operation, event.detail, event.annotator) == ("condense", "rules", "ana")
    assert bank.load("Condense/1").provenance.events == []
    instruction_file = Path(bank.task_dir("Condense/2")) / "instruction.md"
    assert instruction_file.read_text() == task.instruct_prompt
    check = run_cli("--bank", bank.root, "condense", "--all", "--check", "--json")
    assert [json.loads(line)["equal"] for line in check.stdout.splitlines()] == [True, True]


def test_cli_write_and_accept_are_refused_without_a_passing_validation(bank: Bank, run_cli) -> None:
    """The condense step's rule, as the app's F7: a task whose tests have not passed on its
    content may still change its docstring."""
    bank.add_all([legacy_args_task("Condense/2")])
    bank_with(bank, make_condense_task())
    before = bank.load("Condense/2")
    written = run_cli("--bank", bank.root, "condense", "--all", "--write", "--annotator", "ana")
    accepted = run_cli(
        "--bank", bank.root, "condense", "Condense/2", "--accept", "--annotator", "ana"
    )
    assert written.returncode == 1
    assert "refused: Condense/2: needs a current, passing validation" in written.stderr
    assert "0 without a docstring, 1 refused" in written.stderr
    assert accepted.returncode == 1
    assert "refused: Condense/2: needs a current, passing validation" in accepted.stderr
    assert bank.load("Condense/2") == before


def test_cli_write_records_the_annotator_without_the_option(bank: Bank, run_cli) -> None:
    bank_with(bank, legacy_args_task("Condense/2"))
    env = {"CURATOR_ANNOTATOR": "", "CURATOR_CONFIG": str(bank.root / "none.toml")}
    result = run_cli(
        "--bank",
        bank.root,
        "condense",
        "Condense/2",
        "--write",
        env={**env, "GIT_AUTHOR_NAME": "Lin"},
    )
    assert result.returncode == 0, result.stderr
    assert bank.load("Condense/2").provenance.events[-1].annotator == "Lin"


def test_cli_write_keeps_an_accepted_instruction(bank: Bank, run_cli) -> None:
    task = make_condense_task()
    accepted = apply_instruction(
        task, "Count CSV values.\n" + EXPECTED.split("\n", 1)[1], task.doc_struct, detail="llm"
    )
    bank_with(bank, accepted)
    result = run_cli("--bank", bank.root, "condense", "Condense/1", "--write")
    assert result.returncode == 0, result.stderr
    assert "kept the instruction an annotator accepted" in result.stderr
    assert bank.load("Condense/1").instruct_prompt.startswith("Count CSV values.")


def test_cli_accept_records_a_hand_edited_instruction(bank: Bank, run_cli) -> None:
    bank_with(bank, make_condense_task())
    instruction_file = Path(bank.task_dir("Condense/1")) / "instruction.md"
    edited = EXPECTED.replace("most frequent values", "commonest values")
    instruction_file.write_text(edited)
    check = run_cli("--bank", bank.root, "condense", "Condense/1", "--check")
    assert check.returncode == 1
    assert "instruction-edited" in check.stdout
    assert run_cli("--bank", bank.root, "condense", "--all", "--accept").returncode == 2
    accepted = run_cli(
        "--bank", bank.root, "condense", "Condense/1", "--accept", "--annotator", "bo"
    )
    assert accepted.returncode == 0, accepted.stderr
    task = bank.load("Condense/1")
    assert task.instruct_prompt == edited
    event = task.provenance.events[-1]
    assert (event.operation, event.detail, event.annotator) == ("condense", "edited", "bo")
    after = run_cli("--bank", bank.root, "condense", "Condense/1", "--check", "--json")
    assert after.returncode == 0
    assert [r["code"] for r in json.loads(after.stdout)["reasons"]] == ["accepted-instruction"]
    both = run_cli("--bank", bank.root, "condense", "Condense/1", "--write", "--accept")
    assert both.returncode == 2


def test_cli_exit_codes_for_problems_and_usage(bank: Bank, run_cli) -> None:
    bank_with(bank, make_condense_task(prompt="def task_func(path, column, limit=5):\n    pass\n"))
    no_doc = run_cli("--bank", bank.root, "condense", "Condense/1")
    assert no_doc.returncode == 1
    assert "no docstring" in no_doc.stdout
    assert run_cli("--bank", bank.root, "condense").returncode == 2
    missing = run_cli("--bank", bank.root, "condense", "Nope/1")
    assert missing.returncode == 2
    assert "Nope/1" in missing.stderr
