"""What the app reads from the user's settings: key remaps and the annotator's name.

The one place the app touches configuration, so it can follow the typed settings
(`curator.config`) as they grow.
"""

from __future__ import annotations

import getpass
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from curator.errors import CuratorError

CONFIG_ENV = "CURATOR_CONFIG"


@dataclass(frozen=True)
class AppSettings:
    keymap: dict[str, str] = field(default_factory=dict)
    annotator: str | None = None


def config_path() -> Path:
    explicit = os.environ.get(CONFIG_ENV)
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "curator" / "config.toml"


def load_app_settings() -> AppSettings:
    """Key remaps (`[keymap]`, binding id -> keys) and the annotator from the user config."""
    path = config_path()
    data: dict[str, object] = {}
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise CuratorError(f"{path}: not valid TOML ({error})") from None
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in keymap.items()
    ):
        raise CuratorError(f"{path}: [keymap] must map binding ids to keys, e.g. task.save")
    annotator = os.environ.get("CURATOR_ANNOTATOR") or data.get("annotator")
    if not isinstance(annotator, str) or not annotator:
        annotator = _login_name()
    return AppSettings(keymap=dict(keymap), annotator=annotator)


def _login_name() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None
