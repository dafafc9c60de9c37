"""Kubernetes manifests -> the canonical document: ACK SageMaker objects, judged as the requests
the ACK controller makes for them. Pure: no I/O.

The ACK SageMaker controller (aws-controllers-k8s/sagemaker-controller, CRDs of v1.9.1 in
``third_party/``) sends an object's ``spec`` as the create request of its kind. The spec's fields
are the API's in lowerCamelCase with ACK's initialisms (``securityGroupIDs``, ``volumeKMSKeyID``)
and ``type_`` for ``Type``: the API frontend's readers read them through a case-folding view, so
the same fields and AWS defaults apply. Other objects are counted, not judged. A finding's
``resource`` is ``<Kind>/<namespace>/<name>``; an endpoint and its configuration, and a
configuration and its models, are joined by their SageMaker names within one input.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, cast

from smguard.errors import InputError
from smguard.frontends.conversion import Conversion
from smguard.model import Document, empty_document

GROUP = "sagemaker.services.k8s.aws"
MAX_BYTES = 10 * 1024 * 1024
MAX_DOCUMENTS = 10_000
# The ACK kind -> the request the controller makes for it.
OPERATIONS = {
    "TrainingJob": "CreateTrainingJob",
    "ProcessingJob": "CreateProcessingJob",
    "HyperParameterTuningJob": "CreateHyperParameterTuningJob",
    "Model": "CreateModel",
    "EndpointConfig": "CreateEndpointConfig",
    "Endpoint": "CreateEndpoint",
    "NotebookInstance": "CreateNotebookInstance",
    "Domain": "CreateDomain",
    "DataQualityJobDefinition": "CreateDataQualityJobDefinition",
    "ModelQualityJobDefinition": "CreateModelQualityJobDefinition",
    "ModelBiasJobDefinition": "CreateModelBiasJobDefinition",
    "ModelExplainabilityJobDefinition": "CreateModelExplainabilityJobDefinition",
    "MonitoringSchedule": "CreateMonitoringSchedule",
    "FeatureGroup": "CreateFeatureGroup",
    "NotebookInstanceLifecycleConfig": "CreateNotebookInstanceLifecycleConfig",
}

Recorder = Callable[[str, tuple[str, ...]], None]
"""Told (kind, field path) of every spec field a reader asks for, present or not (for the tests)."""


def _fold(key: str) -> str:
    return key.lower().removesuffix("_")


class _Spec(Mapping[str, Any]):
    """A spec read with the API's field names (``SecurityGroupIds`` finds ``securityGroupIDs``)."""

    def __init__(self, raw: Mapping[str, Any], kind: str, path: tuple[str, ...], record: Recorder | None) -> None:
        self._raw, self._kind, self._path, self._record = raw, kind, path, record
        self._keys = {_fold(str(k)): k for k in raw}

    def __getitem__(self, key: str) -> Any:
        if self._record is not None:
            self._record(self._kind, (*self._path, key))
        return self._view(self._raw[self._keys[_fold(key)]], (*self._path, key))

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def _view(self, value: Any, path: tuple[str, ...]) -> Any:
        if isinstance(value, Mapping):
            return _Spec(value, self._kind, path, self._record)
        if isinstance(value, list):
            return [self._view(v, (*path, "[]")) for v in value]
        return value


def ack_objects(documents: list[Any]) -> list[Mapping[str, Any]]:
    """The ACK SageMaker objects of kinds smguard judges, in order."""
    return [d for d in documents if isinstance(d, Mapping) and _judged(d)]


def _judged(document: Mapping[str, Any]) -> bool:
    api_version = document.get("apiVersion")
    return (isinstance(api_version, str) and api_version.split("/", 1)[0] == GROUP
            and document.get("kind") in OPERATIONS)  # fmt: skip


