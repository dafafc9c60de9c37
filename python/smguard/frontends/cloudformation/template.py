"""CloudFormation templates: parsing (cfn-lint's decoder) and intrinsic functions.

What a template says is resolved as far as the template itself can tell: parameters (their
defaults, or the values given), pseudo parameters, conditions, mappings and the string functions.
A reference to nothing the template declares makes that resource unreadable (a read error).
A reference to a resource of the same template is a value set at deploy time (``Created``: a
subnet, security group or KMS key created beside the notebook counts as set, as in plans); what
the template cannot tell (``Fn::ImportValue``, SSM parameter types, a pseudo parameter such as the
account ID, a function smguard does not know) is ``Unresolved``, never a pass.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from smguard import extras
from smguard.errors import ApiShapeError, InputError

MAX_BYTES = 10 * 1024 * 1024  # far above CloudFormation's own 1 MB template limit
# Values visited while resolving: YAML aliases can make a small file a huge tree ("billion laughs").
MAX_NODES = 2_000_000
_SUB = re.compile(r"\$\{([^}!][^}]*)\}")


@dataclass(frozen=True)
class Created:
    """A value of a resource the same template creates: set, known once deployed."""

    logical_id: str
    attribute: str = "Ref"


# A Created value inside a string (Fn::Sub, Fn::Join): the string is set, known once deployed.
CREATED_MARK = "{{smguard:created:"


def created_text(value: Created) -> str:
    return f"{CREATED_MARK}{value.logical_id}}}}}"


def contains_created(value: Any) -> bool:
    return isinstance(value, Created) or (isinstance(value, str) and CREATED_MARK in value)


@dataclass(frozen=True)
class Unresolved:
    """A value the template alone cannot tell."""

    why: str


def is_template(value: Any) -> bool:
    """A CloudFormation (or SAM) template: Resources whose entries carry a Type."""
    resources = value.get("Resources") if isinstance(value, Mapping) else None
    return isinstance(resources, Mapping) and any(
        isinstance(r, Mapping) and isinstance(r.get("Type"), str) for r in resources.values()
    )


def decode(text: str, name: str) -> dict[str, Any]:
    """The template (YAML with its short-form tags, or JSON); a malformed one is an InputError."""
    if len(text.encode()) > MAX_BYTES:
        raise InputError(f"{name}: the template is over {MAX_BYTES // (1024 * 1024)} MB")
    extras.require("cloudformation")
    from cfnlint.decode import decode_str  # cfn-lint's reader keeps line numbers; loaded only for templates

    try:
        template, problems = decode_str(text)
    except RecursionError:
        raise InputError(f"{name}: the template is nested too deeply") from None
    if problems:
        first = problems[0]
        raise InputError(f"{name}: not a valid template: {str(first.message).splitlines()[0][:200]}")
    if not isinstance(template, dict) or not is_template(template):
        raise InputError(f"{name}: not a CloudFormation template (no Resources with a Type)")
    return template


def line_of(node: Any) -> int | None:
    """The 1-based line a decoded node starts on, when the decoder recorded it."""
    mark = getattr(node, "start_mark", None)
    return int(mark.line) + 1 if mark is not None else None


@dataclass
class Resolver:
    """Resolves intrinsic functions against one template and its parameter values."""

    template: Mapping[str, Any]
    parameters: Mapping[str, str] = field(default_factory=dict)
    _conditions: dict[str, bool | None] = field(default_factory=dict)
    _visited: int = 0

    def __post_init__(self) -> None:
        self.resources: Mapping[str, Any] = self.template.get("Resources") or {}
        declared = self.template.get("Parameters") or {}
        unknown = sorted(set(self.parameters) - set(declared))
        if unknown:
            raise InputError(f"--parameters names parameters the template does not declare: {', '.join(unknown)}")
        self.declared: Mapping[str, Any] = declared

    def value(self, node: Any) -> Any:
        """The node with every intrinsic function resolved (AWS::NoValue entries dropped)."""
        self._visited += 1
        if self._visited > MAX_NODES:
            raise InputError(f"the template expands to over {MAX_NODES:,} values (YAML aliases?)")
        if isinstance(node, Mapping):
            if len(node) == 1:
                ((key, argument),) = node.items()
                if key == "Ref" or key.startswith("Fn::") or key == "Condition":
                    return self._function(str(key), argument)
            resolved = {str(k): self.value(v) for k, v in node.items()}
            return {k: v for k, v in resolved.items() if not _no_value(v)}
        if isinstance(node, list):
            return [v for v in (self.value(item) for item in node) if not _no_value(v)]
        return node

    def condition(self, name: str) -> bool | None:
        """A named condition's truth, None when the template cannot tell."""
        if name not in self._conditions:
            self._conditions[name] = None  # a condition that refers to itself is undecidable
            conditions = self.template.get("Conditions") or {}
            if name not in conditions:
                raise ApiShapeError(f"the template uses condition {name!r}, which it does not define")
            self._conditions[name] = self._truth(conditions[name])
        return self._conditions[name]

    def included(self, resource: Mapping[str, Any]) -> bool | None:
        """Whether a resource is created (its Condition), None when the template cannot tell."""
        name = resource.get("Condition")
        return True if name is None else self.condition(str(name))

    def _truth(self, node: Any) -> bool | None:
        value = self.value(node)
        return value if isinstance(value, bool) else None

    def _function(self, key: str, argument: Any) -> Any:
        handler = _FUNCTIONS.get(key)
        if handler is None:
            return Unresolved(f"{key} is not resolved by smguard")
        return handler(self, argument)

    def ref(self, name: Any) -> Any:
        if not isinstance(name, str):
            return Unresolved("a Ref to something that is not a name")
        if name in self.declared:
            return self._parameter(name)
        if name in self.resources:
            return Created(name)
        if name in _PSEUDO:
            return _PSEUDO[name]
        if name.startswith("AWS::"):
            return Unresolved(f"the pseudo parameter {name} is known only when deployed")
        raise ApiShapeError(f"the template refers to {name!r}, which is neither a parameter nor a resource")

    def _parameter(self, name: str) -> Any:
        declared = self.declared[name]
        kind = str(declared.get("Type", "String")) if isinstance(declared, Mapping) else "String"
        if kind.startswith("AWS::SSM::Parameter::Value"):
            return Unresolved(f"parameter {name} is read from SSM when deployed")
        if name in self.parameters:
            given: Any = self.parameters[name]
        elif isinstance(declared, Mapping) and "Default" in declared:
            given = declared["Default"]
        else:
            return Unresolved(f"parameter {name} has no default and no value was given (--parameters)")
        if kind.startswith("List<") or kind == "CommaDelimitedList":
            return given if isinstance(given, list) else [v.strip() for v in str(given).split(",") if v.strip()]
        return given if isinstance(given, str) else str(given).lower() if isinstance(given, bool) else str(given)


