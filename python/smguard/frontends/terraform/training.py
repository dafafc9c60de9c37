"""Training, tuning and processing jobs in a plan: ``aws_sagemaker_training_job``, the steps of
``aws_sagemaker_pipeline`` definitions and the SageMaker tasks of ``aws_sfn_state_machine``s."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from smguard.errors import ApiShapeError, MalformedResourceError
from smguard.frontends import workflows
from smguard.frontends.sagemaker_api import job_settings, training_settings
from smguard.frontends.terraform.api_shaped import PlanFields
from smguard.frontends.terraform.index import PlanIndex
from smguard.frontends.terraform.network import meta, string, subnets_network
from smguard.frontends.terraform.values import PlanResource
from smguard.frontends.value import UNKNOWN, State, Value, plain
from smguard.frontends.value import meta as value_meta
from smguard.jsonio import loads
from smguard.model import JobKind, TrainingJob

_SETTINGS = (
    "subnets",
    "security_group_ids",
    "enable_network_isolation",
    "enable_inter_container_traffic_encryption",
    "volume_kms_key_id",
    "output_kms_key_id",
    "enable_remote_debug",
)


def training_job(resource: PlanResource, index: PlanIndex, location: str) -> TrainingJob:
    """``aws_sagemaker_training_job``: its attributes are the API's, read by the API's reader."""
    network = subnets_network(resource, index, "vpc_config", 0, "subnets")
    values = {"name": string(resource, "training_job_name"), **training_settings(PlanFields(resource))}
    return cast(
        TrainingJob,
        {"meta": meta(resource, location, values), "kind": "training", **plain(values), "vpc_key": network.vpc_key},
    )


def pipeline_jobs(resource: PlanResource, _index: PlanIndex, location: str) -> list[TrainingJob]:
    """The training, tuning and processing steps of a SageMaker pipeline definition."""
    definition = _definition(resource, "pipeline_definition")
    if definition is None:
        return [_unknown_job(resource, location)]
    jobs = workflows.pipeline_jobs(definition)
    if jobs is None:
        raise MalformedResourceError(resource.address, "pipeline_definition has no Steps list")
    return [j for where, kind, request in jobs for j in _jobs(resource, location, where, kind, request,
                                                                workflows.pipeline_placeholder)]  # fmt: skip


def state_machine_jobs(resource: PlanResource, _index: PlanIndex, location: str) -> list[TrainingJob]:
    """The SageMaker job-creating tasks of a Step Functions state machine."""
    definition = _definition(resource, "definition")
    if definition is None:
        return [_unknown_job(resource, location)]
    return [j for where, kind, request in workflows.state_machine_jobs(definition)
            for j in _jobs(resource, location, where, kind, request, workflows.state_machine_placeholder)]  # fmt: skip


def _definition(resource: PlanResource, attribute: str) -> Any:
    value = string(resource, attribute)
    if not value.known:
        return None
    try:
        return loads(value.value)
    except (ValueError, RecursionError):
        raise MalformedResourceError(resource.address, f"{attribute} is not valid JSON") from None


def _jobs(
    resource: PlanResource, location: str, where: str, kind: JobKind, request: Any, placeholder: Any
) -> list[TrainingJob]:
    try:
        settings = job_settings(kind, request, placeholder)
    except ApiShapeError as exc:
        raise MalformedResourceError(resource.address, f"{where.lstrip('#')}: {exc}") from None
    return [_job(f"{resource.address}{where}{suffix}", resource, location, kind, values) for suffix, values in settings]


def _job(job_id: str, resource: PlanResource, location: str, kind: JobKind, values: Mapping[str, Value]) -> TrainingJob:
    everything = {"name": Value(State.KNOWN, job_id.rsplit("#", 1)[-1]), **values}
    return cast(
        TrainingJob,
        {
            "meta": value_meta(job_id, resource.type, location, everything),
            "kind": kind,
            **plain(everything),
            "vpc_key": None,  # subnets in a definition are not resolved to resources of the plan
        },
    )


def _unknown_job(resource: PlanResource, location: str) -> TrainingJob:
    """The definition is not known from the plan: whatever jobs it starts, their settings are unknown."""
    return _job(resource.address, resource, location, "training", dict.fromkeys(_SETTINGS, UNKNOWN))
