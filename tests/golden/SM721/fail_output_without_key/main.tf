resource "aws_sagemaker_flow_definition" "fail_output_without_key" {
  flow_definition_name = "fail-output-without-key"
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
  }
}

resource "aws_kms_key" "support" {
  description = "human review output key"
}
