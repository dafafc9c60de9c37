"""Conventions every rule must keep (one package per rule, METADATA complete, tests beside it)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from smguard import catalog
from smguard.errors import InputError
from smguard.frontends.detect import convert
from smguard.jsonio import parse_json
from smguard.model import SCHEMA_VERSION

ROOT = Path(__file__).parents[2]
RULES = list(catalog.rules().values())
# The hundreds digit of an ID names its area (RULES.md).
AREAS = {
    "meta": "0", "notebook": "1", "access": "2", "training": "3", "hosting": "4", "network": "5", "studio": "6",
    "monitoring": "7", "feature_store": "7", "human_review": "7", "registry": "7",
}  # fmt: skip


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_conventions(rule: catalog.Rule) -> None:
    folder = ROOT / "policies" / rule.path
    slug = folder.name
    area = folder.parent.name
    assert re.fullmatch(r"SM[0-9]{3}", rule.id)
    assert not rule.id.startswith("SM9"), "9xx is reserved for users' own rules"
    assert AREAS[area] == rule.id[2], f"{rule.id} lives in area {area!r}"
    assert rule.package == f"smguard.rules.{area}.{slug}"
    source = (folder / f"{slug}.rego").read_text()
    assert "#   - input: schema.input" in source, "rules are type-checked against the input schema"
    assert (folder / f"{slug}_test.rego").is_file(), "Rego unit tests live beside the rule"
    assert rule.severity in ("LOW", "MEDIUM", "HIGH", "CRITICAL")
    assert len(rule.title) <= 100
    assert not rule.title.startswith(("Ensure", "Check")), "titles state the secure state"
    assert rule.description and rule.remediation


def test_rule_ids_are_unique_and_every_rule_folder_is_in_the_catalog() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    folders = {p.parent.relative_to(ROOT / "policies").as_posix() for p in (ROOT / "policies").glob(
        "smguard/rules/*/*/*.rego") if not p.name.endswith("_test.rego")}  # fmt: skip
    assert folders == {r.path for r in RULES}


# Written by `make generate` from METADATA (the IDs the Rego routes validate a config against).
GENERATED_CATALOG = ROOT / "policies/smguard/lib/catalog/catalog.rego"


def test_rule_ids_appear_only_in_metadata_and_fixtures() -> None:
    """IDs are typed once, in METADATA; Python and Rego code read them from the catalog."""
    offenders = []
    for path in [*(ROOT / "python/smguard").rglob("*.py"), *(ROOT / "policies").rglob("*.rego")]:
        if path.name.endswith("_test.rego") or path == GENERATED_CATALOG:
            continue
        text = path.read_text()
        for match in re.finditer(r"\bSM[0-9]{3}\b", text):
            line = text[: match.start()].count("\n")
            # METADATA and comments may name rules (cross-references); code may not.
            if not text.splitlines()[line].lstrip().startswith("#"):
                offenders.append(f"{path.relative_to(ROOT)}:{line + 1}")
    assert offenders == []


def _documents() -> list[tuple[str, object]]:
    plans = [*(ROOT / "tests/golden").rglob("plan.json"), *(ROOT / "tests/corpus/tfplan").glob("*.json")]
    documents = []
    for plan in sorted(plans):
        try:
            documents.append((plan.name, convert(parse_json(plan.read_bytes(), plan.name), plan.name).document))
        except InputError:  # refused inputs are tested in tests/unit
            continue
    return documents


def test_the_rego_schema_version_is_the_model_s() -> None:
    rule = (ROOT / "policies/smguard/rules/meta/input_readable/input_readable.rego").read_text()
    assert f"\nschema_version := {SCHEMA_VERSION}\n" in rule


def test_every_converted_document_matches_the_generated_schema() -> None:
    schema = json.loads((ROOT / "python/smguard/schemas/input.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    documents = _documents()
    assert len(documents) > 30
    for name, document in documents:
        errors = [e.message for e in validator.iter_errors(document)]
        assert errors == [], name
