"""SageMaker Model Monitor: job definitions and monitoring schedules with an inline definition."""

from __future__ import annotations

from typing import Literal

from typing_extensions import TypedDict

from smguard.model.meta import Meta

MonitoringKind = Literal["data_quality", "model_quality", "model_bias", "model_explainability", "schedule"]


class MonitoringJob(TypedDict):
    """What a monitoring job runs with, AWS defaults applied: a job definition of one of the four
    kinds, or a schedule's inline ``MonitoringJobDefinition`` (a schedule that names a job
    definition runs that definition, judged where it is created)."""

    meta: Meta
    kind: MonitoringKind
    name: str | None
    subnets: list[str] | None
    """NetworkConfig.VpcConfig subnets; empty when there is no VpcConfig."""
    security_group_ids: list[str] | None
    enable_network_isolation: bool | None
    enable_inter_container_traffic_encryption: bool | None
    volume_kms_key_id: str | None
    output_kms_key_id: str | None
