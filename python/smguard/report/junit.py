"""JUnit XML: a test suite per rule, a test case per finding (and one passing case per clean rule).

Failures and read errors are ``<failure>``/``<error>``; unknown and waived findings are
``<skipped>`` with the reason, so CI dashboards show them without failing the build.
"""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree

from smguard.findings import Finding
from smguard.report.scan import ScanResult


def render_junit(result: ScanResult) -> str:
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_rule[finding.rule_id].append(finding)
    suites = ElementTree.Element("testsuites", name="smguard")
    for rule in result.rules.values():
        findings = by_rule.get(rule.id, [])
        suite = ElementTree.SubElement(suites, "testsuite", name=f"{rule.id} {rule.title}")
        counts = {"failures": 0, "errors": 0, "skipped": 0}
        for finding in findings:
            case = ElementTree.SubElement(suite, "testcase", classname=rule.id, name=finding.resource)
            construct = result.construct(finding)
            where = f"; construct {construct}" if construct is not None else ""
            text = f"{finding.message} (severity {finding.severity}{where}; fix: {rule.remediation})"
            if finding.status == "fail":
                ElementTree.SubElement(case, "failure", message=finding.message, type=finding.severity).text = text
                counts["failures"] += 1
            elif finding.status == "error":
                ElementTree.SubElement(case, "error", message=finding.message, type="read-error").text = text
                counts["errors"] += 1
            else:
                reason = f"waived: {finding.waiver}" if finding.status == "waived" else f"unknown: {finding.message}"
                ElementTree.SubElement(case, "skipped", message=reason)
                counts["skipped"] += 1
        if not findings:
            ElementTree.SubElement(suite, "testcase", classname=rule.id, name="no findings")
        suite.set("tests", str(max(len(findings), 1)))
        for key, value in counts.items():
            suite.set(key, str(value))
    ElementTree.indent(suites)
    return ElementTree.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
