"""The document as a whole."""

from __future__ import annotations

from typing import Any, Literal, cast

from typing_extensions import TypedDict

from smguard.model.feature_store import FeatureGroup
from smguard.model.hosting import Endpoint, EndpointConfig, Model
from smguard.model.human_review import FlowDefinition
from smguard.model.iam import Account, Policy
from smguard.model.monitoring import MonitoringJob
from smguard.model.network import Subnet, Vpc, VpcEndpoint
from smguard.model.notebook import LifecycleConfig, NotebookInstance
from smguard.model.registry import ModelPackageGroup
from smguard.model.studio import Domain, UserProfile
from smguard.model.training import TrainingJob

SCHEMA_VERSION = 3

SourceKind = Literal["terraform-plan", "aws-snapshot", "api-request", "cloudformation", "kubernetes"]

# Kinds that only describe where judged resources live; they are not counted as scanned.
SUPPORTING_KINDS = frozenset({"subnets", "vpcs", "accounts"})


class Source(TypedDict):
    """One input the document was made from."""

    kind: SourceKind
    name: str
    format_version: str | None
    tool_version: str | None


class Resources(TypedDict):
    """Resources by kind; every list is present, possibly empty."""

    notebook_instances: list[NotebookInstance]
    lifecycle_configs: list[LifecycleConfig]
    training_jobs: list[TrainingJob]
    monitoring_jobs: list[MonitoringJob]
    feature_groups: list[FeatureGroup]
    flow_definitions: list[FlowDefinition]
    model_package_groups: list[ModelPackageGroup]
    models: list[Model]
    endpoint_configs: list[EndpointConfig]
    endpoints: list[Endpoint]
    domains: list[Domain]
    user_profiles: list[UserProfile]
    iam_policies: list[Policy]
    """Identity policies (managed and inline)."""
    service_control_policies: list[Policy]
    accounts: list[Account]
    """Accounts a live snapshot covers (none for plans)."""
    vpc_endpoints: list[VpcEndpoint]
    vpcs: list[Vpc]
    subnets: list[Subnet]


class ReadError(TypedDict):
    """A resource (or input) that could not be read: reported by the input-readable meta rule, never as compliant."""

    resource: str
    location: str
    message: str


class Document(TypedDict):
    """The canonical input document handed to OPA as ``input``."""

    schema_version: int
    sources: list[Source]
    resources: Resources
    errors: list[ReadError]


def empty_document() -> Document:
    """A document with no sources and no resources, to be filled or merged into."""
    return {
        "schema_version": SCHEMA_VERSION,
        "sources": [],
        "resources": {
            "notebook_instances": [],
            "lifecycle_configs": [],
            "training_jobs": [],
            "monitoring_jobs": [],
            "feature_groups": [],
            "flow_definitions": [],
            "model_package_groups": [],
            "models": [],
            "endpoint_configs": [],
            "endpoints": [],
            "domains": [],
            "user_profiles": [],
            "iam_policies": [],
            "service_control_policies": [],
            "accounts": [],
            "vpc_endpoints": [],
            "vpcs": [],
            "subnets": [],
        },
        "errors": [],
    }


def merge(documents: list[Document]) -> Document:
    """One document holding every source, resource and error of ``documents`` (one OPA run per scan)."""
    merged = empty_document()
    for document in documents:
        merged["sources"].extend(document["sources"])
        merged["errors"].extend(document["errors"])
        into = cast(dict[str, list[Any]], merged["resources"])
        for kind, items in cast(dict[str, list[Any]], document["resources"]).items():
            into[kind].extend(items)
    return merged


def judged_resources(document: Document) -> int:
    """How many resources the rules judge (supporting network resources not counted)."""
    lists: dict[str, list[Any]] = cast(dict[str, list[Any]], document["resources"])
    return sum(len(items) for kind, items in lists.items() if kind not in SUPPORTING_KINDS)
