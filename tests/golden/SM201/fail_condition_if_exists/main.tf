resource "aws_iam_policy" "fail_condition_if_exists" {
  name   = "fail-condition-if-exists"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": "sagemaker:CreatePresignedNotebookInstanceUrl", "Resource": "*", "Condition": {"StringEqualsIfExists": {"aws:SourceVpc": "vpc-0a1b2c3d"}}}
      ]
    }
  JSON
}
