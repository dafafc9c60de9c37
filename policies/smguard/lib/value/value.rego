# METADATA
# title: Known and unknown values
# description: |
#   Frontends list the attributes whose value cannot be known in meta.unknown and leave them
#   null; meta.pending names those of them that are known to be set (to a value known only
#   after apply). Rules ask here instead of reading meta themselves.
package smguard.lib.value

# METADATA
# description: The attribute's value cannot be known from the input.
unknown(resource, attribute) if attribute in resource.meta.unknown

# METADATA
# description: |
#   The values a set attribute never has (present is false for them, and for a missing one,
#   unless it is pending), for a rule to test inline, before any call:
#   `object.get(r, "x", null) in value.unset` and `not "x" in r.meta.pending`.
unset := {null, "", []}

# METADATA
# scope: document
# description: The attribute is set, to a known value or to one known only after apply.
present(resource, attribute) if _non_empty(resource[attribute])

present(resource, attribute) if attribute in resource.meta.pending

# METADATA
# description: Not even whether the attribute is set can be known from the input.
undecided(resource, attribute) if {
	unknown(resource, attribute)
	not attribute in resource.meta.pending
}

_non_empty(x) if not x in unset
