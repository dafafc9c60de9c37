resource "aws_iam_policy" "fail_prefix_wildcard" {
  name   = "fail-prefix-wildcard"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": ["sagemaker:CreatePresigned*Url"], "Resource": "*"}
      ]
    }
  JSON
}
