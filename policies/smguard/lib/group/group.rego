# METADATA
# title: Grouping
# description: |
#   Grouping values by key in O(n log n). A multi-value rule keyed by a variable
#   (x[key] contains value) does the same in one line, but OPA's time for it grows with the
#   square of the number of keys: at 100k resources it took half of a scan.
package smguard.lib.group

# METADATA
# description: "[key, value] pairs as an object of each key to the set of its values."
by_key(pairs) := {pair[0]: {pair[1]} | some pair in pairs} if {
	# Every key once (the usual case): no sort. OPA's Wasm runtime sorts by insertion, which is
	# quadratic on unsorted input; topdown saves the sort too.
	count({pair[0] | some pair in pairs}) == count(pairs)
} else := groups if {
	# Keys sorted with their places, so the values (large objects) are never compared.
	sorted := sort([[pair[0], i] | some i, pair in pairs])
	starts := array.concat([0], [i | some i, entry in sorted; i > 0; entry[0] != sorted[i - 1][0]])
	ends := array.concat(array.slice(starts, 1, count(starts)), [count(sorted)])
	groups := {sorted[start][0]: {pairs[entry[1]][1] | some entry in array.slice(sorted, start, ends[j])} |
		some j, start in starts
	}
}

# METADATA
# description: The one value grouped under key; undefined when there is none, or more than one.
only(groups, key) := value if {
	count(groups[key]) == 1
	some value in groups[key]
}
