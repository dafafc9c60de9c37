"""Amazon Augmented AI (A2I) human review workflows: SageMaker flow definitions."""

from __future__ import annotations

from typing_extensions import TypedDict

from smguard.model.meta import Meta


class FlowDefinition(TypedDict):
    meta: Meta
    name: str | None
    output_kms_key_id: str | None
    """OutputConfig.KmsKeyId: the key of the human loop results written to S3."""
