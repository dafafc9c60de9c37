"""Reading JSON files the way they really arrive."""

from __future__ import annotations

import codecs

import pytest

from smguard.errors import InputError
from smguard.jsonio import parse_json

DOC = '{"format_version": "1.2", "name": "caf\u00e9"}'


@pytest.mark.parametrize(
    "data",
    [
        DOC.encode(),
        codecs.BOM_UTF8 + DOC.encode(),
        codecs.BOM_UTF16_LE + DOC.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + DOC.encode("utf-16-be"),
        DOC.encode("utf-16-le"),  # no BOM: recognised by its NUL bytes
        codecs.BOM_UTF32_LE + DOC.encode("utf-32-le"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf32le-bom"],
)
def test_encodings(data: bytes) -> None:
    assert parse_json(data, "f") == {"format_version": "1.2", "name": "caf\u00e9"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n", "the file is empty"),
        (b'{"a": 1', "not valid JSON: Expecting ',' delimiter"),
        (b'{"a": NaN}', "NaN is not valid JSON"),
        (b'{"a": -Infinity}', "-Infinity is not valid JSON"),
        (b"\x89PNG\r\n\x1a\n\xff\xfe\xfd", "not UTF-8 text"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"a": [1e999]}', "number 1e999 is out of range"),
        (b'{"a": ' + b"9" * 5000 + b"}", "not valid JSON"),
        (b'{"a": {"b": 1, "b": 2}}', "key 'b' appears twice in one object"),
    ],
    ids=["empty", "blank", "truncated", "nan", "infinity", "binary", "deep", "huge-float", "huge-int", "dup-key"],
)
def test_bad_json_is_one_line_input_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as error:
        parse_json(data, "f.json")
    assert str(error.value).startswith("f.json: ")
    assert "\n" not in str(error.value)
