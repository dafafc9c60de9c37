"""The canonical input document: the one shape every frontend produces and every rule reads.

The JSON Schema in ``smguard/schemas/input.json`` is generated from these types
(``make schema``); change a type, regenerate, and bump SCHEMA_VERSION on incompatible changes.
"""

from smguard.model.document import (
    SCHEMA_VERSION,
    Document,
    ReadError,
    Resources,
    Source,
    SourceKind,
    empty_document,
    judged_resources,
    merge,
)
from smguard.model.feature_store import FeatureGroup
from smguard.model.hosting import Endpoint, EndpointConfig, Model, Variant
from smguard.model.human_review import FlowDefinition
from smguard.model.iam import Account, Condition, Policy, Principal, Statement
from smguard.model.meta import Meta
from smguard.model.monitoring import MonitoringJob, MonitoringKind
from smguard.model.network import Subnet, Vpc, VpcEndpoint
from smguard.model.notebook import LifecycleConfig, NotebookInstance, ScriptSecret
from smguard.model.registry import ModelPackageGroup
from smguard.model.studio import Domain, UserProfile
from smguard.model.training import JobKind, TrainingJob

__all__ = [
    "SCHEMA_VERSION",
    "Account",
    "Condition",
    "Document",
    "Domain",
    "Endpoint",
    "EndpointConfig",
    "FeatureGroup",
    "FlowDefinition",
    "JobKind",
    "LifecycleConfig",
    "Meta",
    "Model",
    "ModelPackageGroup",
    "MonitoringJob",
    "MonitoringKind",
    "NotebookInstance",
    "Policy",
    "Principal",
    "ReadError",
    "Resources",
    "ScriptSecret",
    "Source",
    "SourceKind",
    "Statement",
    "Subnet",
    "TrainingJob",
    "UserProfile",
    "Variant",
    "Vpc",
    "VpcEndpoint",
    "empty_document",
    "judged_resources",
    "merge",
]
