"""The resources of a plan, joined to their configuration and findable by address or reference."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from smguard.errors import MalformedResourceError
from smguard.frontends.terraform.address import IGNORED_REFERENCES, ResourceRef, module_names, parse_reference
from smguard.frontends.terraform.values import PlanResource

if TYPE_CHECKING:
    from smguard.frontends.terraform.network import Network

ConfigKey = tuple[tuple[str, ...], str]


@dataclass
class PlanIndex:
    resources: list[PlanResource] = field(default_factory=list)
    malformed: list[MalformedResourceError] = field(default_factory=list)
    _by_module_key: dict[tuple[str, str], list[PlanResource]] = field(default_factory=lambda: defaultdict(list))
    _by_known_id: dict[tuple[str, str], PlanResource] = field(default_factory=dict)
    _referrers: dict[tuple[str, str], dict[str, list[PlanResource]]] = field(default_factory=dict)
    _by_name: dict[str, dict[str, list[PlanResource]]] = field(default_factory=dict)
    subnet_networks: dict[str, Network] = field(default_factory=dict, repr=False, compare=False)
    """Each subnet's network by its address, worked out once, as many resources share one subnet.
    Filled by the mappers, which run only after every resource has been added."""

    def add(self, resource: PlanResource) -> None:
        self.resources.append(resource)
        self._by_module_key[(resource.module_address, resource.local_key)].append(resource)
        known_id = resource.after.get("id")
        if isinstance(known_id, str):
            self._by_known_id[(resource.type, known_id)] = resource

    def of_type(self, *types: str) -> Iterator[PlanResource]:
        return (r for r in self.resources if r.type in types)

    def with_id(self, type_: str, resource_id: str) -> PlanResource | None:
        """A resource of ``type_`` (managed or data) whose ``id`` is known and equal."""
        return self._by_known_id.get((type_, resource_id))

    def named(self, type_: str, name: str) -> list[PlanResource]:
        """Resources of ``type_`` whose ``name`` attribute is known and equal (models, endpoint configs)."""
        if type_ not in self._by_name:
            by_name: dict[str, list[PlanResource]] = defaultdict(list)
            for resource in self.of_type(type_):
                known = resource.after.get("name")
                if isinstance(known, str):
                    by_name[known].append(resource)
            self._by_name[type_] = by_name
        return self._by_name[type_].get(name, [])

    def referenced(self, resource: PlanResource, *path: str | int) -> list[PlanResource]:
        """The resource instances an attribute's configuration refers to (same module instance).

        Every reference counts (a conditional names both branches); the caller decides whether
        the instances agree. Empty when a reference cannot be followed (a variable, a local, a
        module output), because the value may come from there.
        """
        by_key: dict[str, list[ResourceRef]] = defaultdict(list)
        for reference in resource.references(*path):
            if reference.split(".", 1)[0] in IGNORED_REFERENCES:
                continue
            target = parse_reference(reference)
            if target is None:
                return []
            by_key[target.local_key].append(target)
        found: dict[str, PlanResource] = {}
        for local_key, targets in by_key.items():
            # "aws_subnet.a[0].id" is listed with "aws_subnet.a"; the indexed form is the precise one.
            indexes = {t.index for t in targets if t.index is not None}
            candidates = [
                c
                for c in self._by_module_key.get((resource.module_address, local_key), [])
                if not indexes or c.index in indexes
            ]
            if not candidates:
                return []
            found.update((c.address, c) for c in candidates)
        return list(found.values())

    def referencing(self, target: PlanResource, type_: str, attribute: str) -> list[PlanResource]:
        """Resources of ``type_`` whose ``attribute`` refers to ``target`` (by reference or by its known ID)."""
        key = (type_, attribute)
        if key not in self._referrers:
            # Built once per (type, attribute): a reverse index, so callers never loop over loops.
            reverse: dict[str, list[PlanResource]] = defaultdict(list)
            for resource in self.of_type(type_):
                for referenced in self.referenced(resource, attribute):
                    reverse[referenced.address].append(resource)
                value = resource.after.get(attribute)
                if isinstance(value, str):
                    reverse[f"id:{value}"].append(resource)
            self._referrers[key] = reverse
        reverse = self._referrers[key]
        found = list(reverse.get(target.address, []))
        known_id = target.after.get("id")
        if isinstance(known_id, str):
            found += [r for r in reverse.get(f"id:{known_id}", []) if r not in found]
        return found


def configuration_index(configuration: Any) -> dict[ConfigKey, Mapping[str, Any]]:
    """Expressions of every resource block, keyed by (module names, local key)."""
    index: dict[ConfigKey, Mapping[str, Any]] = {}
    if isinstance(configuration, Mapping):
        _index_module(configuration.get("root_module"), (), index)
    return index


def _index_module(module: Any, path: tuple[str, ...], index: dict[ConfigKey, Mapping[str, Any]]) -> None:
    if not isinstance(module, Mapping):
        return
    resources = module.get("resources")
    for block in resources if isinstance(resources, list) else []:
        if not isinstance(block, Mapping):
            continue
        address, expressions = block.get("address"), block.get("expressions", {})
        if isinstance(address, str) and isinstance(expressions, Mapping):
            index[(path, address)] = expressions
    calls = module.get("module_calls")
    for name, call in calls.items() if isinstance(calls, Mapping) else []:
        if isinstance(call, Mapping):
            _index_module(call.get("module"), (*path, name), index)


def plan_resource(
    entry: Any,
    *,
    config: Mapping[ConfigKey, Mapping[str, Any]] | None,
    from_changes: bool,
    module_address: str = "",
    root_variables: Mapping[str, Any],
) -> PlanResource | MalformedResourceError | None:
    """One ``resource_changes`` or ``planned_values`` entry; None for a resource being deleted."""
    try:
        return _plan_resource(entry, config, from_changes, module_address, root_variables)
    except MalformedResourceError as problem:
        return problem


def _plan_resource(
    entry: Any,
    config: Mapping[ConfigKey, Mapping[str, Any]] | None,
    from_changes: bool,
    module_address: str,
    root_variables: Mapping[str, Any],
) -> PlanResource | None:
    if not isinstance(entry, Mapping):
        raise MalformedResourceError("(unnamed)", f"a resource entry is a {type(entry).__name__}, not an object")
    address = entry.get("address")
    if not isinstance(address, str) or not address:
        raise MalformedResourceError("(unnamed)", "a resource entry has no address")
    for key in ("type", "name"):
        if not isinstance(entry.get(key), str):
            raise MalformedResourceError(address, f"{key} is missing or not a string")
    if from_changes:
        change = entry.get("change")
        if not isinstance(change, Mapping):
            raise MalformedResourceError(address, "change is missing or not an object")
        after, unknown, sensitive = (
            change.get("after"),
            change.get("after_unknown", {}),
            change.get("after_sensitive", {}),
        )
        module_address = entry.get("module_address", "")
    else:
        after, unknown, sensitive = entry.get("values"), {}, entry.get("sensitive_values", {})
    if after is None:
        return None
    if not isinstance(after, Mapping):
        raise MalformedResourceError(address, f"planned values are a {type(after).__name__}, not an object")
    if not isinstance(module_address, str):
        raise MalformedResourceError(address, "module_address is not a string")
    mode = entry.get("mode", "managed")
    if mode not in ("managed", "data"):
        raise MalformedResourceError(address, f"mode {mode!r} is neither managed nor data")
    index = entry.get("index")
    local_key = f"{'data.' if mode == 'data' else ''}{entry['type']}.{entry['name']}"
    return PlanResource(
        address=address,
        mode=mode,
        type=entry["type"],
        name=entry["name"],
        index=index if isinstance(index, int | str) else None,
        module_address=module_address,
        after=after,
        after_unknown=unknown if isinstance(unknown, Mapping | bool) else {},
        after_sensitive=sensitive if isinstance(sensitive, Mapping | bool) else {},
        expressions=None if config is None else config.get((module_names(module_address), local_key)),
        marks_unknowns=from_changes,
        root_variables=root_variables,
    )
