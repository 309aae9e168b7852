"""The test-quality gate (bank settings, `quality_gate_problems`) and the release's figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gitbanks import isolate_git, new_bank, passing, save_and_commit
from test_strict_tests import SCRIPT_TESTS, script_task

from conftest import make_task
from curator.bank import MARKER, Bank
from curator.errors import BankError
from curator.models import FindingWaiver, QualitySummary, Stage
from curator.quality import QualitySettings, quality_gate_problems, quality_settings
from curator.release import MANIFEST_NAME, build_release


def with_quality(bank: Bank, section: object) -> None:
    marker = bank.root / MARKER
    settings = json.loads(marker.read_text())
    settings["quality"] = section
    marker.write_text(json.dumps(settings))


def test_settings_come_from_bank_json_and_bad_ones_are_named(bank: Bank) -> None:
    assert quality_settings(bank) == QualitySettings()
    with_quality(bank, {"min_mutation_score": 70, "over_strict_blocks": True})
    assert quality_settings(bank) == QualitySettings(min_mutation_score=70, over_strict_blocks=True)
    with_quality(bank, {"min_mutation_score": 170})
    with pytest.raises(BankError, match=r"bank.json: quality: field 'min_mutation_score'"):
        quality_settings(bank)
    with_quality(bank, {"minimum": 1})
    with pytest.raises(BankError, match="minimum"):
        quality_settings(bank)


@pytest.mark.parametrize(
    ("section", "named"),
    [
        ({"min_flaky_runs": "20"}, r"'min_flaky_runs': Input should be a valid integer"),
        ({"min_mutation_score": True}, r"'min_mutation_score': Input should be a valid number"),
        ({"over_strict_blocks": "no"}, r"'over_strict_blocks': Input should be a valid boolean"),
        ("strict", r'quality must be a JSON object such as \{"min_mutation_score": 70.*"strict"'),
        (None, r"quality must be a JSON object such as .*, not null"),
    ],
)
def test_a_value_of_another_type_is_named_not_taken(
    bank: Bank, section: object, named: str
) -> None:
    with_quality(bank, section)
    with pytest.raises(BankError, match=named):
        quality_settings(bank)


def test_gate_names_a_missing_stale_or_low_score_and_over_strict_tests() -> None:
    task = make_task()
    strict = QualitySettings(min_mutation_score=80, over_strict_blocks=True)
    assert quality_gate_problems(task, QualitySettings()) == []
    assert quality_gate_problems(task, strict) == [
        "no current mutation score (the bank requires 80%; run `curator mutate`)"
    ]
    current = task.content_hash()
    task.quality = QualitySummary(
        mutation_score=75.0, mutants=8, survived=2, mutation_content_hash=current
    )
    assert quality_gate_problems(task, strict) == [
        "mutation score 75% is below the bank's minimum 80% (2 surviving mutant(s); see "
        "`curator mutate`)"
    ]
    task.quality.mutation_score = 90.0
    assert quality_gate_problems(task, strict) == []
    task.quality.mutation_content_hash = "0" * 16
    assert "no current mutation score" in quality_gate_problems(task, strict)[0]
    task.quality.mutation_content_hash = current
    task.quality.over_strict = ["test_message (other)"]
    task.quality.alternatives_content_hash = current
    assert (
        "possibly over-strict test(s): test_message (other)"
        in (quality_gate_problems(task, strict)[0])
    )
    assert quality_gate_problems(task, QualitySettings(min_mutation_score=80)) == []


def test_the_manifest_carries_each_tasks_score_and_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate_git(monkeypatch, tmp_path / "home")
    bank = new_bank(tmp_path / "bank")
    measured = passing(make_task("Test/1"))
    measured.quality = QualitySummary(
        mutation_score=87.5,
        mutation_content_hash=measured.content_hash(),
        over_strict=["test_counts (terse)"],
        alternatives_content_hash=measured.content_hash(),
    )
    save_and_commit(bank, measured, "Accept 1", Stage.ACCEPTED)
    mocked = passing(script_task().model_copy(update={"task_id": "Test/2", "test": SCRIPT_TESTS}))
    mocked.waivers = [  # a one-library script without an Example: accepted as waived
        FindingWaiver(code=code, reason="a fixture", who="T", content_hash=mocked.content_hash())
        for code in ("libs-few", "doc-example")
    ]
    save_and_commit(bank, mocked, "Accept 2", Stage.ACCEPTED)
    release = build_release(bank, "v1")
    manifest = json.loads((release.out / MANIFEST_NAME).read_text())
    tasks = {task["task_id"]: task for task in manifest["tasks"]}
    assert tasks["Test/1"]["mutation_score"] == 87.5
    assert tasks["Test/1"]["findings"] == ["over-strict: test_counts (terse)"]
    assert tasks["Test/2"]["mutation_score"] is None
    assert tasks["Test/2"]["findings"][0].startswith("mock-not-in-prompt: tests.py:5: ")
