"""Admission checks for boto3: SageMaker create and update requests are judged before they are sent.

    import boto3, smguard.admission
    session = boto3.Session()
    smguard.admission.install(session)                        # judged in process (embedded engine)
    smguard.admission.install(session, opa_url="http://127.0.0.1:8181", token=token)   # or by the sidecar
    session.client("sagemaker").create_training_job(...)     # AdmissionDenied if a rule fails

``install`` guards what it is given: a boto3 Session (every SageMaker client made from it
afterwards, including those the SageMaker Python SDK builds from it), a client that already
exists, or the ``boto3`` module (its default session, which ``boto3.client()`` and a
``sagemaker.Session()`` made without ``boto_session`` use; created if there is none).
``install_global`` is ``install(boto3, ...)``.

``enforce`` (the default) fails closed: a request that cannot be judged (the sidecar down, an
endpoint configuration that cannot be described) is refused. ``audit`` logs instead and lets
every call through. CreateEndpoint and UpdateEndpoint are judged on the state they produce: the
hook describes the endpoint configuration they name, and its models, with the same client.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any, Literal

from smguard import extras
from smguard.errors import AdmissionDenied, AdmissionError, EngineError, InputError
from smguard.findings import FAILING, Finding
from smguard.frontends.api_request import OPERATIONS, convert_endpoint_request, convert_request
from smguard.model import Document

log = logging.getLogger("smguard.admission")

Mode = Literal["enforce", "audit"]
Judge = Callable[[Document], list[Finding]]

# Requests that name resources the hook reads first, with the same client.
_ENDPOINTS = frozenset({"CreateEndpoint", "UpdateEndpoint"})
GUARDED = OPERATIONS  # every operation the API frontend converts


def install(target: Any, *, opa_url: str | None = None, token: str | None = None, mode: Mode = "enforce",
            timeout: float = 2.0, config: Mapping[str, Any] | None = None) -> None:  # fmt: skip
    """Guard every SageMaker operation smguard judges on ``target`` (a boto3 Session, a client or
    the ``boto3`` module). Without ``opa_url`` the rules run in process, with ``config``; with it,
    the sidecar decides (``token``, else ``$SMGUARD_OPA_TOKEN`` or ``$SMGUARD_OPA_TOKEN_FILE``)."""
    if mode not in ("enforce", "audit"):
        raise ValueError(f"mode must be 'enforce' or 'audit', not {mode!r}")
    if opa_url is not None and config is not None:
        raise ValueError("config is for judging in process; the sidecar decides with the config it was given")
    judge = _sidecar(opa_url, token, timeout) if opa_url else _embedded(config or {})
    where = f"OPA at {opa_url}" if opa_url else "the embedded engine"
    if isinstance(target, ModuleType):  # boto3 itself: its default session
        if getattr(target, "DEFAULT_SESSION", None) is None:
            target.setup_default_session()
        target = target.DEFAULT_SESSION
    events = getattr(getattr(target, "meta", None), "events", None)
    if events is not None and getattr(target.meta, "service_model", None) is not None:
        if target.meta.service_model.service_name != "sagemaker":
            raise TypeError(f"install() guards SageMaker clients, not a {target.meta.service_model.service_name} one")
        _guard(target, judge, where, mode)
        return
    if not hasattr(target, "events"):
        raise TypeError(f"install() guards a boto3 Session, a client or the boto3 module, not {type(target).__name__}")

    class Guarded:
        """Mixed into each SageMaker client class the session makes: guards the client it makes."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            _guard(self, judge, where, mode)

    def add_guard(base_classes: list[type], **_: Any) -> None:
        base_classes.insert(0, Guarded)

    # Registered on the session: every client made from it afterwards, whatever its endpoint.
    target.events.register("creating-client-class.sagemaker", add_guard, unique_id="smguard-admission")


def install_global(**options: Any) -> None:
    """``install(boto3, ...)``: the default session, used by ``boto3.client()`` and ``sagemaker.Session()``."""
    import boto3

    install(boto3, **options)


def _sidecar(opa_url: str, token: str | None, timeout: float) -> Judge:
    extras.require("sidecar")
    from smguard.engine import findings_from
    from smguard.engine.opa_server import client_for, query, token_or_environment

    client = client_for(opa_url, token_or_environment(token), timeout)
    return lambda document: findings_from(query(client, opa_url, document), f"OPA at {opa_url}")


def _embedded(config: Mapping[str, Any]) -> Judge:
    from smguard.engine.local import evaluate_embedded

    return lambda document: evaluate_embedded(document, config).findings


def _guard(client: Any, judge: Judge, where: str, mode: Mode) -> None:
    def guard(params: dict[str, Any], model: Any, **_: Any) -> None:
        operation = str(model.name)
        try:
            document = _document(client, operation, params)
            findings = judge(document)
        except (EngineError, InputError, AdmissionError) as exc:
            if mode == "enforce":
                raise AdmissionError(f"smguard could not judge {operation} ({where}): {exc}") from None
            log.warning("smguard could not judge %s: %s", operation, exc)
            return
        failing = [f for f in findings if f.status in FAILING]
        if failing and mode == "enforce":
            raise AdmissionDenied(operation, failing)
        for finding in failing:
            log.warning("smguard (audit) %s %s: %s", operation, finding.rule_id, finding.message)

    for operation in sorted(GUARDED):
        # before-parameter-build sees the caller's parameters before anything is serialized or sent;
        # first, before other handlers change them (or, as botocore's Stubber does, expect the call).
        client.meta.events.register_first(
            f"before-parameter-build.sagemaker.{operation}", guard, unique_id=f"smguard-admission-{operation}"
        )


def _document(client: Any, operation: str, params: Mapping[str, Any]) -> Document:
    if operation not in _ENDPOINTS:
        return convert_request(operation, params)
    name = params.get("EndpointConfigName")
    if not isinstance(name, str):
        return convert_request("CreateEndpoint", params)  # malformed: botocore's validation says why
    try:
        config = client.describe_endpoint_config(EndpointConfigName=name)
        models = {
            model: client.describe_model(ModelName=model)
            for variant in [*config.get("ProductionVariants", []), *config.get("ShadowProductionVariants", [])]
            if isinstance(model := variant.get("ModelName"), str)
        }
    except Exception as exc:  # botocore's ClientError and connection errors: nothing to judge by
        raise AdmissionError(f"cannot describe endpoint configuration {name}: {exc}") from None
    return convert_endpoint_request(operation, params, config, models)
