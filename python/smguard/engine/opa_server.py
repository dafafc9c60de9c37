"""Evaluation through a running OPA server (the sidecar), with opa-python-client.

Whatever goes wrong — no server, a rejected token, an undefined or malformed decision — is an
EngineError, so a scan can never come back clean because the server did not answer.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import requests
from opa_client import OpaClient
from opa_client.errors import ConnectionsError

from smguard.engine import QUERY, findings_from
from smguard.errors import EngineError
from smguard.findings import Finding
from smguard.model import Document


def token_or_environment(token: str | None) -> str | None:
    """``token``, else ``$SMGUARD_OPA_TOKEN``, else the first line of the file ``$SMGUARD_OPA_TOKEN_FILE``
    (a container secret, as in bundles/deploy/compose.yaml)."""
    if token:
        return token
    if os.environ.get("SMGUARD_OPA_TOKEN"):
        return os.environ["SMGUARD_OPA_TOKEN"]
    path = os.environ.get("SMGUARD_OPA_TOKEN_FILE")
    if not path:
        return None
    try:
        found = Path(path).read_text().strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise EngineError(f"SMGUARD_OPA_TOKEN_FILE={path}: cannot read it ({type(exc).__name__})") from None
    if not found:
        raise EngineError(f"SMGUARD_OPA_TOKEN_FILE={path} is empty")
    return found


def client_for(url: str, token: str | None, timeout: float) -> OpaClient:
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname or parsed.path not in ("", "/"):
        raise EngineError(f"--opa-url {url!r} is not http(s)://host:port")
    port = parsed.port or (443 if parsed.scheme == "https" else 8181)
    return OpaClient(
        host=parsed.hostname, port=port, ssl=parsed.scheme == "https", token=token, timeout=timeout, retries=0
    )


def query(client: OpaClient, url: str, document: Any) -> Any:
    """The value of ``data.smguard.main.findings`` for ``document`` as the server decides it."""
    try:
        response = client.query_rule(input_data=document, package_path="smguard.main", rule_name="findings")
    except requests.HTTPError as exc:
        status = exc.response.status_code if exc.response is not None else "?"
        if status in (401, 403):
            raise EngineError(f"OPA at {url} rejected the request ({status}): a missing or wrong token") from None
        raise EngineError(f"OPA at {url} answered HTTP {status}") from None
    except (ConnectionsError, requests.ConnectionError) as exc:
        raise EngineError(f"cannot reach OPA at {url} ({type(exc).__name__})") from None
    except requests.Timeout:
        raise EngineError(f"OPA at {url} did not answer in time") from None
    except requests.RequestException as exc:
        raise EngineError(f"OPA at {url}: {type(exc).__name__}") from None
    if not isinstance(response, dict) or "result" not in response:
        raise EngineError(f"OPA at {url} has no decision for {QUERY} (is the smguard bundle loaded?)")
    return response["result"]


def evaluate_remote(document: Document, url: str, *, token: str | None, timeout: float = 60.0) -> list[Finding]:
    return findings_from(query(client_for(url, token, timeout), url, document), f"OPA at {url}")
