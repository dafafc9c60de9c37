resource "aws_iam_role_policy" "pass_listed_administrator" {
  name   = "sagemaker-administration"
  role   = "ml-platform-admin"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": "sagemaker:*", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceVpc": "vpc-0a1b2c3d4e5f60718"}}}
      ]
    }
  JSON
}
