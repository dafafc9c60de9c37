resource "aws_iam_policy" "fail_source_vpc_policy_variable" {
  name   = "fail-source-vpc-policy-variable"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": "sagemaker:CreatePresignedNotebookInstanceUrl", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceVpc": "$${aws:SourceVpc}"}}}
      ]
    }
  JSON
}
