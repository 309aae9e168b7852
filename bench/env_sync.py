"""Time `curator env add --from FILE` (resolving) and `curator env sync`, cold and warm.

    python bench/env_sync.py REQUIREMENTS [--python 3.11]

In a temporary bank and caches: resolve FILE into a lock with an empty uv cache, build it
(cold: every wheel downloaded), remove the built environment and build it again from uv's now
warm cache (warm). Prints the three wall-clock times and the number of distributions. Needs
the package index (PyPI); nothing is left behind.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def curator(bank: Path, variables: dict[str, str], *args: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "curator", "--bank", str(bank), *args],
        check=True,
        env=variables,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("requirements", type=Path)
    parser.add_argument("--python", default=f"{sys.version_info.major}.{sys.version_info.minor}")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="curator-bench-env-") as scratch:
        root = Path(scratch)
        variables = {
            **os.environ,
            "XDG_CACHE_HOME": str(root / "xdg"),
            "UV_CACHE_DIR": str(root / "uv"),
        }
        bank = root / "bank"
        subprocess.run(
            [sys.executable, "-m", "curator", "init", str(bank)], check=True, env=variables
        )
        (bank / "environment").mkdir()
        (bank / "environment" / "environment.json").write_text(
            json.dumps({"python": options.python})
        )
        resolve = curator(bank, variables, "env", "add", "--from", str(options.requirements))
        cold = curator(bank, variables, "env", "sync")
        shown = json.loads(
            subprocess.run(
                [sys.executable, "-m", "curator", "--bank", str(bank), "env", "show", "--json"],
                check=True,
                env=variables,
                capture_output=True,
                text=True,
            ).stdout
        )
        shutil.rmtree(shown["path"])
        warm = curator(bank, variables, "env", "sync")
    print(f"distributions: {len(shown['distributions'])} (Python {shown['python_full']})")
    print(f"resolve (env add --from, empty uv cache): {resolve:.1f} s")
    print(f"env sync cold (empty uv cache):           {cold:.1f} s")
    print(f"env sync warm (uv cache filled):          {warm:.1f} s")


if __name__ == "__main__":
    main()
