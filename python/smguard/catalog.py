"""The rule catalog, generated from the rules' METADATA (``make generate``); never typed by hand."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

DOCS = "https://github.com/smguard/smguard/blob/main/policies/{path}/README.md"


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    severity: str
    resource: str
    description: str
    remediation: str
    package: str
    path: str
    related_resources: tuple[str, ...]
    equivalents: dict[str, list[str]]
    always_on: bool
    """The rule cannot be disabled in the config."""
    checkov_mirror: bool
    """A Checkov check in ``checkov_checks`` restates the rule (file ``<id>_<area>_<slug>.py``)."""
    checkov_not_mirrored: str
    """Why there is no Checkov mirror, when there is none."""

    @property
    def doc_url(self) -> str:
        """The rule's generated documentation page."""
        return DOCS.format(path=self.path)

    @property
    def mirror_module(self) -> str:
        """The mirror's module name, by convention from the rule's ID and folder."""
        area, slug = self.path.split("/")[-2:]
        return f"{self.id.lower()}_{area}_{slug}"

    def to_json(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__} | {
            "related_resources": list(self.related_resources)
        }


@cache
def rules() -> dict[str, Rule]:
    """All rules by ID, in ID order."""
    raw = json.loads(resources.files("smguard").joinpath("catalog.json").read_text())
    return {
        entry["id"]: Rule(**entry | {"related_resources": tuple(entry["related_resources"])}) for entry in raw["rules"]
    }
