"""Project configuration: ``.factcheck.yaml`` or ``[tool.factcheck]`` in ``pyproject.toml``.

Found by walking up from the checked files (their common directory; the working
directory for standard input). In one directory ``.factcheck.yaml`` (or
``.factcheck.yml``) wins over ``pyproject.toml``; a ``pyproject.toml`` without a
``[tool.factcheck]`` table is passed over. Command-line flags override every key.

Keys (YAML spelling; TOML the same)::

    reference: claims.yaml            # or a list: several references merge, later ones win
    region: zhangjiakou               # home region for 我市 / 全市
    date: 2024-02-23                  # the article date when there is no dateline
    disable: [FC502]                  # rule ids (or names) never reported
    severity: {FC102: error}          # rule -> error | warning | info
    format: human                     # human | json | jsonl | sarif | github
    include: ["drafts/**"]            # only files matching one of these globs
    exclude: ["drafts/archive/**"]    # never files matching one of these
    fail-on: error                    # error | warning | never
    baseline: .factcheck-baseline.json

Paths (reference, baseline) and globs are relative to the configuration file's
directory. Globs: ``*`` and ``?`` stay within one path segment, ``**`` spans
several, a pattern without ``/`` matches the file name anywhere.

A bad configuration raises :class:`ConfigError`, whose message is one line naming
the file (and the line, where it can be known).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

YAML_NAMES = (".factcheck.yaml", ".factcheck.yml")
SEVERITIES = ("error", "warning", "info")
FAIL_ON = ("error", "warning", "never")
FORMAT_NAMES = ("human", "json", "jsonl", "sarif", "github")
KEYS = ("reference", "region", "date", "disable", "severity", "format", "include", "exclude", "fail-on", "baseline")


class ConfigError(Exception):
    """A configuration problem: ``str(exc)`` is ``path[:line]: message``."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        super().__init__(f"{self.path}:{line}: {message}" if line else f"{self.path}: {message}")


@dataclass(frozen=True)
class Config:
    """The settings of one configuration file (all optional); ``path`` is the file, if any."""

    path: Path | None = None
    reference: tuple[Path, ...] = ()
    region: str | None = None
    date: dt.date | None = None
    disable: frozenset[str] = frozenset()
    severity: Mapping[str, str] = field(default_factory=dict)
    format: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    fail_on: str | None = None
    baseline: Path | None = None

    @property
    def root(self) -> Path:
        """The directory paths and globs are relative to."""
        return self.path.parent if self.path is not None else Path.cwd()

    def selects(self, path: str) -> bool:
        """Whether ``include``/``exclude`` let ``path`` be checked (stdin always is)."""
        if path == "-" or path.startswith("<"):
            return True
        rel = _relative(path, self.root)
        if rel is None:  # outside the project: only the name-only patterns can apply
            rel = Path(path).name
        if self.include and not any(glob_match(g, rel) for g in self.include):
            return False
        return not any(glob_match(g, rel) for g in self.exclude)


# ------------------------------------------------------------------ finding the file


def start_directory(paths: Sequence[str]) -> Path:
    """Where the search starts: the common directory of the (non-stdin) paths, else the cwd."""
    dirs = []
    for p in paths:
        if p == "-":
            continue
        path = Path(p).resolve()
        dirs.append(path if path.is_dir() else path.parent)
    if not dirs:
        return Path.cwd()
    try:
        return Path(os.path.commonpath([str(d) for d in dirs]))
    except ValueError:  # different drives
        return dirs[0]


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start``."""
    for d in (start, *start.parents):
        for name in YAML_NAMES:
            if (d / name).is_file():
                return d / name
        pyproject = d / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*factcheck\s*[\].]", text, re.MULTILINE) is not None


# ------------------------------------------------------------------------- loading


def load_config(path: Path | str) -> Config:
    """Read and validate one configuration file."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(p, f"cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(p, "not UTF-8 text") from exc
    if p.suffix == ".toml":
        data, lines = _load_toml(p, text)
    else:
        data, lines = _load_yaml(p, text)
    return _validate(p, data, lines)


def _load_toml(p: Path, text: str) -> tuple[dict[str, Any], dict[str, int]]:
    import tomllib

    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise ConfigError(p, f"invalid TOML: {message}", int(m.group(1)) if m else None) from exc
    table = doc.get("tool", {}).get("factcheck", {})
    if not isinstance(table, dict):
        raise ConfigError(p, "[tool.factcheck] must be a table")
    # tomllib keeps no positions: find each key's line inside the [tool.factcheck] table.
    lines: dict[str, int] = {}
    inside = False
    for number, line in enumerate(text.splitlines(), 1):
        header = re.match(r"\s*\[\s*([^\]]+?)\s*\]", line)
        if header and not line.lstrip().startswith("[["):
            name = re.sub(r"\s+", "", header.group(1))
            inside = name == "tool.factcheck" or name.startswith("tool.factcheck.")
            if name.startswith("tool.factcheck."):
                lines.setdefault(name.split(".")[2].strip('"'), number)
            continue
        key = re.match(r"\s*\"?([A-Za-z0-9_-]+)\"?\s*=", line)
        if inside and key:
            lines.setdefault(key.group(1), number)
    return table, lines


