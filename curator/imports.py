"""Which top-level modules a piece of code imports: the basis of every dependency list."""

from __future__ import annotations

import ast
import functools
import re
import sys

from curator.models import Dependencies, Task
from curator.program import PARSED_TEXTS, syntax_tree

# Import name -> the distribution a benchmark environment should install for it.
PROVIDERS: dict[str, str] = {
    "Crypto": "pycryptodome",
    "Cryptodome": "pycryptodomex",
    "Levenshtein": "Levenshtein",
    "OpenSSL": "pyOpenSSL",
    "PIL": "Pillow",
    "attr": "attrs",
    "bs4": "beautifulsoup4",
    "cv2": "opencv-python-headless",
    "dateutil": "python-dateutil",
    "dns": "dnspython",
    "docx": "python-docx",
    "docxtpl": "docxtpl",
    "dotenv": "python-dotenv",
    "faker": "Faker",
    "flask_login": "Flask-Login",
    "flask_mail": "Flask-Mail",
    "flask_restful": "Flask-RESTful",
    "flask_wtf": "Flask-WTF",
    "google": "protobuf",
    "jwt": "PyJWT",
    "magic": "python-magic",
    "mpl_toolkits": "matplotlib",
    "pkg_resources": "setuptools",
    "pptx": "python-pptx",
    "serial": "pyserial",
    "skimage": "scikit-image",
    "sklearn": "scikit-learn",
    "usb": "pyusb",
    "werkzeug": "Werkzeug",
    "wtforms": "WTForms",
    "yaml": "PyYAML",
    "zmq": "pyzmq",
}
# Other names a task's Requirements may give a module, beside the distribution an environment
# installs for it: the other distributions providing it, and the project's name (BigCodeBench
# lists cv2 as opencv-python, and as opencv).
ALSO_PROVIDED_BY: dict[str, tuple[str, ...]] = {
    "cv2": ("opencv", "opencv-python", "opencv-contrib-python", "opencv-contrib-python-headless"),
}


def provider(module: str) -> str:
    """The distribution to install for an import name (see `curator.envcheck`)."""
    return PROVIDERS.get(module, module)


def distribution_key(name: str) -> str:
    """A distribution's name as PEP 503 compares them."""
    return re.sub(r"[-_.]+", "-", name).lower()


def names_for(module: str) -> set[str]:
    """What a task's Requirements may list for an imported module: the module, or the name of
    a distribution providing it (scikit-learn for sklearn), compared as `distribution_key`."""
    return {
        distribution_key(name)
        for name in (module, provider(module), *ALSO_PROVIDED_BY.get(module, ()))
    }


def imported_modules(source: str) -> list[str]:
    """Top-level module names imported anywhere in `source`, in first-seen order.

    Relative imports are skipped; code that does not parse yields nothing (the static checks
    report the syntax error).
    """
    return list(_imported_modules(source))


@functools.lru_cache(maxsize=PARSED_TEXTS)
def _imported_modules(source: str) -> tuple[str, ...]:
    tree = syntax_tree(source)
    if tree is None:
        return ()
    seen: dict[str, None] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                seen.setdefault(alias.name.split(".")[0], None)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            seen.setdefault(node.module.split(".")[0], None)
    return tuple(seen)


def example_source(examples: list[str]) -> str:
    """The code of docstring example lines (`>>> ` and `... ` prompts), without outputs."""
    code = []
    for line in examples:
        stripped = line.strip()
        if stripped.startswith((">>> ", "... ")) or stripped in (">>>", "..."):
            code.append(stripped[4:])
    return "\n".join(code)


def is_standard_library(module: str) -> bool:
    return module in sys.stdlib_module_names


def task_dependencies(task: Task) -> Dependencies:
    return Dependencies(
        solution=imported_modules(task.program),
        tests=imported_modules(task.test),
        examples=imported_modules(example_source(task.doc_struct.examples)),
    )


def one_slip_from(module: str, available: set[str]) -> str | None:
    """The importable module that `module` misspells by one slip, if there is exactly one: a
    letter replaced, two swapped, one left out (`colections`), or one doubled or added in a
    long name: `env add jsno` was advised for a `json` typed as `jsno`. Not a private module
    (`ujson` is no typo of `_json`). A short name one letter longer than a present one is not
    matched, so that a real library missing (`pytz`) is not taken for a typo of one present
    (`pty`)."""

    def dropped(longer: str, shorter: str) -> bool:
        return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))

    def one_slip(other: str) -> bool:
        if len(other) == len(module) + 1:
            return len(module) >= 4 and dropped(other, module)
        if len(module) == len(other) + 1:
            return len(other) >= 5 and dropped(module, other)
        if len(other) != len(module):
            return False
        differ = [index for index, (a, b) in enumerate(zip(module, other, strict=True)) if a != b]
        if len(differ) == 1:
            return True
        first, second = differ if len(differ) == 2 else (0, 0)
        return (
            second == first + 1
            and module[first] == other[second]
            and module[second] == other[first]
        )

    near = [other for other in available if not other.startswith("_") and one_slip(other)]
    return near[0] if len(near) == 1 else None
