"""What a docstring says that an instruction does not: the information-loss heuristics."""

from __future__ import annotations

import ast
import functools
import re
from dataclasses import dataclass

from curator.condense.render import single_spaced
from curator.docstring import ReviewWarning
from curator.models import DocStruct
from curator.program import PARSED_TEXTS, entry_function, syntax_tree

LOSS_SECTIONS = ("description", "notes", "params", "returns", "raises")

_PARAM_ENTRY = re.compile(
    r"^(?P<names>\*{0,2}[A-Za-z_]\w*(?:\s*,\s*\*{0,2}[A-Za-z_]\w*)*)"
    r"\s*(?:\((?P<type>[^()]*(?:\([^()]*\)[^()]*)*)\))?\s*(?P<numpy>\s)?:(?:\s+(?P<desc>.*))?$"
)
_DEFAULT = re.compile(
    r"\b(?:defaults?\s+(?:to|is|value\s+is)|default\s*[:=]|default\s+value\s+is)\s+"
    r"(?P<value>.+?)(?:\.(?:\s|$)|$)",
    re.IGNORECASE,
)
_RETURN_TYPE = re.compile(
    r"^(?:\w+\s*\((?P<named>[^()]+)\)|(?P<type>[A-Za-z_][\w.]*(?:\[.*\])?(?:\s+of\s+\w+)?))"
    r"\s*:(?:\s|$)"
)
_EXCEPTION = re.compile(
    r"\b(?:[A-Z][A-Za-z]*\.)*[A-Z][A-Za-z]*(?:Error|Exception|Warning|Exit|Interrupt)\b"
)
_CONSTANT = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")
_UPPER_WORD = re.compile(r"\b[A-Z][A-Z0-9_]*\b")
_QUOTED = re.compile(r"(?<![\w'\"])(?P<q>['\"])(?P<value>[^'\"\n]{1,80}?)(?P=q)(?![\w])")
_NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?%?(?![\w]|\.\d)")
_FILE_EXTENSION = re.compile(
    r"(?<![\w/])\*?\.(?:csv|tsv|txt|json|jsonl|xml|ya?ml|xlsx?|zip|tar|gz|tgz|bz2|png|jpe?g|gif|"
    r"bmp|svg|pdf|html?|md|log|pkl|pickle|npy|npz|h5|hdf5|parquet|db|sqlite|wav|mp3|docx?|ini|cfg|"
    r"toml|dll|so|exe|bat|sh|py)\b",
    re.IGNORECASE,
)
_FORMAT_NAME = re.compile(
    r"\b(?:CSV|TSV|JSON|JSONL|XML|YAML|Excel|ZIP|tar|gzip|PNG|JPE?G|GIF|SVG|PDF|HTML|Markdown|"
    r"pickle|Parquet|HDF5|SQLite|base64|UTF-8|ASCII)\b",
    re.IGNORECASE,
)
_CODE_BLOCK = re.compile(r"```[\w+-]*\n(?P<code>.*?)```", re.DOTALL)


@dataclass(frozen=True)
class _Signature:
    parameters: dict[str, str | None]  # name -> default
    returns: str | None
    constants: frozenset[str]


def _signature(instruction: str, entry_point: str) -> _Signature | None:
    """The entry point's signature and module constants from the instruction's code block."""
    blocks = _CODE_BLOCK.findall(instruction)
    if not blocks:
        return None
    code = blocks[-1]
    candidates = (code, code + "    pass\n", code.rstrip() + "\n    pass\n")
    trees = (syntax_tree(candidate) for candidate in candidates)
    module = next((tree for tree in trees if tree is not None), None)
    if module is None:
        return None
    constants = frozenset(
        target.id
        for node in module.body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    )
    node = entry_function(module, entry_point)
    if node is None:
        return _Signature({}, None, constants)
    arguments = node.args
    positional = [*arguments.posonlyargs, *arguments.args]
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(arguments.defaults)) + list(
        arguments.defaults
    )
    parameters: dict[str, str | None] = {}
    for argument, default in [
        *zip(positional, defaults, strict=True),
        *zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True),
    ]:
        parameters[argument.arg] = ast.unparse(default) if default is not None else None
    for starred in (arguments.vararg, arguments.kwarg):
        if starred is not None:
            parameters[starred.arg] = None
    returns = ast.unparse(node.returns) if node.returns else None
    return _Signature(parameters, returns, constants)


