# METADATA
# title: Address ranges
# description: |
#   Exact arithmetic on sets of IPv4 and IPv6 ranges, each given as CIDR blocks. Any two
#   blocks are either nested or disjoint, so an intersection of unions of blocks is made of
#   blocks taken from its operands, and a merged union (net.cidr_merge) covers a block only if
#   one of its blocks contains it: no address is ever probed.
package smguard.lib.cidr

# METADATA
# description: Every address, IPv4 and IPv6.
universe := ["0.0.0.0/0", "::/0"]

# METADATA
# description: |
#   The region ⋂ ins \ ⋃ outs, where ins and outs are arrays of block lists; with no ins, the
#   whole address space. The region's blocks are returned merged, with the merged outs.
region(ins, outs) := {"blocks": _intersection(ins), "holes": _merge(_flatten(outs))}

_flatten(lists) := [block | some list in lists; some block in list]

# Each family merged apart: OPA's net.cidr_merge reads IPv4 as IPv4-mapped IPv6, so ::/0 would
# swallow every IPv4 block. A bare IPv4 address would be read as its classful network
# (192.0.2.7 as 192.0.2.0/24), where IAM reads it as that one address.
_merge(texts) := _merge_family(texts, 4) | _merge_family(texts, 6)

# net.cidr_merge is a host call in the embedded engine: not made for nothing.
_merge_family(texts, family) := net.cidr_merge(ranges) if {
	ranges := [range |
		some text in texts
		range := block(text)
		_family(range) == family
	]
	count(ranges) > 0
} else := set()

# METADATA
# scope: document
# description: |
#   True when the text is an address or an address range. IPv4 and the usual IPv6 forms (hex
#   groups, one "::") are told by regular expressions (compiled once), as net.cidr_is_valid is
#   a host call in the embedded engine; other IPv6 forms (an IPv4 tail) go to it.
valid(text) if regex.match(_ipv4, text)

valid(text) if regex.match(_ipv6, text)

valid(text) if {
	not regex.match(_ipv4, text)
	not regex.match(_ipv6, text)
	net.cidr_is_valid(block(text))
}

_ipv6 := `^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:(:[0-9a-fA-F]{1,4}){1,6}|:((:[0-9a-fA-F]{1,4}){1,7}|:))(/(12[0-8]|1[01][0-9]|[1-9]?[0-9]))?$`

_ipv4 := `^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(/(3[0-2]|[12]?[0-9]))?$`

# METADATA
# scope: document
# description: An address range as a CIDR block (a bare address, the block of that one address).
block(text) := text if contains(text, "/")

block(text) := concat("", [text, "/128"]) if {
	not contains(text, "/")
	contains(text, ":")
}

block(text) := concat("", [text, "/32"]) if {
	not contains(text, "/")
	not contains(text, ":")
}

# METADATA
# description: The blocks every one of the lists holds (merged); with no lists, every address.
within_all(lists) := _intersection(lists)

_intersection(ins) := universe if count(ins) == 0

_intersection(ins) := _merge(ins[0]) if count(ins) == 1

# Each block against every other list: quadratic in the blocks, but only lists that narrow
# one another (a grant's ranges and a Deny's) meet here.
_intersection(ins) := _merge({block |
	some list in merged
	some block in list
	every other in merged {
		_within(block, other)
	}
}) if {
	count(ins) > 1
	merged := [_merge(list) | some list in ins]
}

_within(block, blocks) if {
	some outer in blocks
	_contains(outer, block)
}

# Only within one family, for the same reason as in _merge.
_contains(outer, block) if {
	_family(outer) == _family(block)
	net.cidr_contains(outer, block)
}

# METADATA
# description: The blocks of a region that some of its addresses lie in (not wholly in a hole).
open_blocks(region) := [block |
	some block in sort(region.blocks)
	not _within(block, region.holes)
]

# METADATA
# scope: document
# description: |
#   True when a region holds more public addresses of one family than the largest block ever
#   given to a single organization: a /8 of IPv4, a /32 of IPv6. No corporate network is that
#   large, so such a region is "anywhere", however its ranges are spelled. Private and reserved
#   space does not count: no request over the internet comes from it.
unrestricted(region) if {
	public := _public(region)
	some family in [4, 6]
	_size(public, family) > _largest[family]
}

# METADATA
# description: |
#   True when a list of ranges, counted without merging (overlaps twice), holds no more addresses
#   of either family than unrestricted allows: then no region within it is unrestricted. A
#   cheap first answer that needs no host call in the embedded engine.
small(ranges) if {
	blocks := [block(text) | some text in ranges]
	every family in [4, 6] {
		sum([_units(range) | some range in blocks; _family(range) == family]) <= _largest[family]
	}
}

_public(region) := {"blocks": region.blocks, "holes": _not_public_blocks} if count(region.holes) == 0

_public(region) := {
	"blocks": region.blocks,
	"holes": _merge(array.concat([hole | some hole in region.holes], _not_public)),
} if {
	count(region.holes) > 0
}

_not_public_blocks := _merge(_not_public)

# RFC 6890 special-purpose space: this network, private, shared (CGNAT), loopback, link-local,
# multicast and reserved (IPv4); loopback, unique-local, link-local and multicast (IPv6).
_not_public := [
	"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
	"192.168.0.0/16", "224.0.0.0/3", "::1/128", "fc00::/7", "fe80::/10", "ff00::/8",
]

# Sizes in units: an IPv4 address, and 2^68 IPv6 addresses (so sums stay within 64-bit
# integers; blocks longer than /60 count as nothing, far below the /32 threshold).
_largest := {4: bits.lsh(1, 24), 6: bits.lsh(1, 28)}

_size(region, family) := sum([size |
	some block in open_blocks(region)
	_family(block) == family
	size := _units(block) - _covered(block, region.holes)
])

_covered(block, holes) := sum([_units(hole) |
	some hole in holes
	_contains(block, hole)
])

_units(block) := bits.lsh(1, 32 - _prefix(block)) if _family(block) == 4

_units(block) := bits.lsh(1, 60 - _prefix(block)) if {
	_family(block) == 6
	_prefix(block) <= 60
}

_units(block) := 0 if {
	_family(block) == 6
	_prefix(block) > 60
}

_prefix(block) := to_number(split(block, "/")[1])

_family(block) := 6 if contains(block, ":")

_family(block) := 4 if not contains(block, ":")
