"""IAM policies (identity policies, SCPs, VPC endpoint policies), statements normalized."""

from __future__ import annotations

from typing import Literal

from typing_extensions import TypedDict

from smguard.model.meta import Meta


class Condition(TypedDict):
    """One condition key test: ``{"IpAddress": {"aws:SourceIp": [...]}}`` becomes one of these."""

    operator: str
    """The operator as written, e.g. ``ForAnyValue:StringEqualsIfExists``."""
    base: str
    """The operator without qualifier and ``IfExists``, e.g. ``StringEquals``."""
    qualifier: Literal["ForAnyValue", "ForAllValues"] | None
    if_exists: bool
    key: str
    """Lower-cased: IAM condition keys are case-insensitive."""
    values: list[str]
    """Values as strings (IAM compares them as strings); unknown values are left out."""
    values_unknown: bool
    """True when some values cannot be known from the input."""


class Principal(TypedDict):
    type: str
    """``AWS``, ``Service``, ``Federated``, ``CanonicalUser``, or ``*`` for ``"Principal": "*"``."""
    values: list[str]


class Statement(TypedDict):
    sid: str | None
    effect: Literal["Allow", "Deny"]
    actions: list[str] | None
    """Lower-cased action patterns; None when the statement uses NotAction."""
    not_actions: list[str] | None
    resources: list[str] | None
    not_resources: list[str] | None
    principals: list[Principal] | None
    """None when the statement names no Principal (identity policies)."""
    not_principals: list[Principal] | None
    conditions: list[Condition]
    unknown: list[str]
    """Statement parts (``actions``, ``conditions``…) that cannot be known from the input."""


PolicyKind = Literal["identity", "scp"]


class Account(TypedDict):
    """An AWS account a live snapshot covers."""

    meta: Meta
    account_id: str
    scps_readable: bool
    """True when the snapshot could read the organization's SCPs (management or delegated account)."""
    scps_unreadable: str
    """Why the SCPs could not be read (the Organizations error); empty when they could."""
    scp_exempt: bool
    """True for the organization's management account, which no SCP restricts."""


class Policy(TypedDict):
    """An identity policy or an SCP, with the statements it holds."""

    meta: Meta
    name: str | None
    statements: list[Statement] | None
    """None when the document cannot be known from the input (listed in ``meta.unknown``)."""
    attached_to: list[str]
    """The roles, users and groups the input shows it attached to (names or ARNs); often empty."""
