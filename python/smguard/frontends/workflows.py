"""The SageMaker jobs a workflow definition starts: pipeline steps and Step Functions tasks.

Shared by the Terraform frontend and the Checkov mirrors, so both see the same jobs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from smguard.model import JobKind

_PIPELINE_STEPS: dict[str, JobKind] = {"Training": "training", "Tuning": "tuning", "Processing": "processing"}
_SFN_TASKS: dict[str, JobKind] = {
    "createtrainingjob": "training",
    "createhyperparametertuningjob": "tuning",
    "createprocessingjob": "processing",
}

# arn:aws:states:::sagemaker:createTrainingJob.sync and the SDK integration
# arn:aws:states:::aws-sdk:sagemaker:createTrainingJob, in every partition.
_SFN_TASK = re.compile(r"arn:aws[a-z-]*:states:::(?:aws-sdk:)?sagemaker:([a-z]+)(?:\.[a-z:]+)?")

Job = tuple[str, JobKind, Any]  # (where, kind, request)


def pipeline_jobs(definition: Any) -> list[Job] | None:
    """("#<step name>", kind, arguments) per job step, including steps inside Condition steps.

    None when the definition has no Steps list.
    """
    steps = definition.get("Steps") if isinstance(definition, Mapping) else None
    if not isinstance(steps, list):
        return None
    jobs: list[Job] = []
    stack = list(reversed(steps))
    while stack:
        step = stack.pop()
        if not isinstance(step, Mapping):
            continue
        kind = _PIPELINE_STEPS.get(str(step.get("Type")))
        if kind is not None:
            jobs.append((f"#{step.get('Name')}", kind, step.get("Arguments")))
        arguments = step.get("Arguments")
        if step.get("Type") == "Condition" and isinstance(arguments, Mapping):
            for branch in ("IfSteps", "ElseSteps"):
                nested = arguments.get(branch)
                stack.extend(reversed(nested) if isinstance(nested, list) else [])
    return jobs


def pipeline_placeholder(value: Any) -> bool:
    """``{"Get": "Parameters.Subnets"}``, ``{"Std:Join": …}``: filled in when the pipeline runs."""
    return isinstance(value, Mapping) and any(k == "Get" or str(k).startswith("Std:") for k in value)


def state_machine_jobs(definition: Any) -> list[Job]:
    """("#<state path>", kind, parameters) per SageMaker job task, in Parallel branches and Maps too."""
    jobs: list[Job] = []
    for path, state in _states(definition):
        task = _SFN_TASK.fullmatch(str(state.get("Resource", "")).lower())
        if state.get("Type") != "Task" or task is None:
            continue
        kind = _SFN_TASKS.get(task.group(1))
        if kind is not None:
            jobs.append((f"#{path}", kind, state.get("Parameters", state.get("Arguments"))))
    return jobs


def _states(definition: Any) -> Iterator[tuple[str, Mapping[str, Any]]]:
    # A stack, not recursion: a definition may nest Parallel states as deep as its JSON allows.
    stack: list[tuple[Any, str]] = [(definition, "")]
    while stack:
        machine, prefix = stack.pop()
        states = machine.get("States") if isinstance(machine, Mapping) else None
        for name, state in states.items() if isinstance(states, Mapping) else []:
            if not isinstance(state, Mapping):
                continue
            path = f"{prefix}{name}"
            yield path, state
            branches = state.get("Branches")
            stack.extend((b, f"{path}/{i}/") for i, b in enumerate(branches if isinstance(branches, list) else []))
            stack.extend((state.get(key), f"{path}/") for key in ("Iterator", "ItemProcessor"))


def state_machine_placeholder(value: Any) -> bool:
    """JSONata ``{% … %}`` strings; JSONPath values are caught by their ``.$`` keys."""
    return isinstance(value, str) and value.startswith("{%") and value.endswith("%}")