@dataclass
class _ParamDoc:
    names: list[str]
    type: str | None
    text: str


def _param_docs(params: list[str], known: set[str] | None) -> list[_ParamDoc]:
    """Parameter entries of the params section; other lines continue the entry before them."""
    entries: list[_ParamDoc] = []
    for line in params:
        match = _PARAM_ENTRY.match(line)
        names = (
            [name.strip().lstrip("*") for name in match.group("names").split(",")] if match else []
        )
        is_entry = bool(match) and (
            known is None or (all(name in known for name in names) and bool(names))
        )
        if match and is_entry:
            kind = match.group("type")
            description = match.group("desc") or ""
            if match.group("numpy") and kind is None and description:
                kind, description = description, ""
            entries.append(_ParamDoc(names, kind, description))
        elif entries:
            entries[-1].text += " " + line
    return entries


def _present(needle: str, haystack: str, case_sensitive: bool = True) -> bool:
    flags = 0 if case_sensitive else re.IGNORECASE
    pattern = r"(?<![\w])" + re.escape(single_spaced(needle)) + r"(?![\w])"
    return re.search(pattern, haystack, flags) is not None


def _default_value(text: str) -> str:
    """The default a docstring states: its longest leading Python literal, else its words.

    `None, which disables the check` states `None`; `lowercase letters` is kept as written.
    """
    text = text.strip().rstrip(".")
    ends = [index for index, char in enumerate(text) if char in ", ;"] + [len(text)]
    for end in reversed(ends):
        candidate = text[:end].rstrip(" ,;")
        try:
            ast.literal_eval(candidate)
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            continue
        return candidate
    return text


def _same_literal(left: str, right: str) -> bool | None:
    """Whether two source literals have equal values; None when either is not a literal."""
    try:
        return bool(ast.literal_eval(left) == ast.literal_eval(right))
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None