def object_id(document: Mapping[str, Any]) -> str:
    metadata = document.get("metadata")
    metadata = metadata if isinstance(metadata, Mapping) else {}
    namespace = metadata.get("namespace") or "default"
    name = metadata.get("name") or metadata.get("generateName") or "(unnamed)"
    return f"{document.get('kind')}/{namespace}/{name}"


def convert_manifests(documents: list[Any], name: str, record: Recorder | None = None) -> Conversion:
    """The canonical document of a manifest's objects (a multi-document YAML stream). Pure."""
    document = empty_document()
    document["sources"].append({"kind": "kubernetes", "name": name, "format_version": None, "tool_version": None})
    objects = ack_objects(documents)
    for obj in objects:
        add_object(document, obj, name, record)
    _join(document)
    warnings = []
    others = sum(1 for d in documents if d is not None) - len(objects)
    if not objects:
        warnings.append(f"{name}: read {others} Kubernetes objects, none an ACK SageMaker object smguard judges")
    elif others:
        warnings.append(f"{name}: {len(objects)} ACK SageMaker objects judged, {others} other objects ignored")
    return Conversion(document, warnings)


def add_object(document: Document, obj: Mapping[str, Any], location: str, record: Recorder | None = None) -> None:
    """One ACK object's resources, added to ``document``."""
    from smguard.frontends.api_request import Request, add_request  # not needed to tell a manifest

    kind = str(obj["kind"])
    spec = obj.get("spec")
    resource_id = object_id(obj)
    if not isinstance(spec, Mapping):
        document["errors"].append({"resource": resource_id, "location": location, "message": "spec is not an object"})
        return
    add_request(document, Request(OPERATIONS[kind], resource_id, location), _Spec(spec, kind, (), record))


def _join(document: Document) -> None:
    """Endpoint -> configuration -> models, by the SageMaker names they are given in one input."""
    resources = cast(dict[str, list[dict[str, Any]]], document["resources"])
    configs = {c["name"]: c["meta"]["id"] for c in resources["endpoint_configs"] if c.get("name")}
    models = {m["name"]: m["meta"]["id"] for m in resources["models"] if m.get("name")}
    for endpoint in resources["endpoints"]:
        endpoint["endpoint_config"] = configs.get(endpoint.get("endpoint_config_name"))
    for config in resources["endpoint_configs"]:
        for variant in config.get("variants") or []:
            variant["model"] = models.get(variant.get("model_name"))


def load(text: str, name: str) -> list[Any]:
    """The documents of a YAML stream; duplicate keys, alias bombs and oversized input are refused."""
    if len(text.encode()) > MAX_BYTES:
        raise InputError(f"{name}: the manifest is over {MAX_BYTES // (1024 * 1024)} MB")
    import yaml

    from smguard.frontends.strict_yaml import StrictLoader

    try:
        documents = []
        for document in yaml.load_all(text, Loader=StrictLoader):  # a safe loader
            documents.append(document)
            if len(documents) > MAX_DOCUMENTS:
                raise InputError(f"{name}: over {MAX_DOCUMENTS:,} documents")
        return documents
    except yaml.YAMLError as exc:
        raise InputError(f"{name}: not valid YAML: {str(exc).splitlines()[0][:200]}") from None
    except RecursionError:
        raise InputError(f"{name}: the manifest is nested too deeply") from None


def listed(documents: list[Any]) -> list[Any]:
    """The documents, with the items of each ``List`` (as ``kubectl get -o yaml`` writes) in its place."""
    out: list[Any] = []
    for document in documents:
        items = document.get("items") if isinstance(document, Mapping) else None
        is_list = isinstance(document, Mapping) and str(document.get("kind", "")).endswith("List")
        out += listed(items) if is_list and isinstance(items, list) else [document]
    return out


def is_manifest(documents: list[Any]) -> bool:
    """Kubernetes objects: every document is null or has apiVersion and kind."""
    objects = [d for d in documents if d is not None]
    return bool(objects) and all(isinstance(d, Mapping) and "apiVersion" in d and "kind" in d for d in objects)
