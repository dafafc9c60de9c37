resource "aws_iam_policy" "pass_other_actions" {
  name   = "pass-other-actions"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": ["sagemaker:Describe*", "sagemaker:List*"], "Resource": "*"}
      ]
    }
  JSON
}
