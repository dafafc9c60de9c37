package smguard.lib.jobs_test

import data.smguard.lib.jobs

test_lacking_is_what_fields_lacks if {
	attributes := {attribute | some named in jobs.fields; some attribute, _ in named}
	derived := {attribute: {kind | some kind, named in jobs.fields; not named[attribute]} | some attribute in attributes}
	jobs.lacking == derived
}

test_a_message_names_the_kind_and_field_or_job_for_an_unknown_kind if {
	message := jobs.message("the %s has no %s", "processing", "subnets")
	message == "the processing job has no NetworkConfig.VpcConfig.Subnets"
	jobs.message("the %s has no %s", "from_a_later_version", "subnets") == "the job has no subnets"
}

test_a_template_without_two_places_still_gives_a_message if {
	jobs.message("the job has no subnets", "processing", "subnets") == "the job has no subnets"
}
