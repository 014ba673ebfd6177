"""``json.dumps(obj, ensure_ascii=False, indent=2)``, the same bytes, several times faster.

The standard library encodes with its C accelerator only without ``indent``; with it, the
pure-Python encoder walks every value through nested generators (about half a second for the
JSON report of a few MB). The reports are trees of dicts with the same keys again and again
(claims, findings, locations), so here each dict shape gets a ``%`` template once per depth,
strings are escaped by the C ``encode_basestring`` the standard encoder uses, and numbers are
written as it writes them. Anything unusual (a key that is not a string, a type other than
str/int/float/bool/None/dict/list/tuple) is handed to :func:`json.dumps` itself and indented
into place, so the output is always what the standard library would write.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

__all__ = ["dict_template", "dumps_indented", "encode_values", "list_text"]

_TEMPLATES: dict[tuple[tuple[Any, ...], str], str | None] = {}
_MAX_TEMPLATES = 512
_INFINITY = float("inf")


def dumps_indented(obj: Any) -> str:
    """Exactly ``json.dumps(obj, ensure_ascii=False, indent=2)``."""
    return _encode(obj, "\n")


def _encode(o: Any, nl: str) -> str:
    t = type(o)
    if t is str:
        return encode_basestring(o)
    if t is int:
        return int.__repr__(o)
    if o is None:
        return "null"
    if t is dict:
        return _dict(o, nl) if o else "{}"
    if t is list or t is tuple:
        if not o:
            return "[]"
        inner = nl + "  "
        return "[" + inner + ("," + inner).join([_encode(v, inner) for v in o]) + nl + "]"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if t is float:
        if o != o:
            return "NaN"
        if o == _INFINITY:
            return "Infinity"
        if o == -_INFINITY:
            return "-Infinity"
        return float.__repr__(o)
    return _stdlib(o, nl)


def _dict(d: dict[Any, Any], nl: str) -> str:
    keys = tuple(d)
    key = (keys, nl)
    template = _TEMPLATES.get(key, "")
    if template == "":
        template = _template(keys, nl)
        if len(_TEMPLATES) < _MAX_TEMPLATES:
            _TEMPLATES[key] = template
    if template is None:
        return _stdlib(d, nl)
    inner = nl + "  "
    return template % tuple([encode_basestring(v) if type(v) is str else int.__repr__(v) if type(v) is int
                             else "null" if v is None else _encode(v, inner) for v in d.values()])


def dict_template(keys: tuple[str, ...], nl: str) -> str:
    """The ``%`` template of a dict with ``keys`` (strings) whose opening brace stands after ``nl``:
    ``template % tuple(encode_values(values, nl + "  "))`` is what :func:`dumps_indented` writes for it."""
    template = _template(keys, nl)
    assert template is not None
    return template


def list_text(items: list[str], nl: str) -> str:
    """A JSON list whose opening bracket stands after ``nl``, from the JSON texts of its items (written at
    ``nl + "  "``)."""
    if not items:
        return "[]"
    inner = nl + "  "
    return "[" + inner + ("," + inner).join(items) + nl + "]"


def encode_values(values: tuple[Any, ...] | list[Any], inner: str) -> list[str]:
    """Each value as JSON text, nested containers indented from ``inner`` (the depth of the values)."""
    return [encode_basestring(v) if type(v) is str else int.__repr__(v) if type(v) is int
            else "null" if v is None else _encode(v, inner) for v in values]


def _template(keys: tuple[Any, ...], nl: str) -> str | None:
    """``{\\n  "a": %s,\\n  "b": %s\\n}`` at this depth; None when a key is not a string."""
    if not all(type(k) is str for k in keys):
        return None
    inner = nl + "  "
    return "{" + ",".join(inner + encode_basestring(k).replace("%", "%%") + ": %s" for k in keys) + nl + "}"


def _stdlib(o: Any, nl: str) -> str:
    # The standard encoder's output for the subtree, indented to where it stands: JSON text has no raw
    # newline inside a string, so each newline starts a line of the subtree.
    return json.dumps(o, ensure_ascii=False, indent=2).replace("\n", nl)