def information_loss(
    doc_struct: DocStruct,
    instruction: str,
    entry_point: str = "task_func",
    program: str | None = None,
) -> list[ReviewWarning]:
    """What the docstring states that the instruction (any text, any origin) leaves out.

    Checks parameters and their defaults, return types, raised exceptions, named
    constants, quoted and numeric values, and file formats. The instruction's own code block
    counts: a default in the signature is stated. Parameter types are not asked for: the
    benchmark's Instruct prompt leaves them out by design (on the public sample, a warning for
    them came up on two tasks in three and said nothing). With the task's `program`, a
    constant its code never names is the docstring's error, not a loss (BigCodeBench/325's
    "Defaults to REGEX_PATTERN", where the default is a literal).
    """
    text = single_spaced(instruction)
    signature = _signature(instruction, entry_point)
    known = set(signature.parameters) if signature and signature.parameters else None
    warnings: list[ReviewWarning] = []
    seen: set[tuple[str, str]] = set()
    missing_defaults: list[str] = []  # a value in one is not warned of again as a literal

    def warn(kind: str, subject: str, message: str) -> None:
        if (kind, subject) not in seen:
            seen.add((kind, subject))
            warnings.append(ReviewWarning(kind=kind, message=message))

    for entry in _param_docs(doc_struct.params, known):
        for name in entry.names:
            default = signature.parameters.get(name) if signature else None
            if not _present(name, text):
                warn("missing-parameter", name, f"parameter {name!r} is not in the instruction")
            match = _DEFAULT.search(entry.text)
            if match is None:
                continue
            value = _default_value(match.group("value"))
            if default is not None and default != "None":
                if _same_literal(value, default) is False:
                    warn(
                        "default-mismatch",
                        name,
                        f"parameter {name!r}: the docstring says the default is {value}, the "
                        f"signature says {default}",
                    )
                continue
            if value != "None" and not _present(value, text):
                missing_defaults.append(value)
                warn(
                    "missing-default",
                    name,
                    f"the default of parameter {name!r} ({value}) is not in the instruction",
                )

    for line in doc_struct.returns:
        match = _RETURN_TYPE.match(line)
        if match is None:
            continue
        kind = match.group("named") or match.group("type")
        if signature and signature.returns:
            continue
        if not _present(kind, text, case_sensitive=False):
            warn("missing-return-type", kind, f"the return type {kind} is not in the instruction")

    mentioned = [line for name in LOSS_SECTIONS for line in getattr(doc_struct, name)]
    constants = signature.constants if signature else frozenset()
    for line in mentioned:
        for exception in _EXCEPTION.findall(line):
            if not _present(exception, text):
                warn(
                    "missing-exception",
                    exception,
                    f"the exception {exception} is not in the instruction",
                )
        for name in {
            *_CONSTANT.findall(line),
            *(w for w in _UPPER_WORD.findall(line) if w in constants),
        }:
            if _present(name, text):
                continue
            named_in_code = names_in_code(program) if program is not None else None
            if named_in_code is not None and name not in named_in_code:
                warn(
                    "unknown-constant",
                    name,
                    f"the docstring names {name}, which the code never uses",
                )
            else:
                warn("missing-constant", name, f"the constant {name} is not in the instruction")
        # One lost piece of text is warned of once: `'.csv'` is the file format .csv, not
        # also the format csv and the value '.csv'; a value in a missing default is in its
        # warning already.
        formats: list[tuple[int, int]] = []  # spans of the line's file extensions
        for found in _FILE_EXTENSION.finditer(line):
            extension = found.group(0)
            formats.append(found.span())
            if extension.lower() not in text.lower():
                warn(
                    "missing-file-format",
                    extension.lower(),
                    f"the file format {extension} is not in the instruction",
                )
        for found in _FORMAT_NAME.finditer(line):
            name = found.group(0)
            if _within(found.span(), formats):
                continue
            if not _present(name, text, case_sensitive=False):
                warn(
                    "missing-file-format",
                    name.lower(),
                    f"the file format {name} is not in the instruction",
                )
        for match in _QUOTED.finditer(line):
            value = match.group(0)
            if _within(match.span("value"), formats):  # '.csv' is the file format .csv
                continue
            if any(value in default for default in missing_defaults):
                continue
            if value not in text and not _present(match.group("value"), text):
                warn("missing-literal", value, f"the value {value} is not in the instruction")
        for number in _NUMBER.findall(line):
            if any(_present(number, default) for default in missing_defaults):
                continue
            if not _present(number, text):
                warn("missing-literal", number, f"the value {number} is not in the instruction")
    return warnings


@functools.lru_cache(maxsize=PARSED_TEXTS)
def names_in_code(program: str) -> frozenset[str] | None:
    """Every name the program's code uses: variables, attributes, imported names and strings
    (`app.config['MAIL_SERVER']`), its docstrings left out; None when it does not parse. Read
    once per text, and only for a constant the instruction does not state."""
    tree = syntax_tree(program)
    if tree is None:
        return None
    docstrings: set[int] = set()  # ast.walk reaches a definition before its docstring
    names: set[str] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        ):
            docstrings.add(id(node.body[0].value))
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.Attribute):
            names.add(node.attr)
        elif isinstance(node, ast.alias):
            names.update(node.name.split("."))
            if node.asname:
                names.add(node.asname)
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ):
            names.update(re.findall(r"\w+", node.value))
    return frozenset(names)


def _within(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether `span` lies inside one of `spans`."""
    return any(start <= span[0] and span[1] <= end for start, end in spans)
