"""SageMaker Python SDK (v2) defaults: jobs and models get the VPC settings without code changes.

Written for the admin config file (``/etc/xdg/sagemaker/config.yaml`` or
``SAGEMAKER_ADMIN_CONFIG_OVERRIDE``); only keys of the SDK's schema are used, or it refuses the
file. Notebook instances cannot be defaulted here, which is why the deny policy is still needed.
"""

from __future__ import annotations

from typing import Any

from smguard.guardrails.policy import GuardrailSettings


def sdk_defaults(settings: GuardrailSettings) -> dict[str, Any]:
    def vpc() -> dict[str, list[str]]:  # a fresh mapping per use: no YAML anchors in the file
        return {"SecurityGroupIds": sorted(settings.security_groups), "Subnets": sorted(settings.subnets)}

    key = sorted(settings.kms_keys)[0] if settings.kms_keys else None
    training: dict[str, Any] = {
        "VpcConfig": vpc(),
        "EnableNetworkIsolation": True,
        "EnableInterContainerTrafficEncryption": True,
    }
    processing: dict[str, Any] = {
        "NetworkConfig": {
            "VpcConfig": vpc(),
            "EnableNetworkIsolation": True,
            "EnableInterContainerTrafficEncryption": True,
        }
    }
    model: dict[str, Any] = {"VpcConfig": vpc(), "EnableNetworkIsolation": True}
    endpoint_config: dict[str, Any] = {}
    if key:
        training |= {"ResourceConfig": {"VolumeKmsKeyId": key}, "OutputDataConfig": {"KmsKeyId": key}}
        processing |= {
            "ProcessingResources": {"ClusterConfig": {"VolumeKmsKeyId": key}},
            "ProcessingOutputConfig": {"KmsKeyId": key},
        }
        endpoint_config = {"KmsKeyId": key, "DataCaptureConfig": {"KmsKeyId": key}}
    sagemaker: dict[str, Any] = {"TrainingJob": training, "ProcessingJob": processing, "Model": model}
    if endpoint_config:
        sagemaker["EndpointConfig"] = endpoint_config
    return {"SchemaVersion": "1.0", "SageMaker": sagemaker}
