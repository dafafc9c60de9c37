"""The SageMaker Model Registry: model package groups and their resource policies."""

from __future__ import annotations

from typing_extensions import TypedDict

from smguard.model.iam import Statement
from smguard.model.meta import Meta


class ModelPackageGroup(TypedDict):
    meta: Meta
    name: str | None
    policy: list[Statement] | None
    """The resource policy's statements; None when the group has none (only its account can use it)."""
