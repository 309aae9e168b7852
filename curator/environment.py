"""Fingerprint of the execution environment: Python and installed library versions.

Validation results are keyed by it, so that a result obtained with other library versions shows
as stale rather than as current.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import platform
import sys


@functools.cache
def installed_distributions() -> tuple[tuple[str, str], ...]:
    pairs = {
        ((dist.metadata["Name"] or "").lower(), dist.version)
        for dist in importlib.metadata.distributions()
    }
    return tuple(sorted(pair for pair in pairs if pair[0]))


@functools.cache
def fingerprint() -> str:
    """`py3.11.7-<hash>`: changes whenever Python or any installed distribution changes."""
    payload = repr(
        (
            sys.version,
            sys.implementation.name,
            platform.machine(),
            installed_distributions(),
        )
    )
    digest = hashlib.sha256(payload.encode()).hexdigest()[:12]
    return f"py{platform.python_version()}-{digest}"
