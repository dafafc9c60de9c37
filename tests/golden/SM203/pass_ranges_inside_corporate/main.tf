resource "aws_iam_policy" "pass_ranges_inside_corporate" {
  name   = "pass-ranges-inside-corporate"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": ["sagemaker:CreatePresignedNotebookInstanceUrl", "sagemaker:CreatePresignedDomainUrl"], "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": ["192.0.2.0/25", "2001:db8:1::/48"]}}}
      ]
    }
  JSON
}
