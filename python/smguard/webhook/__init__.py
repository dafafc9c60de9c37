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

DEFAULT_ADDR = "127.0.0.1:8443"
# An object is at most about 1.5 MB in etcd; a review carries the object and the old one.
DEFAULT_MAX_BODY = 4 * 1024 * 1024
