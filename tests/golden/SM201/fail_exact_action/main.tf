resource "aws_iam_policy" "fail_exact_action" {
  name   = "fail-exact-action"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": "sagemaker:CreatePresignedNotebookInstanceUrl", "Resource": "*"}
      ]
    }
  JSON
}
