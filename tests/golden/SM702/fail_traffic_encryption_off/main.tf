resource "aws_sagemaker_data_quality_job_definition" "fail_traffic_encryption_off" {
  name     = "fail-traffic-encryption-off"
  role_arn = "arn:aws:iam::123456789012:role/support-monitoring"

  data_quality_app_specification {
    image_uri = "156813124566.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-model-monitor-analyzer"
  }

  data_quality_job_input {
    endpoint_input {
      endpoint_name = "support-endpoint"
    }
  }

  data_quality_job_output_config {
    kms_key_id = aws_kms_key.support.arn
    monitoring_outputs {
      s3_output {
        s3_uri = "s3://support-bucket/monitoring/"
      }
    }
  }

  job_resources {
    cluster_config {
      instance_count    = 1
      instance_type     = "ml.m5.large"
      volume_size_in_gb = 20
      volume_kms_key_id = aws_kms_key.support.arn
    }
  }

  network_config {
    enable_network_isolation                  = true

    vpc_config {
      subnets            = [aws_subnet.support_private.id]
      security_group_ids = [aws_security_group.support.id]
    }
  }
}

resource "aws_vpc" "support" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "support_private" {
  vpc_id     = aws_vpc.support.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_security_group" "support" {
  name   = "support-monitoring"
  vpc_id = aws_vpc.support.id
}

resource "aws_kms_key" "support" {
  description = "monitoring volume and output key"
}
