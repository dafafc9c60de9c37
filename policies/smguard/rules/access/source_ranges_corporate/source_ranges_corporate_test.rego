package smguard.rules.access.source_ranges_corporate_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.access.source_ranges_corporate as rule

corporate := {"access": {"corporate_cidrs": ["192.0.2.0/24", "2001:db8::/32"], "allowed_vpce_ids": ["vpce-1"]}}

allow_from(key, operator, values) := inputs.identity_policy([inputs.statement({
	"actions": ["sagemaker:createpresigned*"],
	"conditions": [inputs.condition(operator, key, values)],
})])

test_pass_ranges_inside_corporate_cidrs if {
	doc := allow_from("aws:SourceIp", "IpAddress", ["192.0.2.0/25", "192.0.2.7", "2001:db8:1::/48"])
	count(rule.findings) == 0 with input as doc with data.smguard.config as corporate
}

test_fail_range_outside if {
	doc := allow_from("aws:SourceIp", "IpAddress", ["192.0.2.0/24", "198.51.100.0/24", "2001:db9::/32"])
	some finding in rule.findings with input as doc with data.smguard.config as corporate
	finding.status == "fail"
	endswith(finding.message, "198.51.100.0/24, 2001:db9::/32")
}

test_fail_range_wider_than_corporate if {
	doc := allow_from("aws:SourceIp", "IpAddress", ["192.0.0.0/16"])
	inputs.verdicts(rule.findings) == {["SM203", "p", "fail"]} with input as doc with data.smguard.config as corporate
}

test_fail_deny_exempting_outside_range if {
	doc := inputs.identity_policy([
		inputs.statement({"actions": ["*"]}),
		inputs.statement({"effect": "Deny", "actions": ["sagemaker:*"], "conditions": [
			inputs.condition("NotIpAddress", "aws:SourceIp", ["203.0.113.0/24"]),
		]}),
	])
	inputs.verdicts(rule.findings) == {["SM203", "p", "fail"]} with input as doc with data.smguard.config as corporate
}

test_fail_vpce_not_allowed if {
	doc := allow_from("aws:SourceVpce", "StringEquals", ["vpce-1", "vpce-9"])
	inputs.verdicts(rule.findings) == {["SM203", "p", "fail"]} with input as doc with data.smguard.config as corporate
}

test_pass_without_config if {
	count(rule.findings) == 0 with input as allow_from("aws:SourceIp", "IpAddress", ["198.51.100.0/24"])
}

test_pass_other_actions if {
	doc := inputs.identity_policy([inputs.statement({
		"actions": ["sagemaker:createtrainingjob"],
		"conditions": [inputs.condition("IpAddress", "aws:SourceIp", ["198.51.100.0/24"])],
	})])
	count(rule.findings) == 0 with input as doc with data.smguard.config as corporate
}

test_unknown_values if {
	doc := inputs.identity_policy([inputs.statement({
		"actions": ["sagemaker:*"],
		"conditions": [object.union(inputs.condition("IpAddress", "aws:SourceIp", []), {"values_unknown": true})],
	})])
	inputs.verdicts(rule.findings) == {["SM203", "p", "unknown"]} with input as doc with data.smguard.config as corporate
}

test_pass_unknown_values_without_config_for_their_key if {
	doc := inputs.identity_policy([inputs.statement({
		"actions": ["sagemaker:*"],
		"conditions": [object.union(inputs.condition("IpAddress", "aws:SourceIp", []), {"values_unknown": true})],
	})])
	count(rule.findings) == 0 with input as doc
	count(rule.findings) == 0 with input as doc with data.smguard.config as {"access": {"allowed_vpce_ids": ["vpce-1"]}}
}
