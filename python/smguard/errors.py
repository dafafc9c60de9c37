"""Every error type smguard raises on purpose, in one place.

Expected failures are one line whatever input they quote (``OneLineError``); only the CLI prints
them. The hierarchy::

    OneLineError                  a message fit for one line of stderr, input made printable
    ├── InputError                the run cannot go on: the CLI prints it and exits 2
    │   ├── ConfigError           the config file (or its waivers, or a user rule's METADATA) is invalid
    │   ├── SetupError            the environment: AWS credentials, region, profile, assumed role,
    │   │                         organization access, an unreachable endpoint
    │   ├── ToolNotFoundError     a required binary (opa, conftest) is not installed
    │   ├── MissingExtraError     an optional dependency (smguard[aws], [sidecar], [checkov]) is missing
    │   └── EngineError           OPA failed, or answered something that is not a list of findings
    └── ResourceReadError (ValueError)  a resource or document cannot be read: the frontends turn it into
        ├── PolicyDocumentError   a read-error finding and go on with the rest of the input
        ├── ApiShapeError
        └── MalformedResourceError

    MalformedFindingError (ValueError)   a finding the engine returned is not one; engines wrap it in
                                         an EngineError
    AdmissionError                       the boto3 hook refuses a call (raised into the caller's code,
    └── AdmissionDenied                  not printed: see smguard.admission)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from smguard.findings import Finding


def printable(text: str) -> str:
    """Input-controlled text (addresses, keys, messages) without characters that could fake lines."""
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)


class OneLineError(Exception):
    """An error whose message is one line whatever input it quotes."""

    def __init__(self, message: str) -> None:
        super().__init__(printable(message))


class InputError(OneLineError):
    """Input that cannot be understood (exit code 2). The message is fit for stderr as it is."""


class ConfigError(InputError):
    """The config file, a waiver in it or a user rule's METADATA is invalid."""


class SetupError(InputError):
    """The environment cannot serve the run: credentials, region, profile, role or organization access."""


class ToolNotFoundError(InputError):
    """A required binary is not installed."""


class MissingExtraError(InputError):
    """An optional dependency the command needs is not installed; the message names the extra."""


class EngineError(InputError):
    """OPA failed or answered something that is not a list of findings."""


class ResourceReadError(OneLineError, ValueError):
    """One part of the input cannot be read; frontends report it as a read-error finding."""


class PolicyDocumentError(ResourceReadError):
    """The policy is not a valid policy document; the message says why, in one line."""


class ApiShapeError(ResourceReadError):
    """A field of the request has the wrong type; the message names it."""


class MalformedResourceError(ResourceReadError):
    """One resource entry of the plan cannot be read; the message names what is wrong."""

    def __init__(self, address: str, message: str) -> None:
        super().__init__(message)
        self.address = printable(address)


class MalformedFindingError(ValueError):
    """The engine returned something that is not a finding."""


class AdmissionError(Exception):
    """The request could not be judged (enforce mode refuses it)."""


class AdmissionDenied(AdmissionError):  # noqa: N818  # the name the issue and users know
    """A rule fails for the request; ``findings`` lists which and why."""

    def __init__(self, operation: str, findings: list[Finding]) -> None:
        self.operation = operation
        self.findings = findings
        reasons = "; ".join(f"{f.rule_id} {f.message}" for f in findings)
        super().__init__(f"smguard denied {operation}: {reasons}")
