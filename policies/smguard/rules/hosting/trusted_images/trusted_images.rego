# METADATA
# title: SageMaker model images come from a trusted registry
# description: |
#   A model's containers run the code of their images. An image from a public registry can be
#   replaced under the same tag, and pulling it needs a route to the internet. Images are trusted
#   when they are in Amazon ECR, or pulled from a private registry through the VPC
#   (ImageConfig.RepositoryAccessMode Vpc); with hosting.image_accounts configured, only ECR
#   images of those accounts are (list AWS's own accounts, such as those of the Deep Learning
#   Containers, when models use them). A container of a model package is judged by the package.
#   Security Hub SageMaker.16 and .19 require Vpc mode for every image, so this rule meets them
#   only in part.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/your-algorithms-containers-inference-private.html
#     description: Use a private Docker registry for real-time inference containers
# schemas:
#   - input: schema.input
# custom:
#   id: SM407
#   severity: MEDIUM
#   checkov_mirror: true
#   resource: model
#   remediation: >-
#     Push the image to Amazon ECR (of an account in hosting.image_accounts when set), or pull it
#     from your private registry through the VPC (image_config { repository_access_mode = "Vpc" }
#     in Terraform; ImageConfig.RepositoryAccessMode in CreateModel).
#   compliance:
#     - control: SageMaker.16
#       partial: the control requires Vpc mode; ECR images pass here
#     - control: SageMaker.19
#       partial: the control requires Vpc mode; ECR images pass here
package smguard.rules.hosting.trusted_images

import data.smguard.lib.config
import data.smguard.lib.result
import data.smguard.lib.value

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some model in input.resources.models
	untrusted := {_describe(c) | some c in model.containers; _untrusted(c)}
	count(untrusted) > 0
	finding := result.fail(_rule, model, "containers", concat("; ", sort(untrusted)))
}

findings contains finding if {
	some model in input.resources.models
	count({c | some c in model.containers; _untrusted(c)}) == 0
	_undecided(model)
	finding := result.unknown(_rule, model, "containers")
}

_undecided(model) if value.undecided(model, "containers")

_undecided(model) if {
	some container in model.containers
	not _trusted(container)
	not _untrusted(container)
}

# Pulled through the VPC from a private registry: trusted, whatever the image.
_trusted(container) if container.repository_access_mode == "Vpc"

_trusted(container) if _allowed(_ecr_account(container.image))

# Known to come from outside ECR (or from an account not listed) over the platform's network.
_untrusted(container) if {
	container.repository_access_mode == "Platform"
	is_string(container.image)
	not _trusted(container)
}

_allowed(_) if count(config.image_accounts) == 0

_allowed(account) if account in config.image_accounts

# The account of an Amazon ECR image URI (any partition); undefined for any other image.
_ecr_account(image) := split(image, ".")[0] if {
	is_string(image)
	regex.match(`^[0-9]{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?/`, image)
}

_describe(container) := sprintf("image %s is not in Amazon ECR and not pulled through the VPC", [
	container.image,
]) if {
	not _ecr_account(container.image)
}

_describe(container) := sprintf("image %s is from account %s, not one of hosting.image_accounts", [
	container.image, _ecr_account(container.image),
])
