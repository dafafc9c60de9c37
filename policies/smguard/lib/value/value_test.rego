package smguard.lib.value_test

import data.smguard.lib.value

resource := {
	"meta": {"unknown": ["later", "open"], "pending": ["later"]},
	"set": "x", "empty": "", "none": null,
	"list": ["a"], "no_list": [], "later": null, "open": null,
}

test_unknown_only_for_listed_attributes if {
	value.unknown(resource, "later")
	not value.unknown(resource, "set")
}

test_present_for_set_and_unknown_values if {
	value.present(resource, "set")
	value.present(resource, "list")
	value.present(resource, "later")
}

test_not_present_for_empty_null_or_missing_values if {
	not value.present(resource, "empty")
	not value.present(resource, "none")
	not value.present(resource, "no_list")
	not value.present(resource, "missing")
}

test_undecided_only_for_unknown_that_is_not_pending if {
	value.undecided(resource, "open")
	not value.undecided(resource, "later")
	not value.undecided(resource, "set")
	not value.present(resource, "open")
}
