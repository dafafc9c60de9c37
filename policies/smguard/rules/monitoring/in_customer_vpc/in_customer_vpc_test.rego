package smguard.rules.monitoring.in_customer_vpc_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.monitoring.in_customer_vpc as rule

job(fields) := object.union(
	{
		"meta": {"id": "r", "location": "test", "unknown": [], "pending": []},
		"kind": "data_quality", "subnets": ["subnet-1"], "security_group_ids": ["sg-1"],
	},
	fields,
)

test_fail_no_vpc_config_names_the_field if {
	some finding in rule.findings with input as {"resources": {"monitoring_jobs": [job({"subnets": []})]}}
	finding.status == "fail"
	finding.message == concat("", [
		"the data quality job definition has no NetworkConfig.VpcConfig.Subnets: ",
		"it runs in a SageMaker-managed VPC",
	])
}

test_fail_schedule_names_its_inline_definition if {
	some finding in rule.findings with input as {"resources": {"monitoring_jobs": [job({
		"kind": "schedule",
		"security_group_ids": [],
	})]}}
	finding.message == concat("", [
		"the monitoring schedule's job definition has no ",
		"MonitoringScheduleConfig.MonitoringJobDefinition.NetworkConfig.VpcConfig.SecurityGroupIds",
	])
}

test_fail_absent_means_no_vpc if {
	doc := {"resources": {"monitoring_jobs": [job({"subnets": null, "security_group_ids": null})]}}
	inputs.verdicts(rule.findings) == {["SM703", "r", "fail"]} with input as doc
}

test_unknown_subnets if {
	unknown := job({"subnets": null, "meta": {"unknown": ["subnets"]}})
	doc := {"resources": {"monitoring_jobs": [unknown]}}
	inputs.verdicts(rule.findings) == {["SM703", "r", "unknown"]} with input as doc
}

test_known_failure_before_unknown if {
	doc := {"resources": {"monitoring_jobs": [job({
		"subnets": null, "security_group_ids": [],
		"meta": {"unknown": ["subnets"]},
	})]}}
	inputs.verdicts(rule.findings) == {["SM703", "r", "fail"]} with input as doc
}

test_unknown_kind_still_judged if {
	doc := {"resources": {"monitoring_jobs": [job({"kind": "from_a_later_version", "subnets": []})]}}
	inputs.verdicts(rule.findings) == {["SM703", "r", "fail"]} with input as doc
}

test_pass_in_vpc if {
	count(rule.findings) == 0 with input as {"resources": {"monitoring_jobs": [job({})]}}
}
