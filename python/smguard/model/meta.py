"""What every canonical resource carries besides its attributes."""

from __future__ import annotations

from typing_extensions import TypedDict


class Meta(TypedDict):
    """Identity and provenance of one resource."""

    id: str
    """Terraform address (plans) or ARN (live): what findings cite."""
    source_type: str
    """The source's own type name, e.g. ``aws_sagemaker_notebook_instance``."""
    location: str
    """The input (file name or account/region) the resource came from."""
    unknown: list[str]
    """Attributes whose value cannot be known from the input; they are null in the resource."""
    pending: list[str]
    """Those of ``unknown`` that are known to be set, to a value known only after apply
    (e.g. a key created in the same plan): present, but of unknown value."""
