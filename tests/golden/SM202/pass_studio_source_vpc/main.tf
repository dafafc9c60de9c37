resource "aws_iam_policy" "pass_studio_source_vpc" {
  name   = "pass-studio-source-vpc"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": ["sagemaker:CreatePresignedDomainUrl", "sagemaker:DescribeUserProfile"], "Resource": "*", "Condition": {"StringEquals": {"aws:SourceVpc": "vpc-0a1b2c3d"}}}
      ]
    }
  JSON
}
