resource "aws_iam_policy" "fail_not_action" {
  name   = "fail-not-action"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*"}
      ]
    }
  JSON
}
