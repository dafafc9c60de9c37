"""Admission checks for boto3: the sidecar judges SageMaker create requests before they are sent.

    session = boto3.Session()
    smguard.admission.install(session, opa_url="http://127.0.0.1:8181", token=token)
    session.client("sagemaker").create_training_job(...)   # AdmissionDenied if a rule fails

Clients created from the session afterwards are guarded, including those the SageMaker Python
SDK builds from it. ``enforce`` (the default) fails closed: a sidecar that cannot answer refuses
the call. ``audit`` logs instead and lets every call through.
"""

from __future__ import annotations

import logging
from typing import Any, Literal

from smguard import extras

extras.require("sidecar")  # before the import it guards, so a missing extra is one clear line

from smguard.engine import findings_from  # noqa: E402
from smguard.engine.opa_server import client_for, query, token_or_environment  # noqa: E402
from smguard.errors import AdmissionDenied, AdmissionError, EngineError  # noqa: E402
from smguard.findings import FAILING  # noqa: E402
from smguard.frontends.api_request import OPERATIONS, convert_request  # noqa: E402

log = logging.getLogger("smguard.admission")

Mode = Literal["enforce", "audit"]


def install(session: Any, *, opa_url: str, token: str | None = None, mode: Mode = "enforce",
            timeout: float = 2.0) -> None:  # fmt: skip
    """Guard every SageMaker create call smguard has rules for, on clients made from ``session``.
    Without ``token``, ``$SMGUARD_OPA_TOKEN`` or the file ``$SMGUARD_OPA_TOKEN_FILE`` is used."""
    if mode not in ("enforce", "audit"):
        raise ValueError(f"mode must be 'enforce' or 'audit', not {mode!r}")
    client = client_for(opa_url, token_or_environment(token), timeout)

    def guard(params: dict[str, Any], model: Any, **_: Any) -> None:
        operation = str(model.name)
        try:
            document = convert_request(operation, params)
            findings = findings_from(query(client, opa_url, document), f"OPA at {opa_url}")
        except EngineError as exc:
            if mode == "enforce":
                raise AdmissionError(f"smguard could not judge {operation}: {exc}") from None
            log.warning("smguard could not judge %s: %s", operation, exc)
            return
        failing = [f for f in findings if f.status in FAILING]
        if failing and mode == "enforce":
            raise AdmissionDenied(operation, failing)
        for finding in failing:
            log.warning("smguard (audit) %s %s: %s", operation, finding.rule_id, finding.message)

    for operation in sorted(OPERATIONS):
        # before-parameter-build sees the caller's parameters before anything is serialized or sent.
        session.events.register(
            f"before-parameter-build.sagemaker.{operation}", guard, unique_id=f"smguard-admission-{operation}"
        )