_NO_VALUE = Unresolved("AWS::NoValue")
# Pseudo parameters the template decides (the commercial partition; others are known when deployed).
_PSEUDO: dict[str, Any] = {"AWS::NoValue": _NO_VALUE, "AWS::Partition": "aws", "AWS::URLSuffix": "amazonaws.com"}


def _no_value(value: Any) -> bool:
    return value is _NO_VALUE


def _opaque(value: Any) -> bool:
    return isinstance(value, Created | Unresolved)


def _get_att(resolver: Resolver, argument: Any) -> Any:
    parts = argument.split(".", 1) if isinstance(argument, str) else resolver.value(argument)
    if not isinstance(parts, list) or len(parts) != 2 or not all(isinstance(p, str) for p in parts):
        return Unresolved("Fn::GetAtt of something that is not Resource.Attribute")
    if parts[0] not in resolver.resources:
        raise ApiShapeError(f"Fn::GetAtt names {parts[0]!r}, which is not a resource of the template")
    if _opaque_type(resolver.resources[parts[0]]):
        return Unresolved(f"{parts[0]}.{parts[1]} is whatever another template or a custom resource returns")
    return Created(parts[0], parts[1])


# Resources whose attributes are whatever another template or a function returns: a nested
# stack's outputs, a custom resource's data. Unknown, where another resource's attributes are set.
_OPAQUE_TYPES = ("AWS::CloudFormation::Stack", "AWS::Serverless::Application", "AWS::CloudFormation::CustomResource")


def _opaque_type(resource: Any) -> bool:
    kind = resource.get("Type") if isinstance(resource, Mapping) else None
    return isinstance(kind, str) and (kind in _OPAQUE_TYPES or kind.startswith("Custom::"))


def _sub(resolver: Resolver, argument: Any) -> Any:
    if isinstance(argument, str):
        text, variables = argument, {}
    elif isinstance(argument, list) and len(argument) == 2 and isinstance(argument[1], Mapping):
        text, variables = argument[0], {k: resolver.value(v) for k, v in argument[1].items()}
    else:
        return Unresolved("Fn::Sub of an unexpected shape")
    if not isinstance(text, str):
        return Unresolved("Fn::Sub of something that is not a string")
    missing: list[Any] = []

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        value = (
            variables[name]
            if name in variables
            else resolver.ref(name)
            if "." not in name
            else _get_att(resolver, name)
        )
        if isinstance(value, str):
            return value
        if isinstance(value, Created):
            return created_text(value)
        missing.append(value)
        return ""

    result = _SUB.sub(replace, text).replace("${!", "${")
    return missing[0] if missing else result


def _join(resolver: Resolver, argument: Any) -> Any:
    value = resolver.value(argument)
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], str)):
        return value if _opaque(value) else Unresolved("Fn::Join of an unexpected shape")
    delimiter, items = value
    if _opaque(items):
        return items
    if not isinstance(items, list):
        return Unresolved("Fn::Join of something that is not a list")
    unresolved = [i for i in items if not isinstance(i, str | Created)]
    if unresolved:
        return next((i for i in unresolved if isinstance(i, Unresolved)), Unresolved("Fn::Join of a non-string"))
    return delimiter.join(created_text(i) if isinstance(i, Created) else i for i in items)


