"""Wheels for offline environment tests: a tiny distribution written as a wheel, and
curator's own installed coverage.py packed back into a wheel (every environment needs it)."""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata
import zipfile
from pathlib import Path


def build_tiny_wheel(wheels: Path, name: str, version: str, module_source: str) -> Path:
    """A pure-Python wheel of the distribution `name` with one module of the same name.

    Written as the wheel format says (a zip with a dist-info): offline, no build backend.
    """
    dist_info = f"{name}-{version}.dist-info"
    files = {
        f"{name}/__init__.py": module_source.encode(),
        f"{dist_info}/METADATA": (
            f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
        ).encode(),
        f"{dist_info}/WHEEL": (
            b"Wheel-Version: 1.0\nGenerator: curator-tests\nRoot-Is-Purelib: true\n"
            b"Tag: py3-none-any\n"
        ),
    }
    return write_wheel(wheels / f"{name}-{version}-py3-none-any.whl", files, dist_info)


def write_wheel(target: Path, files: dict[str, bytes], dist_info: str) -> Path:
    """Zip `files` with a RECORD of their hashes into the wheel `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    rows = []
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in files.items():
            archive.writestr(path, data)
            rows.append(f"{path},{_record_hash(data)},{len(data)}")
        rows.append(f"{dist_info}/RECORD,,")
        archive.writestr(f"{dist_info}/RECORD", "\n".join(rows) + "\n")
    return target.parent


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "sha256=" + digest.decode()


def pack_installed(name: str, wheels: Path) -> Path:
    """A wheel of the installed distribution `name`, from the files its RECORD lists."""
    dist = importlib.metadata.distribution(name)
    root = Path(str(dist.locate_file("")))
    tags = [
        line.split(":", 1)[1].strip()
        for line in (dist.read_text("WHEEL") or "").splitlines()
        if line.startswith("Tag:")
    ]
    files = {}
    dist_info = ""
    for file in dist.files or []:
        path = str(file)
        if path.startswith("..") or "__pycache__" in path:
            continue
        if path.endswith(".dist-info/RECORD"):
            dist_info = path.rsplit("/", 1)[0]
            continue
        files[path] = (root / path).read_bytes()
    name = f"{dist.metadata['Name']}-{dist.version}-{tags[0]}.whl"
    return write_wheel(wheels / name, files, dist_info)
