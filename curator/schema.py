"""JSON Schema files generated from the pydantic models, kept in `schemas/`."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from curator.alternatives import AlternativesReport
from curator.condense.reasons import CondenseReport
from curator.drafts import Draft
from curator.envcheck import EnvironmentCheck
from curator.environment import BuiltEnvironment, EnvironmentSpec
from curator.flaky.evidence import FlakyEvidence
from curator.llm.preeval import PreEvalReport
from curator.llm.proposals import ProposedChange
from curator.models import Task, TaskMeta
from curator.mutation import MutationReport
from curator.release import ReleaseManifest
from curator.sandbox.models import SuiteRun
from curator.validation import ValidationReport

# File name -> model. Each stage that stores data with a task adds its model here.
SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "task.schema.json": Task,
    "task-meta.schema.json": TaskMeta,
    "proposal.schema.json": ProposedChange,
    "preeval.schema.json": PreEvalReport,
    "validation-report.schema.json": ValidationReport,
    "suite-run.schema.json": SuiteRun,
    "condense-report.schema.json": CondenseReport,
    "flaky-evidence.schema.json": FlakyEvidence,
    "release-manifest.schema.json": ReleaseManifest,
    "autosave-draft.schema.json": Draft,
    "mutation-report.schema.json": MutationReport,
    "alternatives-report.schema.json": AlternativesReport,
    "environment.schema.json": EnvironmentSpec,
    "built-environment.schema.json": BuiltEnvironment,
    "environment-check.schema.json": EnvironmentCheck,
}


def render_schema(model: type[BaseModel]) -> str:
    return json.dumps(model.model_json_schema(), indent=2, sort_keys=True) + "\n"


def write_schemas(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMA_MODELS.items():
        path = directory / name
        path.write_text(render_schema(model))
        written.append(path)
    return written


def schema_problems(directory: Path) -> dict[str, str]:
    """Each schema file that is "missing" or "stale" (differs from what the models generate)."""
    problems = {}
    for name, model in SCHEMA_MODELS.items():
        path = directory / name
        if not path.is_file():
            problems[name] = "missing"
        elif path.read_text() != render_schema(model):
            problems[name] = "stale"
    return problems
