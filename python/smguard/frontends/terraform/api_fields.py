"""A planned resource read by API field paths.

Where the provider's attributes are the API's fields in snake_case, each nested structure a
block (a list of one), the API frontend's settings reader is the one declaration of what is read
and what its AWS default is: plans, templates, requests, manifests, snapshots and the Checkov
mirrors all go through it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from smguard.frontends.terraform.network import boolean, string, strings
from smguard.frontends.terraform.values import PlanResource
from smguard.frontends.value import Value

_WORD = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def snake(name: str) -> str:
    """``VolumeKmsKeyId`` -> ``volume_kms_key_id``, as the provider names the API's fields."""
    return _WORD.sub("_", name).lower()


@dataclass(frozen=True)
class PlanFields:
    """``sagemaker_api.Fields`` over a planned resource."""

    resource: PlanResource
    renamed: Mapping[str, str] = field(default_factory=dict)
    """API field -> the provider's attribute, where it is not the snake_case (``JobDefinitionName`` -> ``name``)."""

    def _path(self, path: tuple[str, ...]) -> tuple[str | int, ...]:
        out: list[str | int] = []
        for key in path:
            out += [0, self.renamed.get(key, snake(key))] if out else [self.renamed.get(key, snake(key))]
        return tuple(out)

    def get(self, *path: str) -> Value:
        return self.resource.attribute(*self._path(path))

    def string(self, *path: str) -> Value:
        return string(self.resource, *self._path(path))

    def boolean(self, *path: str, default: bool) -> Value:
        return boolean(self.resource, *self._path(path), default=default)

    def strings(self, *path: str) -> Value:
        return strings(self.resource, *self._path(path))
