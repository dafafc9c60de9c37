resource "aws_iam_policy" "fail_service_wildcard" {
  name   = "fail-service-wildcard"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": "sagemaker:*", "Resource": "*"}
      ]
    }
  JSON
}
