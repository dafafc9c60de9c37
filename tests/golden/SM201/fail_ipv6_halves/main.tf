resource "aws_iam_policy" "fail_ipv6_halves" {
  name   = "fail-ipv6-halves"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": "sagemaker:CreatePresignedNotebookInstanceUrl", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": ["192.0.2.0/24", "::/1", "8000::/1"]}}}
      ]
    }
  JSON
}
