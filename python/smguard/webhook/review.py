"""The answer to one AdmissionReview: pure, but for the judge it is given."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from smguard.findings import Finding
from smguard.frontends import kubernetes
from smguard.jsonio import loads
from smguard.model import Document, empty_document

log = logging.getLogger("smguard.webhook")

_REVIEW = "admission.k8s.io/v1"

Judge = Callable[[Document], list[Finding]]


@dataclass(frozen=True)
class Answer:
    status: int
    review: dict[str, Any]
    summary: str
    """One line for the log: no content of the object."""


def answer(body: bytes, judge: Judge, failing: frozenset[str]) -> Answer:
    """The AdmissionReview answering ``body``. Pure but for ``judge``."""
    request = _request(body)
    if isinstance(request, Answer):
        return request
    uid = str(request["uid"])
    kind = request.get("kind")
    group, kind_name = (kind.get("group"), kind.get("kind")) if isinstance(kind, Mapping) else (None, None)
    operation = request.get("operation")
    where = f"{operation} {kind_name}/{request.get('namespace') or 'default'}/{request.get('name') or '?'}"
    judged = group == kubernetes.GROUP and kind_name in kubernetes.OPERATIONS and operation in ("CREATE", "UPDATE")
    if not judged:
        return Answer(HTTPStatus.OK, _response(uid, allowed=True), f"{uid} {where}: allowed (not judged)")
    obj = request.get("object")
    if not isinstance(obj, Mapping):
        return _malformed(uid, "the request has no object")
    try:
        document = empty_document()
        kubernetes.add_object(document, {**obj, "kind": kind_name}, "admission")
        findings = judge(document)
    except Exception as exc:  # fail closed: a review smguard cannot finish is a denial
        log.exception("%s %s: internal error", uid, where)
        message = f"smguard could not judge this object ({type(exc).__name__}); denied"
        return Answer(HTTPStatus.OK, _response(uid, allowed=False, message=message), f"{uid} {where}: error")
    denied = sorted({f"{f.rule_id} {f.status}: {f.message}" for f in findings if f.status in failing})
    warnings = sorted({f"smguard {f.rule_id} {f.status}: {f.message}" for f in findings if f.status not in failing})
    if not denied:
        return Answer(HTTPStatus.OK, _response(uid, allowed=True, warnings=warnings), f"{uid} {where}: allowed")
    rules = ",".join(sorted({f.rule_id for f in findings if f.status in failing}))
    message = f"smguard denied {kind_name} {request.get('name') or ''}: " + "; ".join(denied)
    return Answer(HTTPStatus.OK, _response(uid, allowed=False, message=message, warnings=warnings),
                  f"{uid} {where}: denied {rules}")  # fmt: skip


def _request(body: bytes) -> Mapping[str, Any] | Answer:
    """The review's request (with a uid), or the answer to a malformed review."""
    try:
        review = loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return _malformed("", "the body is not JSON")
    request = review.get("request") if isinstance(review, Mapping) else None
    uid = request.get("uid") if isinstance(request, Mapping) else None
    if not isinstance(review, Mapping) or (review.get("apiVersion"), review.get("kind")) != (
        _REVIEW,
        "AdmissionReview",
    ):
        return _malformed(uid if isinstance(uid, str) else "", f"not an {_REVIEW} AdmissionReview")
    if not isinstance(request, Mapping) or not isinstance(uid, str) or not uid:
        return _malformed("", "the AdmissionReview has no request uid")
    return request


def _response(uid: str, *, allowed: bool, message: str = "", warnings: list[str] | None = None) -> dict[str, Any]:
    response: dict[str, Any] = {"uid": uid, "allowed": allowed}
    if not allowed:
        response["status"] = {"code": HTTPStatus.FORBIDDEN, "message": message[:4000]}
    if warnings:
        response["warnings"] = [w[:200] for w in warnings[:20]]  # the API server caps both
    return {"apiVersion": _REVIEW, "kind": "AdmissionReview", "response": response}


def _malformed(uid: str, why: str) -> Answer:
    review = _response(uid, allowed=False, message=f"smguard: {why}")
    review["response"]["status"]["code"] = HTTPStatus.BAD_REQUEST
    return Answer(HTTPStatus.BAD_REQUEST, review, f"{uid or '-'} malformed: {why}")
