# The on-start script, Base64 as the provider takes it (base64encode(file("on-start.sh")) in practice):
#   #!/bin/bash
#   set -e
#   sudo -u ec2-user -i <<'EOF'
#   source /home/ec2-user/anaconda3/bin/activate python3
#   pip install --upgrade jupyterlab-git
#   export GIT_TOKEN=$(aws secretsmanager get-secret-value --secret-id support/git --query SecretString --output text)
#   EOF
resource "aws_sagemaker_notebook_instance_lifecycle_configuration" "pass_secret_read_at_run_time" {
  name     = "pass-secret-read-at-run-time"
  on_start = "IyEvYmluL2Jhc2gKc2V0IC1lCnN1ZG8gLXUgZWMyLXVzZXIgLWkgPDwnRU9GJwpzb3VyY2UgL2hvbWUvZWMyLXVzZXIvYW5hY29uZGEzL2Jpbi9hY3RpdmF0ZSBweXRob24zCnBpcCBpbnN0YWxsIC0tdXBncmFkZSBqdXB5dGVybGFiLWdpdApleHBvcnQgR0lUX1RPS0VOPSQoYXdzIHNlY3JldHNtYW5hZ2VyIGdldC1zZWNyZXQtdmFsdWUgLS1zZWNyZXQtaWQgc3VwcG9ydC9naXQgLS1xdWVyeSBTZWNyZXRTdHJpbmcgLS1vdXRwdXQgdGV4dCkKRU9GCg=="
}
