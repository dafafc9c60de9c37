package smguard.lib.wildcard_test

import data.smguard.lib.wildcard

test_star_crosses_dots_and_brackets if {
	wildcard.match("module.ml.*", `module.ml.aws_sagemaker_notebook_instance.nb["a"]`)
	wildcard.match("*", "aws_x.y")
	wildcard.match("aws_?3_bucket.*", "aws_s3_bucket.b")
}

test_regex_characters_are_literal if {
	not wildcard.match("aws_x.(y)", "aws_xz(y)")
	wildcard.match("aws_x.(y)", "aws_x.(y)")
	not wildcard.match("a+", "aa")
}

test_whole_value_only if {
	not wildcard.match("aws_x", "aws_x.y")
}

test_prefixes_and_other_shapes if {
	wildcard.match("sagemaker:describe*", "sagemaker:describemodel")
	not wildcard.match("sagemaker:describe*", "sagemaker:createmodel")
	wildcard.match("s3:*object*", "s3:getobjectacl")
	not wildcard.match("s3:*object*", "s3:listbucket")
	wildcard.match("sagemaker:create?odel", "sagemaker:createmodel")
	wildcard.match("*:*", "sagemaker:createmodel")
	not wildcard.match("ec2:*", "sagemaker:createmodel")
}
