"""The webhook's HTTPS server: TLS only, a body cap, the handshake in each request's thread."""

from __future__ import annotations

import json
import socket
import ssl
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from smguard.errors import InputError
from smguard.webhook import DEFAULT_MAX_BODY
from smguard.webhook.review import Judge, answer, log

HANDSHAKE_TIMEOUT = 10.0  # seconds; the API server's own webhook timeout is 10 s by default


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
