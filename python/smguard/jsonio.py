"""Bytes to JSON values, the way real files arrive: with BOMs, from PowerShell, or broken."""

from __future__ import annotations

import codecs
import json
import math
from typing import Any

from smguard import hints
from smguard.errors import InputError

# PowerShell's `>` writes UTF-16LE with a BOM; editors sometimes add a UTF-8 BOM.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_text(data: bytes, name: str) -> str:
    """Decode JSON text, honouring a byte-order mark; without one, UTF-8 (RFC 8259)."""
    encoding = "utf-8"
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            data, encoding = data[len(bom) :], bom_encoding
            break
    else:
        # UTF-16 without a BOM still shows itself by NUL bytes next to ASCII characters.
        if len(data) >= 2 and data[0] != 0 and data[1] == 0:
            encoding = "utf-16-le"
        elif len(data) >= 2 and data[0] == 0 and data[1] != 0:
            encoding = "utf-16-be"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        hint = hints.for_bytes(data) or "is it a binary file?"
        raise InputError(f"{name}: not {encoding.upper()} text (byte {exc.start}); {hint}") from None


def _reject_constant(token: str) -> Any:
    raise ValueError(f"{token} is not valid JSON")


def _finite(token: str) -> float:
    value = float(token)
    if math.isinf(value):  # 1e999 would reach OPA as a number Go cannot represent
        raise ValueError(f"number {token[:40]} is out of range")
    return value


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # Terraform and AWS never repeat a key; a document that does means different things to
    # different parsers (Python and Go keep the last, others the first), so it is refused.
    value = dict(pairs)
    if len(value) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"key {key[:80]!r} appears twice in one object")
            seen.add(key)
    return value


def loads(text: str) -> Any:
    """``json.loads`` as strict as :func:`parse_json`; raises ValueError or RecursionError."""
    return json.loads(text, parse_constant=_reject_constant, parse_float=_finite, object_pairs_hook=_unique_keys)


def parse_json(data: bytes, name: str) -> Any:
    """Parse a JSON document strictly (no NaN/Infinity, no repeated keys), with one-line errors."""
    text = decode_text(data, name)
    if not text.strip():
        raise InputError(f"{name}: the file is empty")
    try:
        return loads(text)
    except json.JSONDecodeError as exc:
        hint = hints.for_text(text)
        where = f"{exc.msg} (line {exc.lineno}, column {exc.colno})"
        raise InputError(f"{name}: not valid JSON: {where}" + (f"; {hint}" if hint else "")) from None
    except ValueError as exc:
        raise InputError(f"{name}: not valid JSON: {exc}") from None
    except RecursionError:
        raise InputError(f"{name}: JSON nested too deeply to read") from None


def json_type(value: Any) -> str:
    """The JSON name of a decoded value's type, for messages."""
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)