def _base64(resolver: Resolver, argument: Any) -> Any:
    """A lifecycle script's text, encoded as CloudFormation does (UTF-8, then Base64)."""
    value = resolver.value(argument)
    if isinstance(value, str):
        return base64.b64encode(value.encode()).decode()
    return value if _opaque(value) else Unresolved("Fn::Base64 of something that is not text")


def _select(resolver: Resolver, argument: Any) -> Any:
    value = resolver.value(argument)
    if not (isinstance(value, list) and len(value) == 2):
        return value if _opaque(value) else Unresolved("Fn::Select of an unexpected shape")
    index, items = value
    if _opaque(index) or _opaque(items):
        return index if _opaque(index) else items
    try:
        return items[int(index)]
    except (ValueError, TypeError, IndexError):
        return Unresolved("Fn::Select out of range")


def _split(resolver: Resolver, argument: Any) -> Any:
    value = resolver.value(argument)
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value):
        return value[1].split(value[0])
    return Unresolved("Fn::Split of a value known only when deployed")


def _find_in_map(resolver: Resolver, argument: Any) -> Any:
    value = resolver.value(argument)
    if not (isinstance(value, list) and len(value) >= 3):
        return value if _opaque(value) else Unresolved("Fn::FindInMap of an unexpected shape")
    if any(_opaque(v) for v in value[:3]):
        return Unresolved("Fn::FindInMap with a key known only when deployed")
    mappings = resolver.template.get("Mappings") or {}
    try:
        return resolver.value(mappings[value[0]][value[1]][value[2]])
    except (KeyError, TypeError):
        raise ApiShapeError(f"Fn::FindInMap looks up {value[:3]}, which the template's Mappings do not hold") from None


def _if(resolver: Resolver, argument: Any) -> Any:
    if not (isinstance(argument, list) and len(argument) == 3 and isinstance(argument[0], str)):
        return Unresolved("Fn::If of an unexpected shape")
    truth = resolver.condition(argument[0])
    if truth is None:
        return Unresolved(f"condition {argument[0]} is decided only when deployed")
    return resolver.value(argument[1] if truth else argument[2])


def _equals(resolver: Resolver, argument: Any) -> Any:
    value = resolver.value(argument)
    if not (isinstance(value, list) and len(value) == 2) or any(_opaque(v) for v in value):
        return Unresolved("Fn::Equals of a value known only when deployed")
    return value[0] == value[1]


def _logic(operator: str) -> Any:
    def evaluate(resolver: Resolver, argument: Any) -> Any:
        values = [resolver._truth(v) for v in argument] if isinstance(argument, list) else [None]
        if operator == "Fn::Not":
            return Unresolved("Fn::Not of an undecided condition") if values[0] is None else not values[0]
        decided = [v for v in values if v is not None]
        if operator == "Fn::And":
            return False if False in decided else True if len(decided) == len(values) else Unresolved("undecided")
        return True if True in decided else False if len(decided) == len(values) else Unresolved("undecided")

    return evaluate


def _condition(resolver: Resolver, argument: Any) -> Any:
    truth = resolver.condition(str(argument))
    return Unresolved(f"condition {argument} is decided only when deployed") if truth is None else truth


_FUNCTIONS = {
    "Ref": lambda r, a: r.ref(a),
    "Fn::GetAtt": _get_att,
    "Fn::Sub": _sub,
    "Fn::Join": _join,
    "Fn::Select": _select,
    "Fn::Split": _split,
    "Fn::FindInMap": _find_in_map,
    "Fn::If": _if,
    "Fn::Equals": _equals,
    "Fn::And": _logic("Fn::And"),
    "Fn::Or": _logic("Fn::Or"),
    "Fn::Not": _logic("Fn::Not"),
    "Condition": _condition,
    "Fn::ImportValue": lambda r, a: Unresolved("Fn::ImportValue reads another stack's output"),
    "Fn::GetAZs": lambda r, a: Unresolved("Fn::GetAZs is known only when deployed"),
    "Fn::Base64": _base64,
    "Fn::Cidr": lambda r, a: Unresolved("Fn::Cidr is not worked out"),
}


def parameters_file(text: str, name: str) -> dict[str, str]:
    """``--parameters``: CloudFormation's ``[{ParameterKey, ParameterValue}]`` JSON, or ``Key=Value`` lines."""
    from smguard.jsonio import loads

    stripped = text.strip()
    if stripped.startswith("["):
        try:
            entries = loads(stripped)
        except ValueError as exc:
            raise InputError(f"{name}: not valid JSON ({str(exc)[:80]})") from None
        if not isinstance(entries, list) or not all(
            isinstance(e, Mapping) and isinstance(e.get("ParameterKey"), str) for e in entries
        ):
            raise InputError(f"{name}: expected a list of {{ParameterKey, ParameterValue}} objects")
        return {str(e["ParameterKey"]): str(e.get("ParameterValue", "")) for e in entries}
    found = {}
    for number, line in enumerate(stripped.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            key, sep, value = line.partition("=")
            if not sep or not key.strip():
                raise InputError(f"{name}:{number}: expected Key=Value")
            found[key.strip()] = value.strip()
    return found
