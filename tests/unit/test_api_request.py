from typing import Any

import pytest

from smguard.frontends.api_request import OPERATIONS, convert_request


def _only(operation: str, params: dict[str, Any], kind: str) -> dict[str, Any]:
    [resource] = convert_request(operation, params)["resources"][kind]
    return resource


def test_training_job_update_judges_only_what_it_changes() -> None:
    job = _only("UpdateTrainingJob", {"TrainingJobName": "t", "RemoteDebugConfig": {"EnableRemoteDebug": False}},
                "training_jobs")  # fmt: skip
    assert job["enable_remote_debug"] is False
    assert job["meta"]["id"] == "UpdateTrainingJob:t"
    assert set(job["meta"]["unknown"]) == {
        "subnets", "security_group_ids", "enable_network_isolation", "enable_inter_container_traffic_encryption",
        "volume_kms_key_id", "output_kms_key_id",
    }  # fmt: skip


def test_an_update_that_leaves_remote_debug_alone_does_not_switch_it_off() -> None:
    job = _only("UpdateTrainingJob", {"TrainingJobName": "t", "ResourceConfig": {"KeepAlivePeriodInSeconds": 60}},
                "training_jobs")  # fmt: skip
    assert job["enable_remote_debug"] is None
    assert "enable_remote_debug" in job["meta"]["unknown"]


def test_domain_update_is_named_by_its_id_and_judged_on_network_access() -> None:
    domain = _only("UpdateDomain", {"DomainId": "d-1", "AppNetworkAccessType": "VpcOnly"}, "domains")
    assert (domain["name"], domain["app_network_access_type"]) == ("d-1", "VpcOnly")
    assert set(domain["meta"]["unknown"]) == {"vpc_id", "kms_key_id"}
    untouched = _only("UpdateDomain", {"DomainId": "d-1"}, "domains")
    assert "app_network_access_type" in untouched["meta"]["unknown"]


def test_updates_are_admission_operations() -> None:
    assert {"UpdateNotebookInstance", "UpdateTrainingJob", "UpdateDomain"} <= OPERATIONS


def test_a_malformed_update_is_an_error_not_a_pass() -> None:
    document = convert_request(
        "UpdateTrainingJob", {"TrainingJobName": "t", "RemoteDebugConfig": {"EnableRemoteDebug": "yes"}}
    )
    assert document["errors"] and "EnableRemoteDebug" in document["errors"][0]["message"]


@pytest.mark.parametrize("operation", ["CreateWorkteam", "DeleteDomain"])
def test_operations_it_does_not_judge_are_refused(operation: str) -> None:
    from smguard.errors import InputError

    with pytest.raises(InputError):
        convert_request(operation, {})
