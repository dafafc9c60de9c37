# METADATA
# title: Input is readable for every resource
# description: |
#   A resource whose configuration could not be read (a malformed attribute, a policy that does
#   not parse, an API call that failed) cannot be judged. It is reported as an error so that it
#   is never mistaken for a compliant resource. So is an input that is not an smguard document at
#   all (a raw plan sent to OPA or conftest, a misspelt key), which every rule would pass; a
#   resource without an ID, which no finding could name; and two different resources of one kind
#   under one ID in one input, which no join could tell apart. So is a config that is not valid
#   (an unknown section or rule, a waiver without an expiry date), on the routes where OPA or
#   conftest is given it directly.
# schemas:
#   - input: schema.input
# custom:
#   id: SM001
#   severity: HIGH
#   checkov_not_mirrored: >-
#     read errors are smguard's own; Checkov reports its own parse failures
#   always_on: true
#   resource: any
#   remediation: >-
#     Fix the input named in the message (or, for live scans, grant the read permission the
#     failed API call needs) and scan again.
package smguard.rules.meta.input_readable

import data.smguard.lib.config
import data.smguard.lib.group
import data.smguard.lib.result

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some problem in input.errors
	finding := result.error(_rule, problem)
}

# A config the CLI would refuse, given to OPA or conftest as data: every problem is reported,
# as a waiver that is not complete or a rule ID that does not exist would otherwise be ignored.
findings contains finding if {
	config.unchecked # not an absent config, nor one its bundle validated when it was built
	some problem in config.problems
	finding := result.error(_rule, object.union(_config_problem, {"message": problem}))
}

findings contains finding if {
	not _document
	message := concat("", [
		"the input is not an smguard document (schema_version ", format_int(schema_version, 10),
		" with lists of resources and errors); convert it with `smguard convert` first",
	])
	finding := result.error(_rule, {"resource": "(input)", "location": "", "message": message})
}

# Two different resources of one kind under one ID in one input: what refers to that ID could
# mean either, so it is not judged (identical copies, as of one file passed twice, are one).
findings contains finding if {
	_shared_ids # grouping costs more than counting, and in most inputs every ID is given once
	some key, resources in _by_id
	count(resources) > 1
	[kind, location, id] := key
	message := sprintf("%d different %s share this ID in one input: what refers to it is not judged", [
		count(resources), kind,
	])
	finding := result.error(_rule, {"resource": id, "location": location, "message": message})
}

# A resource without an ID would be judged by no rule, since every finding names one.
findings contains finding if {
	_shared_ids # also when a resource has no ID
	some kind, listed in input.resources
	some i, resource in listed
	not _identified(resource)
	message := sprintf("%s[%d] has no meta.id, so no rule can judge it", [kind, i])
	finding := result.error(_rule, {"resource": "(input)", "location": "", "message": message})
}

_config_problem := {"resource": "(config)", "location": "data.smguard.config"}

_by_id := group.by_key([[_key(kind, resource), resource] |
	some kind, resources in input.resources
	some resource in resources
])

# Kind by kind, without a call per resource (a kind is one list, so the key is its location and
# ID). Counted as they are iterated, so a kind that is not a list is no type error.
_shared_ids if {
	some listed in input.resources
	listed != [] # most kinds of most inputs, and of every admission request
	resources := [resource | some resource in listed]
	ids := {[object.get(resource.meta, "location", ""), resource.meta.id] |
		some resource in resources
		is_string(resource.meta.id)
	}
	count(ids) != count(resources)
}

_key(kind, resource) := [kind, object.get(resource.meta, "location", ""), resource.meta.id] if _identified(resource)

_identified(resource) if is_string(resource.meta.id)

# METADATA
# description: smguard.model.SCHEMA_VERSION; tests/meta checks the two agree.
schema_version := 3

_document if {
	input.schema_version == schema_version
	is_object(input.resources)

	# Every kind a list, or every rule would pass that kind. Counted: `every` costs more steps.
	count(input.resources) == count([1 | some listed in input.resources; is_array(listed)])
	is_array(input.errors)
}
