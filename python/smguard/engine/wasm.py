"""The embedded engine: the bundle compiled to WebAssembly by ``opa build -t wasm``, run in process
on wasmtime. Nothing outside the package and its dependencies is needed.

The module implements most built-ins itself; the host supplies the ones OPA leaves to it
(``builtins`` export): ``sprintf``, ``time.now_ns``, ``time.parse_rfc3339_ns``, ``net.cidr_merge``
and ``net.cidr_is_valid``. A built-in that fails returns no value, which the module reads as
undefined, as ``opa eval`` (without ``--strict-builtin-errors``) does.

One evaluation is one ``opa_eval`` call (ABI 1.2): the data (the config) is parsed into the
module's memory once, the input is written after it, and the heap is reset to that point for the
next evaluation, so nothing grows across calls.
"""

from __future__ import annotations

import ctypes
import datetime
import hashlib
import ipaddress
import json
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from smguard.errors import EngineError
from smguard.paths import CHECKOUT_POLICIES

MODULE = "policy.wasm"
"""The compiled bundle, beside this file (written by ``make generate``, committed)."""
DIGEST = "policy.sha256"
"""The digest of the policy sources it was compiled from."""
ENTRYPOINTS = ("smguard/main/findings", "smguard/main/unused_waivers")
_PAGE = 65536


class _BuiltinError(Exception):
    """A built-in's arguments are not what it accepts: the call is undefined."""


_ESCAPES = {"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v"}


def _go_quote(text: str) -> str:
    """Go's strconv.Quote: printable characters as they are, the rest escaped."""
    out = ['"']
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif char.isprintable():
            out.append(char)
        elif char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x10000:
            out.append(f"\\x{ord(char):02x}" if ord(char) < 0x80 else f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return "".join(out) + '"'


def _rego_text(value: Any) -> str:
    """A value as OPA's sprintf renders a non-string operand of %s / %v (Rego syntax)."""
    return json.dumps(value, separators=(", ", ": "), ensure_ascii=False)


_VERB = re.compile(r"%(?:%|[sdvq])")


def _sprintf(fmt: Any, args: Any) -> str:
    if not isinstance(fmt, str) or not isinstance(args, list):
        raise _BuiltinError
    operands = iter(args)

    def verb(match: re.Match[str]) -> str:
        if match.group() == "%%":
            return "%"
        value = next(operands, None)
        kind = match.group()[1]
        if kind == "d" and isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        if kind == "q" and isinstance(value, str):
            return _go_quote(value)
        if isinstance(value, str):
            return value
        return _rego_text(value)

    return _VERB.sub(verb, fmt)


def _parse_rfc3339_ns(text: Any) -> int:
    if not isinstance(text, str):
        raise _BuiltinError
    # Go's time.RFC3339: a T, seconds, optional fraction, Z or an offset; nothing else.
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})", text)
    if match is None:
        raise _BuiltinError
    zone = "+00:00" if match.group(4) == "Z" else match.group(4)
    try:
        moment = datetime.datetime.fromisoformat(f"{match.group(1)}T{match.group(2)}{zone}")
    except ValueError:
        raise _BuiltinError from None
    fraction = match.group(3) or ".0"
    nanos = int(fraction[1:10].ljust(9, "0"))
    return int(moment.timestamp()) * 1_000_000_000 + nanos


def _network(text: Any) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    if not isinstance(text, str) or "/" not in text:
        raise _BuiltinError
    try:
        return ipaddress.ip_network(text, strict=False)
    except ValueError:
        raise _BuiltinError from None


def _cidr_merge(addresses: Any) -> frozenset[str]:
    if not isinstance(addresses, list):
        raise _BuiltinError
    networks = [_network(a if "/" in str(a) else f"{a}/{32 if ':' not in str(a) else 128}") for a in addresses]
    merged: list[str] = []
    for version in (4, 6):
        same: list[Any] = [n for n in networks if n.version == version]
        merged += [str(n) for n in ipaddress.collapse_addresses(same)]
    return frozenset(merged)


def _cidr_is_valid(text: Any) -> bool:
    try:
        _network(text)
    except _BuiltinError:
        return False
    return True


HOST_BUILTINS: dict[str, Callable[..., Any]] = {
    "sprintf": _sprintf,
    "time.now_ns": time.time_ns,
    "time.parse_rfc3339_ns": _parse_rfc3339_ns,
    "net.cidr_merge": _cidr_merge,
    "net.cidr_is_valid": _cidr_is_valid,
}


@dataclass
class _Instance:
    store: Any
    memory: Any
    exports: Any
    entrypoints: dict[str, int]
    data_addr: int = 0
    data_heap: int = 0


