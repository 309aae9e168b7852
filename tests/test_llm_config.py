"""Settings from the user config file and the environment; `curator config` masks the key."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from llm_helpers import llm_env

from conftest import UNNAMED_UID, make_task, run_as_nobody
from curator.bank import Bank
from curator.config import (
    ConfigError,
    annotator_and_source,
    load_settings,
    masked,
    remember_annotator,
    value_source,
)
from curator.llm.client import ChatClient, LLMNotConfigured

SECRET = "sk-live-abcdefghijklmnop1234"
VARIABLES = (
    "CURATOR_LLM_BASE_URL",
    "CURATOR_LLM_MODEL",
    "CURATOR_LLM_API_KEY",
    "CURATOR_LLM_TIMEOUT_S",
    "CURATOR_ANNOTATOR",
    "OPENAI_BASE_URL",
    "OPENAI_API_KEY",
    "XDG_CONFIG_HOME",
)


@pytest.fixture
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config file of our own; none of the developer's settings leak in."""
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "config.toml"
    monkeypatch.setenv("CURATOR_CONFIG", str(path))
    return path


def test_nothing_set_means_no_llm(config_file):
    settings = load_settings()
    assert not settings.llm.configured
    assert settings.keymap == {}


def test_the_file_supplies_llm_settings_annotator_and_keymap(config_file):
    config_file.write_text(
        'annotator = "ada"\n[keymap]\nsave = "ctrl+s"\n'
        '[llm]\nbase_url = "http://localhost:11434/v1/"\nmodel = "qwen"\n'
    )
    settings = load_settings()
    assert settings.annotator == "ada"
    assert settings.keymap == {"save": "ctrl+s"}
    assert settings.llm.base_url == "http://localhost:11434/v1"
    assert settings.llm.model == "qwen"
    assert value_source("llm.model") == str(config_file)


def test_curator_variables_beat_the_file_which_beats_openai_variables(config_file, monkeypatch):
    config_file.write_text('[llm]\nbase_url = "http://file/v1"\nmodel = "file-model"\n')
    monkeypatch.setenv("CURATOR_LLM_MODEL", "env-model")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://openai-var/v1")
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    settings = load_settings()
    assert settings.llm.model == "env-model"
    assert settings.llm.base_url == "http://file/v1"
    assert settings.llm.api_key.get_secret_value() == SECRET
    assert value_source("llm.model") == "$CURATOR_LLM_MODEL"
    assert value_source("llm.api_key") == "$OPENAI_API_KEY"


