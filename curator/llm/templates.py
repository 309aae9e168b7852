"""Prompt templates: one plain file per operation in `prompts/`, readable and editable.

A template has a `[system]` and a `[user]` section; `$name` placeholders are filled with
`string.Template`, so code with braces needs no escaping (a literal dollar is `$$`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from string import Template

from curator.llm.client import Message

SECTIONS = ("[system]", "[user]")


@dataclass(frozen=True)
class Prompt:
    name: str
    messages: list[Message]

    @property
    def hash(self) -> str:
        """Identifies the exact prompt sent, for provenance (the template and what filled it)."""
        payload = json.dumps(self.messages, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode()).hexdigest()[:16]


def template_text(name: str) -> str:
    return resources.files("curator.llm").joinpath(f"prompts/{name}.txt").read_text("utf-8")


def render(name: str, **values: str) -> Prompt:
    text = template_text(name)
    system, user = _sections(name, text)
    return Prompt(
        name,
        [
            {"role": "system", "content": Template(system).substitute(values).strip()},
            {"role": "user", "content": Template(user).substitute(values).strip()},
        ],
    )


def _sections(name: str, text: str) -> tuple[str, str]:
    system_at = text.find(SECTIONS[0] + "\n")
    user_at = text.find("\n" + SECTIONS[1] + "\n")
    if system_at != 0 or user_at < 0:
        raise ValueError(f"prompt template {name}.txt needs a [system] and then a [user] section")
    return text[len(SECTIONS[0]) + 1 : user_at], text[user_at + len(SECTIONS[1]) + 2 :]


def numbered(program: str) -> str:
    """Source with line numbers, so that the prompt can name lines the model can find."""
    lines = program.splitlines()
    width = len(str(len(lines)))
    return "\n".join(f"{number:>{width}}| {line}" for number, line in enumerate(lines, start=1))
