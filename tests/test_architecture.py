"""The core library knows nothing of the UI: only `curator.app` may import Textual."""

from __future__ import annotations

import subprocess
import sys

from conftest import PROJECT_ROOT

CORE_MODULES = sorted(
    ".".join(path.relative_to(PROJECT_ROOT).with_suffix("").parts)
    for path in (PROJECT_ROOT / "curator").rglob("*.py")
    if "app" not in path.relative_to(PROJECT_ROOT / "curator").parts
    and path.name not in ("__main__.py",)
)


def test_core_modules_do_not_load_textual() -> None:
    """Import every core module (CLI included) in a fresh interpreter; Textual must stay out."""
    script = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name.removesuffix('.__init__'))\n"
        "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=PROJECT_ROOT
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert len(CORE_MODULES) > 30
