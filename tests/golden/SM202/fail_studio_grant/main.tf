resource "aws_iam_policy" "fail_studio_grant" {
  name   = "fail-studio-grant"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": ["sagemaker:CreatePresignedDomainUrl", "sagemaker:DescribeUserProfile"], "Resource": "*"}
      ]
    }
  JSON
}
