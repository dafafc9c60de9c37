resource "aws_iam_policy" "fail_sagemaker_star_policy" {
  name   = "fail-sagemaker-star-policy"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": "sagemaker:*", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceVpc": "vpc-0a1b2c3d4e5f60718"}}}
      ]
    }
  JSON
}
