"""Choosing the engine of a local scan: the embedded one (nothing else installed), or ``opa eval``.

``opa eval`` is needed for what the compiled module cannot hold: users' rule folders and a
policies folder given with ``SMGUARD_POLICIES``. Both give byte-identical findings on the same
input (tests/e2e/test_engine_parity.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from smguard.engine import Evaluation, findings_from, opa_eval
from smguard.engine.wasm import ENTRYPOINTS, WasmPolicy, compiled_policy
from smguard.errors import InputError
from smguard.findings import UnusedWaiver
from smguard.model import Document
from smguard.paths import policies_dir, policies_overridden

Engine = Literal["auto", "embedded", "opa"]
ENGINES: tuple[Engine, ...] = ("auto", "embedded", "opa")


def evaluate(document: Document, config: Mapping[str, Any], *, engine: Engine = "auto",
             user_policies: Sequence[Path] = ()) -> Evaluation:  # fmt: skip
    """Findings and unused waivers of ``document`` under ``config``."""
    reasons = (("--policy", bool(user_policies)), ("SMGUARD_POLICIES", policies_overridden()))
    needs_opa = [reason for reason, applies in reasons if applies]
    if engine == "embedded" and needs_opa:
        raise InputError(f"the embedded engine holds only the built-in rules: {needs_opa[0]} needs --engine opa")
    if engine == "opa" or needs_opa:
        return opa_eval.evaluate_scan(document, config, policies=policies_dir(), user_policies=user_policies)
    return evaluate_embedded(document, config)


# A surrogate half on its own (JSON allows "\ud800") is no character: opa eval reads it as U+FFFD.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _utf8(value: Any) -> bytes:
    """JSON as UTF-8 text, not escapes: OPA's Wasm parser reads an escaped surrogate pair as two
    characters, where opa eval reads one."""
    text = json.dumps(value, ensure_ascii=False)
    try:
        return text.encode()
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub("\ufffd", text).encode()


def evaluate_embedded(document: Document, config: Mapping[str, Any]) -> Evaluation:
    policy = WasmPolicy(compiled_policy(), {"smguard": {"config": dict(config)}})
    text = _utf8(document)
    findings, unused = ENTRYPOINTS
    found = findings_from(policy.evaluate(findings, text), "the embedded engine")
    # Without waivers there is nothing to be unused: the second pass over the findings is skipped.
    waivers = config.get("waivers")
    left = UnusedWaiver.list_from_json(policy.evaluate(unused, text), "the embedded engine") if waivers else []
    return Evaluation(found, left)
