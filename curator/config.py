"""User settings: one typed config read from a TOML file and the environment.

Precedence, highest first: values passed in code, `CURATOR_*` environment variables, the user
config file (`$CURATOR_CONFIG`, else `$XDG_CONFIG_HOME/curator/config.toml`, else
`~/.config/curator/config.toml`), the conventional `OPENAI_BASE_URL` / `OPENAI_API_KEY`, defaults.
An empty environment variable counts as unset, so a test or a shell can switch a value off.

Who the annotator is (recorded on commits, flags, LLM and condense provenance) is resolved in
one place, `resolve_annotator`: the explicit `--annotator` option, else `$CURATOR_ANNOTATOR`,
else the config's `annotator`, else git's user.name (as `git var GIT_AUTHOR_IDENT` gives it in
the bank), else the login name.

The API key is a `SecretStr`: it prints as `**********`, is never stored in the bank, and is
shown by `curator config` only as its last four characters.
"""

from __future__ import annotations

import getpass
import json
import os
import re
import subprocess
import tomllib
from pathlib import Path
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    SecretStr,
    ValidationError,
    field_validator,
)
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from curator.errors import CuratorError, UnknownAnnotator
from curator.fsutil import atomic_write

CONFIG_ENV = "CURATOR_CONFIG"
OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1"

# Environment variables read for the `[llm]` table besides `CURATOR_LLM_<FIELD>`.
OPENAI_FALLBACKS = {"base_url": "OPENAI_BASE_URL", "api_key": "OPENAI_API_KEY"}


class ConfigError(CuratorError):
    """The config file or an environment variable holds something curator cannot use."""


class LLMSettings(BaseModel):
    """How to reach an OpenAI-compatible chat-completions server (OpenAI, vLLM, Ollama, ...)."""

    model_config = ConfigDict(extra="forbid")

    base_url: str | None = Field(
        default=None, description="Server base URL, e.g. http://localhost:11434/v1."
    )
    model: str | None = Field(default=None, description="Model name sent with each request.")
    api_key: SecretStr | None = Field(
        default=None, description="Bearer token; many local servers need none."
    )
    timeout_s: float = Field(
        default=120.0,
        gt=0,
        description="Longest wait for the server: to connect, and for each piece of an answer "
        "(as httpx's read timeout: a streamed answer may take longer in all; Ctrl+C, or "
        "Ctrl+R in the app, stops it).",
    )
    max_retries: int = Field(
        default=3, ge=0, description="Retries after 429, 5xx, timeouts and dropped connections."
    )
    backoff_s: float = Field(
        default=1.0, ge=0, description="First retry delay; doubles on each further retry."
    )
    max_backoff_s: float = Field(
        default=60.0, ge=0, description="Cap on any single wait, including a `Retry-After`."
    )
    temperature: float = Field(default=0.2, ge=0, le=2, description="For proposals.")
    sample_temperature: float = Field(
        default=0.8, ge=0, le=2, description="For pre-evaluation samples, which should differ."
    )
    max_tokens: int | None = Field(default=None, gt=0, description="Answer length limit.")

    @field_validator("base_url")
    @classmethod
    def _strip_slash(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")

    _problem: str | None = PrivateAttr(default=None)

    @property
    def problem(self) -> str | None:
        """What is wrong with the LLM settings given, which are then left unused
        (`load_settings`): the LLM is optional, and a typo in its URL stopped every command."""
        return self._problem

    @property
    def configured(self) -> bool:
        """A server is configured: a base URL, or an API key that implies OpenAI's own."""
        return self.base_url is not None or self.api_key is not None

    @property
    def effective_base_url(self) -> str:
        return self.base_url or OPENAI_DEFAULT_BASE_URL

    def request_plan(self) -> str:
        """Where a request goes and how long it may take, said as it is sent: a server that
        never answered showed a blank terminal, or "waiting for the model…", for minutes."""
        return (
            f"asking {self.model or 'the model'} at {self.effective_base_url}: each try waits "
            f"up to {self.timeout_s:g} s, {self.max_retries + 1} tries"
        )


class Settings(BaseSettings):
    """Everything a user configures: the LLM provider, their name, and key remaps for the app."""

    model_config = SettingsConfigDict(extra="forbid")

    annotator: str | None = Field(
        default=None, description="Recorded as the author of accepted changes."
    )
    keymap: dict[str, str] = Field(
        default_factory=dict,
        description="App key remaps: binding id -> key ('task.save' = 'ctrl+s').",
    )
    llm: LLMSettings = Field(default_factory=LLMSettings)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (
            init_settings,
            CuratorEnvironment(settings_cls),
            ConfigFile(settings_cls),
            OpenAIEnvironment(settings_cls),
        )


def default_jobs() -> int:
    """How many sandboxed runs go side by side unless told (`--jobs`, the app's batch
    validation): one per CPU, at most 4."""
    return min(4, os.cpu_count() or 1)


def config_path() -> Path:
    """Where the user config file is (it need not exist). ConfigError where nothing says (`env
    -i` as a uid without a passwd entry: no $HOME, no home directory)."""
    try:
        explicit = _env(CONFIG_ENV)
        if explicit:
            return Path(explicit).expanduser()
        base = _env("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    except RuntimeError:  # Path.home() and expanduser(): "Could not determine home directory"
        raise ConfigError(
            "no place for a config file: $HOME is unset and this user has no home directory; "
            "set $CURATOR_CONFIG, $XDG_CONFIG_HOME or $HOME"
        ) from None
    return Path(base) / "curator" / "config.toml"


def config_file_name() -> str:
    """The config file as a message names it, also where there is no place for one."""
    try:
        return str(config_path())
    except ConfigError:
        return "the config file ($CURATOR_CONFIG: $HOME is unset)"


def load_settings() -> Settings:
    """Read the settings, naming the file or variable of any bad value."""
    try:
        return Settings()
    except ValidationError as error:
        problems = []
        for item in error.errors():
            field = ".".join(str(part) for part in item["loc"])
            message = item["msg"].removeprefix("Value error, ")
            problems.append(f"{field}: {message} (from {value_source(field)})")
        if any(item["loc"][:1] != ("llm",) for item in error.errors()):
            raise ConfigError("invalid settings: " + "; ".join(problems)) from None
    # Only the optional LLM's settings are wrong: everything else works, and what asks the LLM
    # says why it cannot.
    unusable = LLMSettings()
    unusable._problem = "invalid LLM settings: " + "; ".join(problems)
    return Settings(llm=unusable)


def value_source(field: str) -> str:
    """Which source a setting such as `llm.model` comes from, as a user would look for it."""
    section, _, name = field.partition(".")
    if section == "llm" and name:
        if _env(f"CURATOR_LLM_{name.upper()}"):
            return f"${'CURATOR_LLM_' + name.upper()}"
        if name in _config_table(read_config_file(), "llm"):
            return str(config_path())
        fallback = OPENAI_FALLBACKS.get(name)
        if fallback and _env(fallback):
            return f"${fallback}"
        return "default"
    if _env(f"CURATOR_{section.upper()}"):
        return f"$CURATOR_{section.upper()}"
    if section in read_config_file():
        return str(config_path())
    return "default"


def annotator_and_source(explicit: str | None = None, repo: Path | None = None) -> tuple[str, str]:
    """Who the annotator is, and where that came from (see the module's docstring)."""
    if explicit and explicit.strip():
        return explicit.strip(), "--annotator"
    configured = load_settings().annotator
    if configured and configured.strip():
        return configured.strip(), value_source("annotator")
    name = git_author_name(repo)
    if name:
        return name, "git user.name"
    try:
        return getpass.getuser(), "login name"
    except (KeyError, OSError):
        raise UnknownAnnotator(config_file_name()) from None


def resolve_annotator(explicit: str | None = None, repo: Path | None = None) -> str:
    """Who the annotator is: `--annotator`, $CURATOR_ANNOTATOR, config, git, login name."""
    return annotator_and_source(explicit, repo)[0]


ANNOTATOR_LINE = re.compile(r"^[ \t]*annotator[ \t]*=.*$", re.MULTILINE)


def remember_annotator(name: str) -> Path:
    """Keep `name` as the config file's `annotator` (top-level, before any table; replacing
    an empty one), so that later sessions know it; returns the file. The rest of the file is
    kept as written."""
    name = name.strip()
    if not name:
        raise ConfigError("the annotator's name is empty")
    path = config_path().resolve()  # a link into a dotfiles repository stays a link
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error}); not changed") from None
    line = f"annotator = {json.dumps(name, ensure_ascii=False)}"  # JSON strings are TOML
    first_table = re.search(r"^[ \t]*\[", text, re.MULTILINE)
    top = text[: first_table.start()] if first_table else text
    if ANNOTATOR_LINE.search(top):
        text = ANNOTATOR_LINE.sub(lambda _: line, text, count=1)
    else:
        text = f"{line}\n{text}"
    try:
        written = tomllib.loads(text).get("annotator")
    except tomllib.TOMLDecodeError:
        written = None
    if written != name:
        raise ConfigError(f"{path}: could not set `annotator` there; set it by hand")
    # The file may hold an API key: it keeps its permissions, and a new one is the user's own.
    mode = path.stat().st_mode & 0o777 if path.is_file() else 0o600
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, text, mode)
    return path


