"""What every Checkov mirror shares: reading Checkov's resource conf, and identity from the catalog.

Checkov hands a check each attribute wrapped in a list (``["Disabled"]``), blocks as lists of
such dicts, and adds bookkeeping keys (``__startline__``, ``start_line``, ``references_``…).
``setting`` unwraps that once; mirrors read nothing else. Name, severity and guideline come
from the generated catalog, so a mirror never types them.

Each mirror also registers for Checkov's CloudFormation framework under the same ID: a twin
renames the resource's Properties to the Terraform attributes the mirror reads (CamelCase to
snake_case, plus the few names that differ) and asks the same ``verdict``. An intrinsic function
Checkov did not render becomes ``${...}`` text, as an HCL reference is shown, so a ``!Ref`` to a
created subnet counts as set and an undecided ``!If`` as not the secure value.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from checkov.cloudformation.checks.resource.base_resource_check import BaseResourceCheck as CfnResourceCheck
from checkov.common.bridgecrew.severities import Severities
from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

from smguard.catalog import rules
from smguard.errors import ApiShapeError
from smguard.frontends import workflows
from smguard.frontends.sagemaker_api import (
    MONITORING_DEFINITIONS,
    feature_group_settings,
    flow_definition_settings,
    job_settings,
    monitoring_settings,
    training_settings,
)
from smguard.frontends.terraform.api_shaped import snake
from smguard.frontends.value import ABSENT, PENDING, UNKNOWN, State, Value
from smguard.jsonio import loads
from smguard.model import MonitoringKind

_BOOKKEEPING = frozenset({"start_line", "end_line", "references_", "resource_type"})


def _unwrap(value: Any) -> Any:
    return value[0] if isinstance(value, list) and len(value) == 1 else value


def setting(conf: Mapping[str, Any], *path: str) -> Any:
    """The value at ``path`` (attribute, then names inside the first block); None when absent."""
    node: Any = conf
    for key in path:
        node = _unwrap(node)
        if not isinstance(node, Mapping) or key.startswith("__") or key in _BOOKKEEPING:
            return None
        node = node.get(key)
    return _unwrap(node)


def blocks(conf: Mapping[str, Any], name: str) -> list[Mapping[str, Any]]:
    """Every block of a repeated block (e.g. ``production_variants``)."""
    value = conf.get(name)
    return [b for b in value if isinstance(b, Mapping)] if isinstance(value, list) else []


def unresolved(value: Any) -> bool:
    """An HCL expression Checkov could not evaluate, shown as its text (``${var.region}``)."""
    return isinstance(value, str) and "${" in value


def present(value: Any) -> bool:
    """Set to something: a value, a reference (which Checkov shows as its text), a non-empty list."""
    return value not in (None, "", [], {}) and value != [None]


class MirrorCheck(BaseResourceCheck):
    """A Checkov check restating one smguard rule; subclasses implement ``verdict``."""

    def __init__(self, resources: tuple[str, ...], category: CheckCategories) -> None:
        """``resources``: Terraform types, and CloudFormation types that have no Terraform one."""
        # The rule is named by the mirror's file, "<rule id>_<area>_<slug>.py": its ID is typed nowhere.
        rule = rules()[Path(inspect.getfile(type(self))).stem.split("_", 1)[0].upper()]
        super().__init__(
            name=rule.title,
            id=rule.id,
            categories=(CheckCategories.AI_AND_ML, category),
            supported_resources=resources,
            guideline=rule.doc_url,
        )
        self.severity = Severities[rule.severity]  # type: ignore[assignment]  # Checkov sets it after init

        types = [CLOUDFORMATION_TYPES.get(r, r) for r in resources if r in CLOUDFORMATION_TYPES or "::" in r]
        self.cloudformation = _CloudFormationTwin(self, types) if types else None

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        verdict = self.verdict(conf)
        if verdict is None:
            return CheckResult.UNKNOWN
        return CheckResult.PASSED if verdict else CheckResult.FAILED

    def verdict(self, conf: Mapping[str, Any]) -> bool | None:
        """True when compliant, False when not, None when the conf cannot tell."""
        raise NotImplementedError


# Terraform type -> CloudFormation type, and CloudFormation's top-level property names that are
# not the CamelCase of the Terraform attribute.
CLOUDFORMATION_TYPES = {
    "aws_sagemaker_notebook_instance": "AWS::SageMaker::NotebookInstance",
    "aws_sagemaker_model": "AWS::SageMaker::Model",
    "aws_sagemaker_endpoint_configuration": "AWS::SageMaker::EndpointConfig",
    "aws_sagemaker_domain": "AWS::SageMaker::Domain",
    "aws_sagemaker_pipeline": "AWS::SageMaker::Pipeline",
    "aws_sfn_state_machine": "AWS::StepFunctions::StateMachine",
    "aws_vpc_endpoint": "AWS::EC2::VPCEndpoint",
    "aws_sagemaker_data_quality_job_definition": "AWS::SageMaker::DataQualityJobDefinition",
    "aws_sagemaker_feature_group": "AWS::SageMaker::FeatureGroup",
}
_TERRAFORM_TYPES = {cfn: tf for tf, cfn in CLOUDFORMATION_TYPES.items()}
_RENAMED = {
    "AWS::SageMaker::NotebookInstance": {"SecurityGroupIds": "security_groups"},
    "AWS::SageMaker::EndpointConfig": {"KmsKeyId": "kms_key_arn"},
    "AWS::StepFunctions::StateMachine": {"DefinitionString": "definition", "Definition": "definition"},
}


class _CloudFormationTwin(CfnResourceCheck):
    """A mirror registered for CloudFormation: Properties renamed, then the mirror's own verdict."""

    def __init__(self, mirror: MirrorCheck, types: list[str]) -> None:
        super().__init__(name=mirror.name, id=mirror.id, categories=mirror.categories,
                         supported_resources=types, guideline=mirror.guideline)  # fmt: skip
        self.severity = mirror.severity
        self.mirror = mirror

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        # The workflow mirrors read the (Terraform) type they judge from the check, as Checkov sets it.
        self.mirror.entity_type = _TERRAFORM_TYPES.get(self.entity_type, self.entity_type)
        return self.mirror.scan_resource_conf(terraform_conf(self.entity_type, conf))


