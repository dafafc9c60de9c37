resource "aws_sagemaker_feature_group" "fail_online_store_without_key" {
  feature_group_name             = "fail-online-store-without-key"
  record_identifier_feature_name = "customer_id"
  event_time_feature_name        = "event_time"
  role_arn                       = "arn:aws:iam::123456789012:role/support-feature-store"

  feature_definition {
    feature_name = "customer_id"
    feature_type = "String"
  }

  feature_definition {
    feature_name = "event_time"
    feature_type = "String"
  }

  online_store_config {
    enable_online_store = true
  }
}

resource "aws_kms_key" "support" {
  description = "feature store key"
}
