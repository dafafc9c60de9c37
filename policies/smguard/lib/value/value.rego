# METADATA
# title: Known and unknown values
# description: |
#   Frontends list the attributes whose value cannot be known yet in meta.unknown and leave the
#   attribute null. Rules ask here instead of reading meta.unknown themselves.
package smguard.lib.value

# METADATA
# description: The attribute's value cannot be known from the input.
unknown(resource, attribute) if attribute in resource.meta.unknown

# METADATA
# scope: document
# description: The attribute is set, to a known value or to one that will only be known later.
present(resource, attribute) if _non_empty(resource[attribute])

present(resource, attribute) if unknown(resource, attribute)

_non_empty(x) if {
	x != null
	x != ""
	x != []
}
