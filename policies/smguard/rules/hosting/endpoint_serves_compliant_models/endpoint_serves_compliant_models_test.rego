package smguard.rules.hosting.endpoint_serves_compliant_models_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.hosting.endpoint_serves_compliant_models as rule

test_pass_clean_chain if {
	count(rule.findings) == 0 with input as inputs.hosting(inputs.hardened_config, [inputs.hardened_model])
}

test_fail_model_without_isolation if {
	model := object.union(inputs.hardened_model, {"enable_network_isolation": false})
	some finding in rule.findings with input as inputs.hosting(inputs.hardened_config, [model])
	[finding.rule_id, finding.resource, finding.status] == ["SM405", "endpoint", "fail"]
	finding.message == "serves models without VPC or network isolation: model"
}

test_fail_shadow_model_without_vpc if {
	shadow := object.union(inputs.hardened_model, {"meta": {"id": "shadow"}, "subnets": null})
	variants := array.concat(inputs.hardened_config.variants, [{
		"variant_name": "s", "shadow": true, "model_name": "shadow", "model": "shadow",
		"enable_ssm_access": false,
	}])
	config := object.union(inputs.hardened_config, {"variants": variants})
	verdicts := inputs.verdicts(rule.findings) with input as inputs.hosting(config, [inputs.hardened_model, shadow])
	verdicts == {["SM405", "endpoint", "fail"]}
}

test_unknown_when_model_is_outside_the_input if {
	verdicts := inputs.verdicts(rule.findings) with input as inputs.hosting(inputs.hardened_config, [])
	verdicts == {["SM405", "endpoint", "unknown"]}
}

test_unknown_when_config_is_outside_the_input if {
	doc := inputs.hosting(inputs.hardened_config, [inputs.hardened_model])
	no_config := object.union(doc, {"resources": {"endpoint_configs": []}})
	inputs.verdicts(rule.findings) == {["SM405", "endpoint", "unknown"]} with input as no_config
}

test_unknown_isolation if {
	model := object.union(inputs.hardened_model, {
		"enable_network_isolation": null,
		"meta": {"unknown": ["enable_network_isolation"]},
	})
	verdicts := inputs.verdicts(rule.findings) with input as inputs.hosting(inputs.hardened_config, [model])
	verdicts == {["SM405", "endpoint", "unknown"]}
}

test_known_failure_wins_over_unknowns if {
	bad := object.union(inputs.hardened_model, {"enable_network_isolation": false})
	config := object.union(inputs.hardened_config, {"variants": array.concat(inputs.hardened_config.variants, [{
		"variant_name": "x", "shadow": false, "model_name": "elsewhere", "model": null, "enable_ssm_access": false,
	}])})
	inputs.verdicts(rule.findings) == {["SM405", "endpoint", "fail"]} with input as inputs.hosting(config, [bad])
}

# Two plans of the same code (dev, prod): dev's endpoint is never judged by prod's model.
test_chain_never_crosses_inputs if {
	prod_model := object.union(inputs.hardened_model, {"meta": {"location": "prod.json"}})
	verdicts := inputs.verdicts(rule.findings) with input as inputs.hosting(inputs.hardened_config, [prod_model])
	verdicts == {["SM405", "endpoint", "unknown"]}
}
