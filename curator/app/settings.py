"""What the app reads from the user's settings (`curator.config`): key remaps, the annotator's
name and the LLM provider. The one place the app touches configuration."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from curator.config import LLMSettings, load_settings, remember_annotator, resolve_annotator
from curator.errors import CuratorError, UnknownAnnotator


@dataclass(frozen=True)
class AppSettings:
    keymap: dict[str, str] = field(default_factory=dict)
    annotator: str | None = None
    llm: LLMSettings = field(default_factory=LLMSettings)


def load_app_settings() -> AppSettings:
    """Key remaps (`[keymap]`: binding id -> keys), annotator and LLM from the user config."""
    settings = load_settings()
    return AppSettings(keymap=settings.keymap, annotator=settings.annotator, llm=settings.llm)


def missing_annotator(settings: AppSettings, bank_root: Path) -> UnknownAnnotator | None:
    """Why nothing says who the annotator is (see `curator.config.resolve_annotator`), if so."""
    try:
        resolve_annotator(settings.annotator, bank_root)
    except UnknownAnnotator as unknown:
        return unknown
    return None


def with_annotator(settings: AppSettings, name: str) -> tuple[AppSettings, str]:
    """The settings with `name` as the annotator, and what became of it: kept in the user
    config for later sessions, or (that file cannot be written) for this session only."""
    named = replace(settings, annotator=name.strip())
    try:
        path = remember_annotator(name)
    except (CuratorError, OSError) as error:
        return named, f"for this session only ({error})"
    return named, f"kept in {path}"