class WasmPolicy:
    """One instance of the compiled bundle, with the config loaded as its data."""

    def __init__(self, wasm: bytes, data: Mapping[str, Any]) -> None:
        import wasmtime  # only the embedded engine needs it

        settings = wasmtime.Config()
        # wasmtime's own cache of compiled code (~/.cache/wasmtime): compiling the module takes
        # half a second, loading it from the cache a few milliseconds.
        settings.cache = True
        engine = wasmtime.Engine(settings)
        store = wasmtime.Store(engine)
        module = wasmtime.Module(engine, wasm)
        memory = wasmtime.Memory(store, wasmtime.MemoryType(wasmtime.Limits(64, None)))
        i32 = wasmtime.ValType.i32()
        self._builtins: dict[int, Callable[..., Any]] = {}

        def abort(address: int) -> None:
            raise EngineError(f"the embedded engine aborted: {self._string(address)}")

        def builtin(arity: int) -> Any:
            def call(builtin_id: int, _context: int, *arguments: int) -> int:
                return self._call_builtin(builtin_id, arguments)

            return wasmtime.Func(store, wasmtime.FuncType([i32] * (arity + 2), [i32]), call)

        imports: list[Any] = []
        for wanted in module.imports:
            name = str(wanted.name)
            if name == "memory":
                imports.append(memory)
            elif name == "opa_abort":
                imports.append(wasmtime.Func(store, wasmtime.FuncType([i32], []), abort))
            elif name.startswith("opa_builtin"):
                imports.append(builtin(int(name.removeprefix("opa_builtin"))))
            else:
                raise EngineError(f"the compiled policy imports {name}, which this engine does not provide")
        exports: Any = wasmtime.Instance(store, module, imports).exports(store)
        self._i = _Instance(store, memory, exports, {})
        needed = self._dump(exports["builtins"](store))
        missing = sorted(set(needed) - set(HOST_BUILTINS))
        if missing:
            raise EngineError(f"the compiled policy needs built-ins this engine lacks: {', '.join(missing)}")
        self._builtins = {number: HOST_BUILTINS[name] for name, number in needed.items()}
        self._i.entrypoints = self._dump(exports["entrypoints"](store))
        self._i.data_addr = self._parse(json.dumps(data, ensure_ascii=False).encode(errors="replace"))
        self._i.data_heap = exports["opa_heap_ptr_get"](store)

    # --- memory helpers -------------------------------------------------------------------------

    def _string(self, address: int) -> str:
        """The NUL-terminated string at ``address`` (read in C: results run to megabytes)."""
        base = ctypes.addressof(self._i.memory.data_ptr(self._i.store).contents)
        return ctypes.string_at(base + address).decode()

    def _dump(self, value_address: int) -> Any:
        return json.loads(self._string(self._i.exports["opa_json_dump"](self._i.store, value_address)))

    def _parse(self, payload: bytes, parser: str = "opa_json_parse") -> int:
        store, exports = self._i.store, self._i.exports
        address = exports["opa_malloc"](store, len(payload))
        self._i.memory.write(store, payload, address)
        parsed = exports[parser](store, address, len(payload))
        if parsed == 0:
            raise EngineError("the embedded engine could not read a JSON value")
        return int(parsed)

    def _call_builtin(self, builtin_id: int, arguments: tuple[int, ...]) -> int:
        try:
            result = self._builtins[builtin_id](*(self._dump(a) for a in arguments))
        except (_BuiltinError, StopIteration):
            return 0  # undefined, as a failing built-in is in opa eval
        if isinstance(result, frozenset):  # JSON has no sets: written in Rego's syntax instead
            text = "{" + ", ".join(json.dumps(v) for v in sorted(result)) + "}" if result else "set()"
            return self._parse(text.encode(), parser="opa_value_parse")
        return self._parse(json.dumps(result, ensure_ascii=False).encode())

    # --- evaluation -----------------------------------------------------------------------------

    def evaluate(self, entrypoint: str, input_json: bytes) -> Any:
        """The value of ``entrypoint`` for the input (JSON text); undefined is an EngineError."""
        store, exports, memory = self._i.store, self._i.exports, self._i.memory
        input_address = self._i.data_heap
        needed = input_address + len(input_json) - memory.data_len(store)
        if needed > 0:
            memory.grow(store, needed // _PAGE + 1)
        memory.write(store, input_json, input_address)
        heap = input_address + len(input_json)
        result = exports["opa_eval"](
            store, 0, self._i.entrypoints[entrypoint], self._i.data_addr, input_address, len(input_json), heap, 0
        )
        answer = json.loads(self._string(result))
        exports["opa_heap_ptr_set"](store, self._i.data_heap)  # the next evaluation starts afresh
        if not answer:
            raise EngineError(f"the embedded engine has no result for {entrypoint}")
        return answer[0]["result"]


def source_digest(policies: Path) -> str:
    """SHA-256 over the bundle's sources (tests left out), by relative path."""
    digest = hashlib.sha256()
    for path in sorted(p for p in policies.rglob("*") if p.is_file() and not p.name.endswith("_test.rego")):
        if path.suffix == ".rego" or path.name == ".manifest":
            digest.update(path.relative_to(policies).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@cache
def compiled_policy() -> bytes:
    """The compiled bundle shipped in the package; a clear error when it is missing, or (in a
    checkout) older than the policies beside it."""
    folder = resources.files("smguard.engine")
    if not folder.joinpath(MODULE).is_file():
        raise EngineError(
            "the embedded engine's policy.wasm is missing: run `make generate` in a checkout, " "or reinstall smguard"
        )
    if CHECKOUT_POLICIES.is_dir():
        built = folder.joinpath(DIGEST).read_text().strip() if folder.joinpath(DIGEST).is_file() else ""
        if built != source_digest(CHECKOUT_POLICIES):
            raise EngineError("the embedded engine's policy.wasm is older than policies/: run `make generate`")
    return folder.joinpath(MODULE).read_bytes()
