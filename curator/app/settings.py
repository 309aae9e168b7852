"""What the app reads from the user's settings (`curator.config`): key remaps, the annotator's
name and the LLM provider. The one place the app touches configuration."""

from __future__ import annotations

from dataclasses import dataclass, field

from curator.config import LLMSettings, load_settings


@dataclass(frozen=True)
class AppSettings:
    keymap: dict[str, str] = field(default_factory=dict)
    annotator: str | None = None
    llm: LLMSettings = field(default_factory=LLMSettings)


def load_app_settings() -> AppSettings:
    """Key remaps (`[keymap]`: binding id -> keys), annotator and LLM from the user config."""
    settings = load_settings()
    return AppSettings(keymap=settings.keymap, annotator=settings.annotator, llm=settings.llm)