def terraform_conf(cloudformation_type: str, conf: Mapping[str, Any]) -> dict[str, Any]:
    """A CloudFormation resource's Properties under the Terraform attribute names."""
    properties = conf.get("Properties")
    if not isinstance(properties, Mapping):
        return {}
    renamed = _RENAMED.get(cloudformation_type, {})
    converted = {renamed.get(str(k), snake(str(k))): _plain(v) for k, v in properties.items() if _kept(k)}
    definition = converted.pop("pipeline_definition", None)
    if isinstance(definition, Mapping):  # the body is the definition; an S3 location is none
        converted["pipeline_definition"] = definition.get("pipeline_definition_body")
    if isinstance(converted.get("definition"), Mapping):  # a state machine's Definition object
        converted["definition"] = _camel_keys(properties.get("Definition"))
    return converted


def _kept(key: Any) -> bool:
    return not str(key).startswith("__") and key not in _BOOKKEEPING


_INTRINSIC = ("Ref", "Condition")


def _plain(value: Any) -> Any:
    """Nested properties renamed too; an unrendered intrinsic function as ``${...}`` text."""
    if isinstance(value, Mapping):
        if len([k for k in value if _kept(k)]) == 1:
            ((key, argument),) = [(k, v) for k, v in value.items() if _kept(k)]
            if key == "Fn::Sub" and isinstance(argument, str):
                return argument  # its text, whose ${...} stay unresolved, as in HCL
            if key in _INTRINSIC or str(key).startswith("Fn::"):
                return f"${{{key}}}"
        return {snake(str(k)): _plain(v) for k, v in value.items() if _kept(k)}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"  # CloudFormation takes Booleans as strings too
    return value


def _camel_keys(value: Any) -> Any:
    """A definition given as an object, without Checkov's bookkeeping (its names are the API's)."""
    if isinstance(value, Mapping):
        return {str(k): _camel_keys(v) for k, v in value.items() if _kept(k)}
    if isinstance(value, list):
        return [_camel_keys(v) for v in value]
    return value


JOB_RESOURCES = ("aws_sagemaker_training_job", "aws_sagemaker_pipeline", "aws_sfn_state_machine")


_WORKFLOWS = {
    "aws_sagemaker_pipeline": ("pipeline_definition", workflows.pipeline_jobs, workflows.pipeline_placeholder),
    "aws_sfn_state_machine": ("definition", workflows.state_machine_jobs, workflows.state_machine_placeholder),
}


