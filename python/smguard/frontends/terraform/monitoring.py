"""Model Monitor job definitions in a plan. The provider has a resource for data quality job
definitions only; ``aws_sagemaker_monitoring_schedule`` runs a job definition by name (judged
where it is defined) and cannot hold one inline."""

from __future__ import annotations

from typing import cast

from smguard.frontends.sagemaker_api import job_definition_settings
from smguard.frontends.terraform.api_fields import PlanFields
from smguard.frontends.terraform.index import PlanIndex
from smguard.frontends.terraform.network import meta
from smguard.frontends.terraform.values import PlanResource
from smguard.frontends.value import plain
from smguard.model import MonitoringJob

DATA_QUALITY = "aws_sagemaker_data_quality_job_definition"


def data_quality_job_definition(resource: PlanResource, _index: PlanIndex, location: str) -> MonitoringJob:
    values = job_definition_settings("data_quality", PlanFields(resource, {"JobDefinitionName": "name"}))
    return cast(MonitoringJob, {"meta": meta(resource, location, values), "kind": "data_quality", **plain(values)})
