"""Golden cases: ``tests/golden/<RULE>/<case>/`` with main.tf, plan.json, optional config.yaml, expected.json,
and template.yaml where CloudFormation can express the same deployment (``synth_template.py``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from smguard import catalog
from smguard.config import parse_config
from smguard.engine.opa_eval import evaluate
from smguard.frontends.detect import convert, convert_file
from smguard.jsonio import parse_json
from smguard.paths import policies_dir

GOLDEN = Path(__file__).parent


@dataclass(frozen=True)
class Case:
    rule_id: str
    name: str
    folder: Path

    def __str__(self) -> str:
        return f"{self.rule_id}/{self.name}"

    @property
    def outcome(self) -> str:
        """What the case name promises for its rule: fail, pass or unknown."""
        return self.name.split("_", 1)[0]

    @property
    def template(self) -> Path | None:
        path = self.folder / "template.yaml"
        return path if path.exists() else None

    def verdicts(self, *, with_config: bool = True, form: str = "plan") -> list[list[str]]:
        """[rule_id, resource, status] of every finding, through the real frontend and opa eval;
        ``form`` "template" judges template.yaml instead of plan.json."""
        if form == "template":
            assert self.template is not None, f"{self} has no template"
            document = convert_file(self.template.read_bytes(), "template.yaml").document
        else:
            plan = self.folder / "plan.json"
            document = convert(parse_json(plan.read_bytes(), plan.name), plan.name).document
        config = {}
        if with_config and (self.folder / "config.yaml").exists():
            text = (self.folder / "config.yaml").read_text()
            config = parse_config(text, "config.yaml", rules=catalog.rules())
        findings = evaluate(document, config, policies=policies_dir())
        return sorted([f.rule_id, f.resource, f.status] for f in findings)

    def expected(self) -> list[list[str]]:
        return sorted(json.loads((self.folder / "expected.json").read_text()))


def discover() -> list[Case]:
    return [
        Case(folder.parent.name, folder.name, folder)
        for folder in sorted(GOLDEN.glob("SM*/*/"))
        if (folder / "plan.json").exists()
    ]
