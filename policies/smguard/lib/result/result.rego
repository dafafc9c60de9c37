# METADATA
# title: Finding builder
# description: |
#   The one place findings are built. Identity (ID, title, severity) is read from the calling
#   rule's package METADATA, so no rule ever types it: each rule package reads it once,
#   `_rule := result.identity(rego.metadata.chain())`, and passes it to the builders below
#   (`rego.metadata.chain()` itself is taken too, at its cost per call).
package smguard.lib.result

import data.smguard.lib.value

# METADATA
# description: |
#   A rule's identity from its METADATA chain. Taken once per rule (a complete rule is
#   evaluated once per query), not once per finding: reading the chain per finding, and the
#   chain itself per resource, were a fifth of a finding's cost.
identity(chain) := {
	"rule_id": annotation.custom.id,
	"title": annotation.title,
	"severity": annotation.custom.severity,
} if {
	some link in chain
	link.annotations.scope == "package"
	annotation := link.annotations
}

# METADATA
# description: |
#   The verdict on an attribute the rule found away from its secure value: unknown when the
#   input cannot know the value, fail otherwise. The rule tests the value itself, inline and
#   before any call (`not resource.x == true`), so compliant resources cost no call at all.
verdict(rule, resource, attribute, message) := _finding(rule, resource.meta, attribute, message, "fail") if {
	not attribute in resource.meta.unknown
} else := unknown(rule, resource, attribute)

# METADATA
# description: |
#   The same with the compliance decided by the caller (as users' rules call it): unknown
#   when the input cannot know the value, fail when it is known and not compliant.
decide(rule, resource, attribute, compliant, message) := unknown(rule, resource, attribute) if {
	attribute in resource.meta.unknown
} else := verdict(rule, resource, attribute, message) if {
	compliant == false
}

# METADATA
# description: A finding for a resource that is not in the rule's secure state.
fail(rule, resource, attribute, message) := _finding(rule, resource.meta, attribute, message, "fail")

# METADATA
# description: A finding for a resource whose deciding value cannot be known from the input.
unknown(rule, resource, attribute) := _finding(
	rule, resource.meta, attribute,
	concat("", [attribute, " cannot be known from this input (e.g. known only after apply)"]),
	"unknown",
)

# METADATA
# description: The same, when the input says why the value cannot be known.
unknown_because(rule, resource, attribute, message) := _finding(rule, resource.meta, attribute, message, "unknown")

# METADATA
# scope: document
# description: |
#   The verdict on an attribute that must be set: unknown when not even that can be known,
#   fail when it is known not to be set, undefined (no finding) when it is set.
require(rule, resource, attribute, message) := unknown(rule, resource, attribute) if {
	attribute in resource.meta.unknown # value.undecided, without its call
	not attribute in resource.meta.pending
} else := _finding(rule, resource.meta, attribute, message, "fail") if {
	# not value.present, without its call (the rule tested the same already, inline)
	object.get(resource, attribute, null) in value.unset
	not attribute in resource.meta.pending
}

# METADATA
# description: |
#   The one finding reported for several checks of a resource: a known failure before an
#   unknown, so what cannot be known never hides what is known to be wrong.
strongest(verdicts) := fails[0] if {
	fails := [verdict | some verdict in verdicts; verdict.status == "fail"]
	count(fails) > 0
} else := verdicts[0]

# METADATA
# description: |
#   Of the attributes a rule found unset (each not pending), the one its finding reports: the
#   first known to be unset before the first that cannot be known, as strongest picks among
#   require's verdicts on them, without building the verdicts it would drop.
reported(resource, attributes) := known[0] if {
	known := [attribute | some attribute in attributes; not attribute in resource.meta.unknown]
	known != []
} else := attributes[0]

# METADATA
# description: A finding for input that could not be read; it is never a pass.
error(rule, problem) := _finding(
	rule, {"id": problem.resource, "location": problem.location},
	"", problem.message, "error",
)

_finding(rule, meta, attribute, message, status) := {
	"rule_id": id.rule_id,
	"title": id.title,
	"severity": id.severity,
	"status": status,
	"resource": meta.id,
	"location": object.get(meta, "location", ""),
	"attribute": attribute,
	"message": message,
	"waiver": "",
} if {
	id := _identity(rule)
}

# What identity(chain) gave, or a METADATA chain itself (as users' rules may pass it). One
# function with an else: two functions' bodies would both be tried on every finding.
_identity(rule) := rule if is_object(rule)

else := identity(rule)