def git_author_name(repo: Path | None) -> str | None:
    """Git's author name as git would record it in `repo` (or here), if git knows one."""
    try:
        ident = subprocess.run(
            ["git", "var", "GIT_AUTHOR_IDENT"],
            cwd=repo,
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return ident.rpartition(" <")[0].strip() or None


def masked(secret: SecretStr | None) -> str:
    if secret is None:
        return "(not set)"
    value = secret.get_secret_value()
    tail = value[-4:] if len(value) >= 12 else ""
    return "*" * 8 + tail


def read_config_file() -> dict[str, Any]:
    try:
        path = config_path()
    except ConfigError:  # no place for one: the environment's settings alone
        return {}
    if not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None


def _env(name: str) -> str | None:
    value = os.environ.get(name)
    return value if value else None


def _config_table(data: dict[str, Any], name: str) -> dict[str, Any]:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise ConfigError(f"{config_path()}: [{name}] must be a table")
    return table


class ConfigFile(PydanticBaseSettingsSource):
    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        return read_config_file()


class CuratorEnvironment(PydanticBaseSettingsSource):
    """`CURATOR_ANNOTATOR` and `CURATOR_LLM_<FIELD>` for each field of the `[llm]` table."""

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        if _env("CURATOR_ANNOTATOR"):
            values["annotator"] = _env("CURATOR_ANNOTATOR")
        llm = {
            name: _env(f"CURATOR_LLM_{name.upper()}")
            for name in LLMSettings.model_fields
            if _env(f"CURATOR_LLM_{name.upper()}")
        }
        if llm:
            values["llm"] = llm
        return values


class OpenAIEnvironment(PydanticBaseSettingsSource):
    """The conventional variables other OpenAI clients read, used when curator's are unset."""

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        llm = {
            name: _env(variable) for name, variable in OPENAI_FALLBACKS.items() if _env(variable)
        }
        return {"llm": llm} if llm else {}
