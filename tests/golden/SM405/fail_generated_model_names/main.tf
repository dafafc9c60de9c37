resource "aws_sagemaker_endpoint" "fail_generated_model_names" {
  endpoint_config_name = aws_sagemaker_endpoint_configuration.generated.name
}

resource "aws_sagemaker_endpoint_configuration" "generated" {
  kms_key_arn = aws_kms_key.generated.arn

  production_variants {
    variant_name           = "primary"
    model_name             = aws_sagemaker_model.generated_open.name
    initial_instance_count = 2
    instance_type          = "ml.m5.large"
  }
}

resource "aws_sagemaker_model" "generated_open" {
  execution_role_arn = "arn:aws:iam::123456789012:role/generated-model"

  primary_container {
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/serve:1"
  }
}

resource "aws_kms_key" "generated" {
  description = "endpoint volume key"
}
