"""Resources whose provider attributes are the API's fields in snake_case, each nested structure
a block (a list of one): read by API field paths, so the API frontend's settings reader is the
one declaration of what is read and what its AWS default is, for plans, templates, requests,
manifests, snapshots and the Checkov mirrors alike.

Model Monitor: the provider has a resource for data quality job definitions only;
``aws_sagemaker_monitoring_schedule`` runs a job definition by name (judged where it is defined)
and cannot hold one inline.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import cast

from smguard.frontends.sagemaker_api import (
    feature_group_settings,
    flow_definition_settings,
    job_definition_settings,
)
from smguard.frontends.terraform.index import PlanIndex
from smguard.frontends.terraform.network import boolean, meta, string, strings
from smguard.frontends.terraform.values import PlanResource
from smguard.frontends.value import Value, plain
from smguard.model import FeatureGroup, FlowDefinition, MonitoringJob

DATA_QUALITY = "aws_sagemaker_data_quality_job_definition"
FEATURE_GROUP = "aws_sagemaker_feature_group"
FLOW_DEFINITION = "aws_sagemaker_flow_definition"

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


def data_quality_job_definition(resource: PlanResource, _index: PlanIndex, location: str) -> MonitoringJob:
    values = job_definition_settings("data_quality", PlanFields(resource, {"JobDefinitionName": "name"}))
    return cast(MonitoringJob, {"meta": meta(resource, location, values), "kind": "data_quality", **plain(values)})


def feature_group(resource: PlanResource, _index: PlanIndex, location: str) -> FeatureGroup:
    values = feature_group_settings(PlanFields(resource))
    return cast(FeatureGroup, {"meta": meta(resource, location, values), **plain(values)})


def flow_definition(resource: PlanResource, _index: PlanIndex, location: str) -> FlowDefinition:
    values = flow_definition_settings(PlanFields(resource))
    return cast(FlowDefinition, {"meta": meta(resource, location, values), **plain(values)})
