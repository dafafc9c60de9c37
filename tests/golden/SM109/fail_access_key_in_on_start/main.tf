# The on-start script, Base64 as the provider takes it (base64encode(file("on-start.sh")) in practice):
#   #!/bin/bash
#   set -e
#   sudo -u ec2-user -i <<'EOF'
#   export AWS_ACCESS_KEY_ID=AKIA2E0A8F3B244C9986
#   export AWS_SECRET_ACCESS_KEY=tB8rJq5mZ0xKc3vYw7pLh2sNf9dGa4eUi6oRk1Tz
#   pip install --upgrade jupyterlab-git
#   EOF
resource "aws_sagemaker_notebook_instance_lifecycle_configuration" "fail_access_key_in_on_start" {
  name     = "fail-access-key-in-on-start"
  on_start = "IyEvYmluL2Jhc2gKc2V0IC1lCnN1ZG8gLXUgZWMyLXVzZXIgLWkgPDwnRU9GJwpleHBvcnQgQVdTX0FDQ0VTU19LRVlfSUQ9QUtJQTJFMEE4RjNCMjQ0Qzk5ODYKZXhwb3J0IEFXU19TRUNSRVRfQUNDRVNTX0tFWT10QjhySnE1bVoweEtjM3ZZdzdwTGgyc05mOWRHYTRlVWk2b1JrMVR6CnBpcCBpbnN0YWxsIC0tdXBncmFkZSBqdXB5dGVybGFiLWdpdApFT0YK"
}