def _load_yaml(p: Path, text: str) -> tuple[dict[str, Any], dict[str, int]]:
    import yaml

    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise ConfigError(p, f"invalid YAML: {exc.problem or exc.context}",
                          mark.line + 1 if mark is not None else None) from exc
    except yaml.YAMLError as exc:
        raise ConfigError(p, f"invalid YAML: {exc}") from exc
    if data is None:
        return {}, {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise ConfigError(p, "the configuration must be a mapping of keys to values", 1)
    lines = {}
    for key_node, _value in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            lines[str(key_node.value)] = key_node.start_mark.line + 1
    return data, lines


def _validate(p: Path, data: Mapping[str, Any], lines: Mapping[str, int]) -> Config:
    root = p.parent

    def fail(key: str, message: str) -> ConfigError:
        return ConfigError(p, f"{key}: {message}", lines.get(key))

    values: dict[str, Any] = {}
    for raw_key, value in data.items():
        key = str(raw_key).replace("_", "-")
        if key not in KEYS:
            raise ConfigError(p, f"unknown key {raw_key!r} (known: {', '.join(KEYS)})", lines.get(str(raw_key)))
        values[key] = (str(raw_key), value)
    out: dict[str, Any] = {}
    for key, (raw, value) in values.items():
        if key == "reference":
            refs = [value] if isinstance(value, str) else value
            if not isinstance(refs, list) or not refs or not all(isinstance(r, str) and r for r in refs):
                raise fail(raw, "expected a path or a list of paths")
            out["reference"] = tuple(_resolve(root, r) for r in refs)
        elif key in ("region", "format", "fail-on", "baseline"):
            if not isinstance(value, str) or not value:
                raise fail(raw, "expected a string")
            if key == "format" and value not in FORMAT_NAMES:
                raise fail(raw, f"unknown format {value!r} (choose from {', '.join(FORMAT_NAMES)})")
            if key == "fail-on" and value not in FAIL_ON:
                raise fail(raw, f"expected one of {', '.join(FAIL_ON)}, not {value!r}")
            out[key.replace("-", "_")] = _resolve(root, value) if key == "baseline" else value
        elif key == "date":
            if isinstance(value, dt.datetime):
                value = value.date()
            if isinstance(value, str):
                try:
                    value = dt.date.fromisoformat(value)
                except ValueError:
                    raise fail(raw, f"{value!r} is not a date (YYYY-MM-DD)") from None
            if not isinstance(value, dt.date):
                raise fail(raw, "expected a date (YYYY-MM-DD)")
            out["date"] = value
        elif key == "disable":
            items = [value] if isinstance(value, str) else value
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise fail(raw, "expected a list of rule ids")
            out["disable"] = frozenset(_rule(i, fail, raw) for i in items)
        elif key == "severity":
            if not isinstance(value, dict):
                raise fail(raw, "expected a mapping of rule id to error, warning or info")
            sev = {}
            for rule, level in value.items():
                if level not in SEVERITIES:
                    raise fail(raw, f"{rule}: expected one of {', '.join(SEVERITIES)}, not {level!r}")
                sev[_rule(str(rule), fail, raw)] = level
            out["severity"] = sev
        elif key in ("include", "exclude"):
            globs = [value] if isinstance(value, str) else value
            if not isinstance(globs, list) or not all(isinstance(g, str) and g for g in globs):
                raise fail(raw, "expected a glob or a list of globs")
            out[key] = tuple(globs)
    return Config(path=p, **out)


def _resolve(root: Path, path: str) -> Path:
    p = Path(path).expanduser()
    return p if p.is_absolute() else root / p


def _rule(token: str, fail: Callable[[str, str], ConfigError], key: str) -> str:
    from factcheck.checks.input import find_rule

    rule = find_rule(token)
    if rule is None:
        raise fail(key, f"unknown rule {token!r} (see 'factcheck rules')")
    return rule.id


def discover(paths: Sequence[str], explicit: str | None = None) -> Config:
    """The configuration for a run over ``paths``: ``explicit`` if given, else the nearest file, else defaults."""
    if explicit is not None:
        return load_config(explicit)
    found = find_config(start_directory(paths))
    return load_config(found) if found is not None else Config()


# -------------------------------------------------------------------------- globs


def _relative(path: str, root: Path) -> str | None:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None


_GLOB_CACHE: dict[str, re.Pattern[str]] = {}


def glob_regex(pattern: str) -> re.Pattern[str]:
    """``**`` spans directories, ``*``/``?`` stay within a segment, ``[...]`` is a class."""
    cached = _GLOB_CACHE.get(pattern)
    if cached is not None:
        return cached
    pat = pattern.strip().removeprefix("./")
    anchored = "/" in pat.rstrip("/")
    if pat.endswith("/"):
        pat += "**"
    out = []
    i = 0
    while i < len(pat):
        c = pat[i]
        if pat.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pat.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[" and "]" in pat[i + 1:]:
            j = pat.index("]", i + 1)
            body = pat[i + 1: j]
            body = body.replace("\\", "\\\\")
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body.lstrip("^")) + "]")
            i = j + 1
        else:
            out.append(re.escape(c))
            i += 1
    body = "".join(out)
    regex = re.compile(("" if anchored else "(?:.*/)?") + body.lstrip("/") + r"(?:/.*)?\Z")
    _GLOB_CACHE[pattern] = regex
    return regex


def glob_match(pattern: str, rel_path: str) -> bool:
    return glob_regex(pattern).match(rel_path) is not None
