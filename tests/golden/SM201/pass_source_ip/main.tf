resource "aws_iam_policy" "pass_source_ip" {
  name   = "pass-source-ip"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": "sagemaker:CreatePresignedNotebookInstanceUrl", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": ["192.0.2.0/24"]}}}
      ]
    }
  JSON
}
