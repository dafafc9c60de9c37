package smguard.lib.group_test

import data.smguard.lib.group

test_groups_values_by_key if {
	group.by_key([["b", 1], ["a", 2], ["b", 3], ["a", 2], ["c", {"x": 1}]]) == {"a": {2}, "b": {1, 3}, "c": {{"x": 1}}}
}

test_no_pairs_no_groups if {
	group.by_key([]) == {}
}

test_one_key if {
	group.by_key([["k", 1], ["k", 2]]) == {"k": {1, 2}}
}

test_only_the_single_value_of_a_key if {
	groups := group.by_key([["a", 1], ["b", 2], ["b", 3]])
	group.only(groups, "a") == 1
	not group.only(groups, "b")
	not group.only(groups, "c")
}
