"""Training, hyperparameter tuning and processing jobs (patterns 4-6)."""

from __future__ import annotations

from typing import Literal

from typing_extensions import TypedDict

from smguard.model.meta import Meta

JobKind = Literal[
    "training",
    "tuning",
    "processing",
    "automl",
    "automl_v2",
    "transform",
    "compilation",
    "optimization",
    "inference_recommendations",
    "cluster",
    "labeling",
    "labeling_automated",
    "validation_training",
    "validation_transform",
]


class TrainingJob(TypedDict):
    """A job that runs customer containers on SageMaker-managed instances, AWS defaults applied.

    Tuning jobs appear once per training job definition; processing jobs carry the same
    settings under other API names (NetworkConfig, ClusterConfig, ProcessingOutputConfig).
    """

    meta: Meta
    kind: JobKind
    name: str | None
    subnets: list[str] | None
    """VpcConfig subnets; empty when there is no VpcConfig."""
    security_group_ids: list[str] | None
    vpc_key: str | None
    enable_network_isolation: bool | None
    """Null, as any attribute here, for a kind that has no such setting (AutoML jobs)."""
    enable_inter_container_traffic_encryption: bool | None
    volume_kms_key_id: str | None
    output_kms_key_id: str | None
    enable_remote_debug: bool | None