def test_openai_variables_alone_configure_the_llm(config_file, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    settings = load_settings()
    assert settings.llm.configured
    assert settings.llm.effective_base_url == "https://api.openai.com/v1"


def test_an_empty_variable_counts_as_unset(config_file, monkeypatch):
    config_file.write_text('[llm]\nmodel = "file-model"\n')
    monkeypatch.setenv("CURATOR_LLM_MODEL", "")
    assert load_settings().llm.model == "file-model"


def test_bad_values_name_the_setting_and_where_it_came_from(config_file, monkeypatch):
    """A bad LLM setting leaves the optional LLM unused, with the reason, and the rest working:
    a typo in its URL stopped every command, `config` included."""
    monkeypatch.setenv("CURATOR_LLM_TIMEOUT_S", "soon")
    problem = load_settings().llm.problem
    assert problem is not None
    assert re.search(r"llm\.timeout_s.*\$CURATOR_LLM_TIMEOUT_S", problem)
    monkeypatch.delenv("CURATOR_LLM_TIMEOUT_S")
    config_file.write_text('annotator = "ada"\n[llm]\nbase_url = "localhost:8000"\n')
    settings = load_settings()
    assert settings.annotator == "ada" and not settings.llm.configured
    assert settings.llm.problem == (
        f"invalid LLM settings: llm.base_url: must start with http:// or https:// "
        f"(from {config_file})"
    )
    with pytest.raises(LLMNotConfigured, match=r"invalid LLM settings: llm\.base_url"):
        ChatClient(settings.llm)
    config_file.write_text("[llm]\nunknown_option = 1\n")
    assert "llm.unknown_option" in (load_settings().llm.problem or "")
    config_file.write_text("unknown_option = 1\n")  # outside the LLM's: every command stops
    with pytest.raises(ConfigError, match=r"invalid settings: unknown_option"):
        load_settings()


def test_malformed_toml_names_the_file_and_line(config_file):
    config_file.write_text('[llm]\nmodel = "unterminated\n')
    with pytest.raises(ConfigError, match=rf"{config_file}: not valid TOML.*line 2"):
        load_settings()


def test_the_key_is_masked_to_its_last_four_characters():
    from pydantic import SecretStr

    assert masked(SecretStr(SECRET)) == "********1234"
    assert masked(SecretStr("short")) == "********"
    assert masked(None) == "(not set)"


def test_curator_config_shows_settings_with_the_key_masked(run_cli, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('annotator = "grace"\n[llm]\nmodel = "file-model"\n')
    env = llm_env(
        tmp_path,
        CURATOR_CONFIG=str(config),
        CURATOR_LLM_BASE_URL="http://127.0.0.1:9/v1",
        CURATOR_LLM_MODEL="",
        CURATOR_LLM_API_KEY=SECRET,
        CURATOR_ANNOTATOR="",
    )
    result = run_cli("config", env=env)
    assert result.returncode == 0, result.stderr
    assert SECRET not in result.stdout
    assert "********1234" in result.stdout
    assert "file-model" in result.stdout
    assert "$CURATOR_LLM_BASE_URL" in result.stdout
    shown = json.loads(run_cli("config", "--json", env=env).stdout)
    assert shown["llm_configured"] is True
    assert shown["settings"]["llm.api_key"] == "********1234"
    assert shown["settings"]["annotator"] == "grace"
    assert shown["config_file"] == str(config)


def test_the_annotator_is_the_option_then_variable_then_config_then_git(
    config_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Grace Hopper")
    assert annotator_and_source(repo=tmp_path) == ("Grace Hopper", "git user.name")
    config_file.write_text('annotator = "ada"\n')
    assert annotator_and_source(repo=tmp_path) == ("ada", str(config_file))
    monkeypatch.setenv("CURATOR_ANNOTATOR", "bob")
    assert annotator_and_source(repo=tmp_path) == ("bob", "$CURATOR_ANNOTATOR")
    assert annotator_and_source(" carol ", tmp_path) == ("carol", "--annotator")


def test_curator_config_shows_who_the_annotator_is_and_why(run_cli, tmp_path):
    env = llm_env(tmp_path, CURATOR_ANNOTATOR="", GIT_AUTHOR_NAME="Grace Hopper")
    shown = json.loads(run_cli("config", "--json", env=env).stdout)
    assert shown["settings"]["annotator"] == "Grace Hopper"
    assert shown["annotator_from"] == "git user.name"
    table = run_cli("config", env=llm_env(tmp_path)).stdout
    assert "ada" in table and "$CURATOR_ANNOTATOR" in table
    # The by-hand way is `curator new`; it pointed to `curator draft`, which needs the LLM.
    assert "works by hand (`curator new` starts a task); `draft`, `suggest`" in table


def test_curator_config_reports_a_broken_file_with_exit_2(run_cli, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("llm = 3\n")
    result = run_cli("config", env=llm_env(tmp_path, CURATOR_CONFIG=str(config)))
    assert result.returncode == 2
    assert "llm" in result.stderr


def test_curator_config_in_a_bank_shows_its_settings_and_names_a_bad_one(
    run_cli, bank: Bank, tmp_path: Path
) -> None:
    marker = bank.root / "bank.json"
    settings = json.loads(marker.read_text())
    marker.write_text(json.dumps({**settings, "timeout_s": 90, "quality": {"min_flaky_runs": 30}}))
    env = llm_env(tmp_path)
    shown = json.loads(run_cli("config", "--json", "--bank", bank.root, env=env).stdout)
    assert shown["settings"]["bank.timeout_s"] == 90
    assert shown["settings"]["bank.quality.min_flaky_runs"] == 30
    assert shown["settings"]["bank.quality.over_strict_blocks"] is False
    assert shown["bank_problem"] is None
    table = run_cli("config", "--bank", bank.root, env=env).stdout
    rows = [line.split("│")[1:4] for line in table.splitlines() if "min_flaky_runs" in line]
    assert [[cell.strip() for cell in row] for row in rows] == [
        ["bank.quality.min_flaky_runs", "30", "bank.json"]
    ]
    # At 80 columns, with the bank's longer names, the LLM's URL ended in "…".
    url = "http://127.0.0.1:9/v1/a/path/long/enough/to/fold"
    narrow = run_cli(
        "config", "--bank", bank.root, env={**env, "COLUMNS": "80", "CURATOR_LLM_BASE_URL": url}
    ).stdout
    assert "…" not in narrow
    rows = [line.split("│")[1:3] for line in narrow.splitlines() if line.startswith("│")]
    start = next(index for index, (name, _) in enumerate(rows) if name.strip() == "llm.base_url")
    folded = [rows[start][1]]
    for name, value in rows[start + 1 :]:
        if name.strip():
            break
        folded.append(value)
    assert "".join(value.strip() for value in folded) == url
    # A typo in the optional LLM's URL stopped every command, `config` too.
    typo = {**env, "CURATOR_LLM_BASE_URL": "localhost:11434/v1"}
    assert run_cli("list", "--bank", bank.root, env=typo).returncode == 0
    named = run_cli("config", "--bank", bank.root, env=typo)
    assert named.returncode == 2 and "bank.quality.min_flaky_runs" in named.stdout
    [base_url] = [line for line in named.stdout.splitlines() if "llm.base_url" in line]
    assert "(given, not used" in base_url and "(not set)" not in base_url
    assert "error: invalid LLM settings: llm.base_url: must start with http:// or https:// " in (
        " ".join(named.stderr.split())
    )
    marker.write_text(json.dumps({**settings, "quality": {"min_flaky_runs": "20"}}))
    refused = run_cli("config", "--bank", bank.root, env=env)
    assert refused.returncode == 2
    assert "bank.json: quality: field 'min_flaky_runs': Input should be a valid integer" in (
        refused.stderr
    )


def test_a_name_given_once_is_kept_in_a_new_config_file_of_the_user_s_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app asks a user nothing names (a container's uid) once, and keeps the answer: the
    file is created readable by its owner only, since it may later hold an API key."""
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    path = remember_annotator('  Zoë "Z" Ö\\tab  ')
    assert path == tmp_path / "xdg" / "curator" / "config.toml"
    assert path.stat().st_mode & 0o777 == 0o600
    assert load_settings().annotator == 'Zoë "Z" Ö\\tab'
    assert annotator_and_source(repo=tmp_path)[1] == str(path)


def test_keeping_the_name_keeps_the_rest_of_the_file_its_permissions_and_its_link(
    config_file, tmp_path
):
    """A config file linked from a dotfiles repository is written there, and stays linked."""
    target = tmp_path / "dotfiles" / "curator.toml"
    target.parent.mkdir()
    target.write_text(
        '# mine\nannotator = ""\n\n[llm]\nmodel = "qwen"  # local\napi_key = "sk-secret"\n'
    )
    target.chmod(0o640)
    config_file.symlink_to(target)
    remember_annotator("ada")
    assert config_file.is_symlink()
    text = target.read_text()
    assert text == (
        '# mine\nannotator = "ada"\n\n[llm]\nmodel = "qwen"  # local\napi_key = "sk-secret"\n'
    )
    assert target.stat().st_mode & 0o777 == 0o640
    settings = load_settings()
    assert (settings.annotator, settings.llm.model) == ("ada", "qwen")


def test_the_name_goes_before_the_first_table_not_into_it(config_file):
    """A key after `[llm]` would be the table's: `llm.annotator`, which the settings refuse."""
    config_file.write_text('[keymap]\n"task.save" = "ctrl+s"\n')
    remember_annotator("bob")
    settings = load_settings()
    assert settings.annotator == "bob"
    assert settings.keymap == {"task.save": "ctrl+s"}


def test_a_config_file_that_is_not_toml_is_named_and_left_alone(config_file):
    config_file.write_text('[llm\nmodel = "qwen"\n')
    with pytest.raises(ConfigError, match=rf"{config_file}: not valid TOML.*not changed"):
        remember_annotator("ada")
    assert config_file.read_text() == '[llm\nmodel = "qwen"\n'
    with pytest.raises(ConfigError, match="empty"):
        remember_annotator("  ")


def test_a_user_whom_nothing_names_is_told_every_way_to_give_a_name(
    unnamed_home: Path, user_python: Path
) -> None:
    """A uid without a passwd entry, $USER or git identity (a container's): `config` shows
    that no name is known (it used to fail like the commands), and a command that records one
    says each way to give it, the command's own option first. Without $HOME too (`env -i`),
    `config` says there is no place for a config file, and validating works (both used to
    end in a traceback: "Could not determine home directory")."""
    bank = Bank.init(unnamed_home / "bank")
    with bank.lock():
        bank.add_all([make_task()])
    for path in (bank.root, *bank.root.rglob("*")):
        os.chown(path, UNNAMED_UID, UNNAMED_UID, follow_symlinks=False)

    def as_user(*args: str, home: Path | None = unnamed_home) -> subprocess.CompletedProcess[str]:
        command = [str(user_python), "-m", "curator", "--bank", str(bank.root), *args]
        return run_as_nobody(command, home, uid=UNNAMED_UID)

    shown = as_user("config", "--json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["settings"]["annotator"] is None
    refused = as_user("new", "Mine/1", "--libs", "numpy,pandas")
    assert refused.returncode == 2
    config = unnamed_home / ".config" / "curator" / "config.toml"
    assert refused.stderr.startswith("error: who is the annotator?")
    assert "give --annotator NAME" in refused.stderr and str(config) in refused.stderr
    assert "Traceback" not in refused.stderr
    made = as_user("new", "Mine/1", "--libs", "numpy,pandas", "--annotator", "Ada")
    assert made.returncode == 0, made.stderr

    homeless = as_user("config", home=None)
    assert homeless.returncode == 0, homeless.stderr
    assert "config file: none (no place for a config file: $HOME is unset" in homeless.stdout
    validated = as_user("validate", "Test/1", "--force", home=None)
    assert validated.returncode == 0, validated.stderr
    assert "1 pass" in validated.stdout
