package smguard.rules.hosting.trusted_images_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.hosting.trusted_images as rule

with_containers(containers) := {"resources": {"models": [
	object.union(inputs.hardened_model, {"containers": containers}),
]}}

ecr := "111122223333.dkr.ecr.eu-west-1.amazonaws.com/serve:1"

hub := "docker.io/library/serve:1"

test_pass_ecr_image if {
	count(rule.findings) == 0 with input as with_containers([{"image": ecr, "repository_access_mode": "Platform"}])
}

test_pass_ecr_in_china_and_fips if {
	images := [
		"111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn/serve:1",
		"111122223333.dkr.ecr-fips.us-east-1.amazonaws.com/serve:1",
	]
	containers := [{"image": i, "repository_access_mode": "Platform"} | some i in images]
	count(rule.findings) == 0 with input as with_containers(containers)
}

test_pass_private_registry_through_the_vpc if {
	count(rule.findings) == 0 with input as with_containers([{"image": hub, "repository_access_mode": "Vpc"}])
}

test_fail_public_image if {
	some finding in rule.findings with input as with_containers([{"image": hub, "repository_access_mode": "Platform"}])
	finding.status == "fail"
	finding.message == "image docker.io/library/serve:1 is not in Amazon ECR and not pulled through the VPC"
}

test_fail_lookalike_host if {
	image := "111122223333.dkr.ecr.eu-west-1.amazonaws.com.evil.example/serve:1"
	verdicts := inputs.verdicts(rule.findings) with input as with_containers([{
		"image": image,
		"repository_access_mode": "Platform",
	}])
	verdicts == {["SM407", "model", "fail"]}
}

test_fail_ecr_of_an_account_not_listed if {
	some finding in rule.findings with input as with_containers([{"image": ecr, "repository_access_mode": "Platform"}])
		with data.smguard.config as {"hosting": {"image_accounts": ["444455556666"]}}
	finding.message == concat("", [
		"image 111122223333.dkr.ecr.eu-west-1.amazonaws.com/serve:1 is from account 111122223333, ",
		"not one of hosting.image_accounts",
	])
}

test_pass_ecr_of_a_listed_account if {
	count(rule.findings) == 0 with input as with_containers([{"image": ecr, "repository_access_mode": "Platform"}])
		with data.smguard.config as {"hosting": {"image_accounts": ["111122223333"]}}
}

test_unknown_image if {
	verdicts := inputs.verdicts(rule.findings) with input as with_containers([{
		"image": null,
		"repository_access_mode": "Platform",
	}])
	verdicts == {["SM407", "model", "unknown"]}
}

test_unknown_mode_of_a_public_image if {
	container := {"image": hub, "repository_access_mode": null}
	verdicts := inputs.verdicts(rule.findings) with input as with_containers([container])
	verdicts == {["SM407", "model", "unknown"]}
}

test_unknown_containers if {
	doc := {"resources": {"models": [object.union(inputs.hardened_model, {
		"containers": null,
		"meta": {"unknown": ["containers"]},
	})]}}
	inputs.verdicts(rule.findings) == {["SM407", "model", "unknown"]} with input as doc
}

test_fail_beats_unknown if {
	containers := [
		{"image": hub, "repository_access_mode": "Platform"},
		{"image": null, "repository_access_mode": "Platform"},
	]
	inputs.verdicts(rule.findings) == {["SM407", "model", "fail"]} with input as with_containers(containers)
}
