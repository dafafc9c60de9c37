"""``smguard webhook``: a Kubernetes validating admission webhook for ACK SageMaker objects.

``POST /validate`` takes an ``admission.k8s.io/v1`` AdmissionReview. CREATE and UPDATE of an ACK
SageMaker object of a kind smguard judges are judged on the object's final state (its spec, as
the controller will send it); DELETE, CONNECT and every other kind are allowed. A denial's
message lists the failing rules; findings that do not fail (``--fail-on``) are returned as
warnings, which kubectl prints. Anything that goes wrong while judging denies (fail closed)
and is logged. TLS only, a request-body cap, one log line per review and never the object's
content in the log.
"""

from __future__ import annotations

import json
import logging
import socket
import ssl
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from smguard.errors import InputError
from smguard.findings import Finding
from smguard.frontends import kubernetes
from smguard.jsonio import loads
from smguard.model import Document, empty_document

log = logging.getLogger("smguard.webhook")

DEFAULT_ADDR = "127.0.0.1:8443"
# An object is at most about 1.5 MB in etcd; a review carries the object and the old one.
DEFAULT_MAX_BODY = 4 * 1024 * 1024
HANDSHAKE_TIMEOUT = 10.0  # seconds; the API server's own webhook timeout is 10 s by default
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


@dataclass(frozen=True)
class WebhookOptions:
    addr: str
    tls_cert: Path
    tls_key: Path
    max_body_bytes: int = DEFAULT_MAX_BODY


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    context: ssl.SSLContext

    def finish_request(self, request: Any, client_address: Any) -> None:
        # The TLS handshake in the request's own thread, with a deadline: a slow client holds
        # up only itself.
        request.settimeout(HANDSHAKE_TIMEOUT)
        try:
            wrapped = self.context.wrap_socket(request, server_side=True)
        except (OSError, ssl.SSLError):
            return
        super().finish_request(wrapped, client_address)


def serve_webhook(options: WebhookOptions, judge: Judge, failing: frozenset[str],
                  ready: threading.Event | None = None) -> None:  # fmt: skip
    """Serve until interrupted."""
    host, _, port = options.addr.rpartition(":")
    if not host or not port.isdigit():
        raise InputError(f"--addr must be HOST:PORT, not {options.addr!r}")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        context.load_cert_chain(str(options.tls_cert), str(options.tls_key))
    except (OSError, ssl.SSLError) as exc:
        raise InputError(f"cannot load --tls-cert/--tls-key: {exc}") from None
    limit = options.max_body_bytes

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "smguard-webhook"
        sys_version = ""

        def do_POST(self) -> None:  # noqa: N802  # the name http.server calls
            if self.path.split("?", 1)[0] != "/validate":
                self._send(HTTPStatus.NOT_FOUND, {"error": "not found"})
                return
            length = self.headers.get("Content-Length", "")
            if not length.isdigit():
                self._send(HTTPStatus.LENGTH_REQUIRED, {"error": "Content-Length required"})
                return
            if int(length) > limit:
                self._send(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"error": f"over {limit} bytes"})
                self.close_connection = True
                return
            result = answer(self.rfile.read(int(length)), judge, failing)
            log.info("%s", result.summary)
            self._send(result.status, result.review)

        def do_GET(self) -> None:  # noqa: N802
            if self.path == "/healthz":
                self._send(HTTPStatus.OK, {"ok": True})
            else:
                self._send(HTTPStatus.NOT_FOUND, {"error": "not found"})

        def _send(self, status: int, body: Mapping[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:  # http.server's signature
            pass  # one line per review is logged above, with no request content

    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    server_class = type("Server", (_Server,), {"address_family": family})
    try:
        server = server_class((host.strip("[]"), int(port)), Handler)
    except OSError as exc:
        raise InputError(f"cannot listen on {options.addr}: {exc.strerror}") from None
    server.context = context
    if ready is not None:
        ready.set()
    try:
        server.serve_forever()
    finally:
        server.server_close()
