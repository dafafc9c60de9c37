resource "aws_sagemaker_flow_definition" "pass_output_with_key" {
  flow_definition_name = "pass-output-with-key"
  role_arn             = "arn:aws:iam::123456789012:role/support-a2i"

  human_loop_config {
    human_task_ui_arn                     = "arn:aws:sagemaker:eu-west-1:123456789012:human-task-ui/support"
    task_availability_lifetime_in_seconds = 3600
    task_count                            = 1
    task_description                      = "Review the extracted fields"
    task_title                            = "Support review"
    workteam_arn                          = "arn:aws:sagemaker:eu-west-1:123456789012:workteam/private-crowd/support"
  }

  output_config {
    s3_output_path = "s3://support-bucket/a2i/"
    kms_key_id     = aws_kms_key.support.arn
  }
}

resource "aws_kms_key" "support" {
  description = "human review output key"
}