def job_settings_of(entity_type: str, conf: Mapping[str, Any]) -> list[dict[str, Value]] | None:
    """The settings of every job the resource starts, as the frontend reads them; None when unknowable."""
    if entity_type == "aws_sagemaker_training_job":
        return [training_settings(_ConfFields(conf))]
    definition = setting(conf, _WORKFLOWS[entity_type][0])
    if isinstance(definition, str):
        return _written_workflow_jobs(entity_type, definition)
    return _workflow_jobs(entity_type, definition)


# Six mirrors judge each workflow's jobs: its definition text is parsed once, not six times.
# Keyed by the text itself, so a changed definition is never judged on an old parse. Callers
# only read what it returns.
@functools.lru_cache(maxsize=32)
def _written_workflow_jobs(entity_type: str, text: str) -> list[dict[str, Value]] | None:
    try:
        definition = loads(text)
    except (ValueError, RecursionError):
        return None
    return _workflow_jobs(entity_type, definition)


def _workflow_jobs(entity_type: str, definition: Any) -> list[dict[str, Value]] | None:
    _, jobs_of, placeholder = _WORKFLOWS[entity_type]
    jobs = jobs_of(definition)
    if not jobs:
        return None if jobs is None else []
    try:
        return [values for _, kind, request in jobs for _, values in job_settings(kind, request, placeholder)]
    except ApiShapeError:
        return None


def all_jobs(
    entity_type: str, conf: Mapping[str, Any], compliant: Callable[[dict[str, Value]], bool | None]
) -> bool | None:
    """Fails when any job fails, unknown when any is unknown (and none fails), passes otherwise."""
    settings = job_settings_of(entity_type, conf)
    if settings is None:
        return None
    verdicts = [compliant(job) for job in settings]
    if False in verdicts:
        return False
    return None if None in verdicts else True


def flag(job: dict[str, Value], attribute: str, expected: bool) -> bool | None:
    value = job[attribute]
    return None if value.unknown else value.value is expected


def required(job: dict[str, Value], *attributes: str) -> bool | None:
    values = [job[a] for a in attributes]
    if any(v.state is State.ABSENT for v in values):
        return False
    return None if any(v.state is State.UNKNOWN for v in values) else True


# Model Monitor: the provider's one job definition resource, and CloudFormation's others.
MONITORING_KINDS: dict[str, MonitoringKind] = {
    "aws_sagemaker_data_quality_job_definition": "data_quality",
    **{f"AWS::SageMaker::{name}JobDefinition": kind for kind, name in MONITORING_DEFINITIONS.items()
       if kind != "data_quality"},
    "AWS::SageMaker::MonitoringSchedule": "schedule",
}  # fmt: skip
MONITORING_RESOURCES = tuple(MONITORING_KINDS)


class _ConfFields:
    """``sagemaker_api.Fields`` over a conf: the API reader declares what is read, and its defaults,
    once for every input (attributes are the API's fields in snake_case)."""

    def __init__(self, conf: Mapping[str, Any]) -> None:
        self.conf = conf

    def get(self, *path: str) -> Value:
        value = setting(self.conf, *(snake(key) for key in path))
        if not present(value):
            return ABSENT
        return PENDING if unresolved(value) else Value(State.KNOWN, value)

    def string(self, *path: str) -> Value:
        value = self.get(*path)
        return UNKNOWN if value.known and not isinstance(value.value, str) else value

    def boolean(self, *path: str, default: bool) -> Value:
        value = self.get(*path)
        if value.state is State.ABSENT:
            return Value(State.KNOWN, default)
        return value if not value.known or isinstance(value.value, bool) else UNKNOWN

    def strings(self, *path: str) -> Value:
        value = self.get(*path)
        if not value.known:
            return value
        items = value.value if isinstance(value.value, list) else [value.value]  # one item is unwrapped
        return PENDING if any(unresolved(v) or not isinstance(v, str) for v in items) else value


def monitoring_settings_of(entity_type: str, conf: Mapping[str, Any]) -> dict[str, Value] | None:
    """A monitoring job's settings as the frontends read them; None for a schedule running a
    definition by name (judged where it is defined)."""
    return monitoring_settings(MONITORING_KINDS[entity_type], _ConfFields(conf))


FEATURE_GROUPS = ("aws_sagemaker_feature_group",)


def feature_group_settings_of(conf: Mapping[str, Any]) -> dict[str, Value]:
    return feature_group_settings(_ConfFields(conf))


def flow_definition_settings_of(conf: Mapping[str, Any]) -> dict[str, Value]:
    return flow_definition_settings(_ConfFields(conf))
