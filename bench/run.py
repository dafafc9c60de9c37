"""``make bench``: scan time and memory by plan size, Checkov on the same plans, the costliest rule
expressions, the sidecar's latency against OPA serving a trivial policy, and the admission
webhook under 50 concurrent reviews.

Everything slow is compared with a baseline measured in the same run (ratios), so the table means
something on a noisy 2-core machine. Results are printed and written to bench/results/<time>.json.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import datetime
import functools
import itertools
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "python"))
sys.path.insert(0, str(ROOT))

from bench.load import load  # noqa: E402
from bench.plangen import generate  # noqa: E402
from bench.webhook import webhook  # noqa: E402
from smguard import catalog  # noqa: E402
from smguard.bundle import build_bundle  # noqa: E402
from smguard.engine.binaries import find_tool  # noqa: E402
from smguard.engine.local import ENTRYPOINTS, evaluate  # noqa: E402
from smguard.engine.wasm import WasmPolicy, compiled_policy  # noqa: E402
from smguard.frontends.api_request import convert_request  # noqa: E402
from smguard.frontends.terraform import convert_plan  # noqa: E402
from smguard.heap import collector_paused  # noqa: E402
from smguard.jsonio import parse_json  # noqa: E402
from smguard.paths import policies_dir  # noqa: E402

PYTHON = sys.executable
TOKEN = "bench-token"  # noqa: S105
HEY = ROOT / ".tools" / "bin" / "hey"  # built by `make bench`
DECISION = "/v1/data/smguard/main/findings"
# Issue 23's "today": main when the hot paths were reworked. Its policies (and their Wasm build)
# are read from git and evaluated on the same documents, in turns with the working tree's.
EVALUATION_BASELINE = "5662ce2"
HEADERS = {"Authorization": f"Bearer {TOKEN}"}


def _child_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants (Linux /proc), in KiB."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
        except OSError:  # it ended meanwhile
            continue
        total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
        for thread in Path(f"/proc/{current}/task").glob("*"):  # children are listed per thread
            with contextlib.suppress(OSError):  # ended meanwhile, or a kernel that lists no children
                stack += [int(child) for child in (thread / "children").read_text().split()]
    return total


def _timed(command: list[str]) -> tuple[float, subprocess.CompletedProcess[str], float]:
    """Wall time, the outcome, and the peak resident memory in MB of the whole process tree,
    sampled every 20 ms: the CLI and the opa it runs hold memory at the same time, which the
    largest child's ru_maxrss does not show."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0

    def sample() -> None:
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, _tree_rss_kb(process.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - start
    sampler.join()
    return seconds, subprocess.CompletedProcess(command, process.returncode, stdout, stderr), peak / 1024


def scan_sizes(sizes: list[int], folder: Path) -> dict[int, dict[str, Any]]:
    results = {}
    for size in sizes:  # increasing, so the children's peak RSS is this run's
        plan = folder / f"plan-{size}.json"
        plan.write_text(json.dumps(generate(size)))
        seconds, done, tree_mb = _timed(
            [PYTHON, "-m", "smguard", "scan", str(plan), "--format", "json", "-o", str(folder / f"smguard-{size}.json")]
        )
        if done.returncode not in (0, 1):
            raise RuntimeError(done.stderr)
        frontend = time.perf_counter()
        with collector_paused():  # as in the CLI: the strict parser, then the conversion
            convert_plan(parse_json(plan.read_bytes(), plan.name), plan.name)
        frontend = time.perf_counter() - frontend
        results[size] = {
            "seconds": round(seconds, 2),
            "peak_rss_mb": round(_child_peak_mb()),  # the largest single process
            "peak_tree_mb": round(tree_mb),  # all its processes together
            "plan_mb": round(plan.stat().st_size / 1e6, 1),
            "frontend_mb_per_s": round(plan.stat().st_size / 1e6 / frontend, 1),
        }
    return results


def engines(sizes: list[int], folder: Path, rounds: int = 3) -> dict[int, dict[str, Any]]:
    """Whole scans with the embedded engine against ``opa eval``, interleaved, medians of ``rounds``."""
    results = {}
    for size in sizes:
        plan = folder / f"plan-{size}.json"  # written by scan_sizes
        seconds: dict[str, list[float]] = {"embedded": [], "opa": []}
        for _ in range(rounds):
            for engine, taken in seconds.items():
                took, done, _ = _timed([PYTHON, "-m", "smguard", "scan", str(plan), "--engine", engine, "--format",
                                        "json", "-o", str(folder / f"{engine}-{size}.json")])  # fmt: skip
                if done.returncode not in (0, 1):
                    raise RuntimeError(done.stderr)
                taken.append(took)
        same = (folder / f"embedded-{size}.json").read_text() == (folder / f"opa-{size}.json").read_text()
        embedded, opa = statistics.median(seconds["embedded"]), statistics.median(seconds["opa"])
        # The engines alone, on the converted document: opa eval's process and compile against
        # the Wasm module's instantiation (from wasmtime's cache) and evaluation.
        with collector_paused():
            document = convert_plan(parse_json(plan.read_bytes(), plan.name), plan.name).document
        alone: dict[str, list[float]] = {"embedded": [], "opa": []}
        for _ in range(rounds):
            for engine, taken in alone.items():
                start = time.perf_counter()
                evaluate(document, {}, engine="embedded" if engine == "embedded" else "opa")
                taken.append(time.perf_counter() - start)
        engine_embedded, engine_opa = statistics.median(alone["embedded"]), statistics.median(alone["opa"])
        results[size] = {"embedded_s": round(embedded, 2), "opa_eval_s": round(opa, 2),
                         "opa_eval_over_embedded": round(opa / embedded, 2), "same_report": same,
                         "engine_embedded_s": round(engine_embedded, 3), "engine_opa_eval_s": round(engine_opa, 3),
                         "engine_opa_eval_over_embedded": round(engine_opa / engine_embedded, 2)}  # fmt: skip
    return results


def _failures_smguard(report: Path, mirrored: set[str]) -> set[tuple[str, str]]:
    findings = json.loads(report.read_text())["findings"]
    return {(f["rule_id"], f["resource"]) for f in findings if f["status"] == "fail" and f["rule_id"] in mirrored}


def checkov(sizes: list[int], folder: Path, smguard: dict[int, dict[str, Any]]) -> dict[int, dict[str, Any]]:
    mirrored = {r.id for r in catalog.rules().values() if r.checkov_mirror}
    checks_dir = ROOT / "python/smguard/checkov_checks"
    results = {}
    for size in sizes:
        plan = folder / f"plan-{size}.json"
        seconds, done, _ = _timed(
            [
                str(Path(PYTHON).parent / "checkov"),
                "-f",
                str(plan),
                "--framework",
                "terraform_plan",
                "--external-checks-dir",
                str(checks_dir),
                "--check",
                ",".join(sorted(mirrored)),
                "--skip-download",
                "-o",
                "json",
                "--quiet",
            ]
        )
        report = json.loads(done.stdout or "{}")
        failed = {(c["check_id"], c["resource"]) for c in report.get("results", {}).get("failed_checks", [])}
        ours = _failures_smguard(folder / f"smguard-{size}.json", mirrored)
        results[size] = {
            "seconds": round(seconds, 2),
            "speedup": round(seconds / smguard[size]["seconds"], 1),
            "same_failures": failed == ours,
            "failures": len(ours),
        }
    return results


def _git(*args: str) -> bytes:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, check=True).stdout


def _opa_eval_ms(policies: Path, document: Path) -> tuple[float, Any]:
    done = subprocess.run([str(find_tool("opa")), "eval", "--bundle", str(policies), "--ignore", "*_test.rego",
                           "--input", str(document), "--metrics", "--format", "json", "data.smguard.main.findings"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    answer = json.loads(done.stdout)
    return answer["metrics"]["timer_rego_query_eval_ns"] / 1e6, answer["result"][0]["expressions"][0]["value"]


def _wasm_eval_ms(wasm: bytes, text: bytes) -> tuple[float, Any]:
    policy = WasmPolicy(wasm, {"smguard": {"config": {}}})
    start = time.perf_counter()
    found = policy.evaluate(ENTRYPOINTS[0], text)
    return (time.perf_counter() - start) * 1000, found


def _same(a: Any, b: Any) -> bool:
    return sorted(json.dumps(f, sort_keys=True) for f in a) == sorted(json.dumps(f, sort_keys=True) for f in b)


def evaluation(sizes: list[int], folder: Path, rounds: int = 5) -> dict[int, dict[str, Any]]:
    """Query evaluation alone, on the converted document, by the working tree's policies and by
    EVALUATION_BASELINE's, in turns (medians of ``rounds``): opa eval's own timer for topdown
    (the sidecar's and --engine opa's evaluator), and the Wasm module's evaluate call for the
    embedded engine. The findings must be identical."""
    baseline = folder / "baseline"
    baseline.mkdir()
    archive = _git("archive", EVALUATION_BASELINE, "policies")
    subprocess.run(["tar", "-x", "-C", str(baseline)], input=archive, check=True)
    base_wasm = _git("show", f"{EVALUATION_BASELINE}:python/smguard/engine/policy.wasm")
    results = {}
    for size in sizes:
        plan = folder / f"plan-{size}.json"  # written by scan_sizes
        with collector_paused():
            document = convert_plan(parse_json(plan.read_bytes(), plan.name), plan.name).document
        path = folder / f"eval-doc-{size}.json"
        text = json.dumps(document, ensure_ascii=False).encode()
        path.write_bytes(text)
        resources = sum(len(v) for v in document["resources"].values())
        runs = {
            "topdown_base": functools.partial(_opa_eval_ms, baseline / "policies", path),
            "topdown": functools.partial(_opa_eval_ms, policies_dir(), path),
            "wasm_base": functools.partial(_wasm_eval_ms, base_wasm, text),
            "wasm": functools.partial(_wasm_eval_ms, compiled_policy(), text),
        }
        times: dict[str, list[float]] = {name: [] for name in runs}
        answers: dict[str, Any] = {}
        for _ in range(rounds):
            for name, run in runs.items():
                took, answers[name] = run()
                times[name].append(took)
        median = {name: statistics.median(taken) for name, taken in times.items()}
        results[size] = {
            "resources": resources,
            **{f"{name}_us_per_resource": round(ms * 1000 / resources, 1) for name, ms in median.items()},
            "topdown_ratio": round(median["topdown"] / median["topdown_base"], 2),
            "wasm_ratio": round(median["wasm"] / median["wasm_base"], 2),
            "same_findings": _same(answers["topdown"], answers["topdown_base"])
            and _same(answers["wasm"], answers["wasm_base"]) and _same(answers["topdown"], answers["wasm"]),
        }  # fmt: skip
    return results


def profile(size: int, folder: Path) -> list[dict[str, Any]]:
    document = folder / f"doc-{size}.json"
    document.write_text(json.dumps(convert_plan(json.loads((folder / f"plan-{size}.json").read_text()), "b").document))
    output = subprocess.run(
        [
            str(find_tool("opa")),
            "eval",
            "--profile",
            "--profile-limit",
            "5",
            "--format",
            "json",
            "--bundle",
            str(policies_dir()),
            "--ignore",
            "*_test.rego",
            "--input",
            str(document),
            "data.smguard.main.findings",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [
        {"ms": round(p["total_time_ns"] / 1e6, 1), "evaluations": p["num_eval"], "where": _where(p["location"])}
        for p in json.loads(output)["profile"]
    ]


def _where(location: dict[str, Any]) -> str:
    file = Path(location["file"])
    return f"{file.relative_to(policies_dir()) if file.is_absolute() else file}:{location['row']}"


def _serve(args: list[str]) -> tuple[subprocess.Popen[bytes], str]:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [*args, "--addr", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if requests.get(f"{url}/health", timeout=1).status_code == 200:
                    return process, url
            except requests.RequestException:
                time.sleep(0.1)
        raise RuntimeError("server did not start")
    except BaseException:
        _stop(process)
        raise


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _post(session: requests.Session, url: str, body: str, query: str = "") -> requests.Response:
    response = session.post(f"{url}{DECISION}{query}", data=body, headers=HEADERS, timeout=5)
    if response.status_code != 200:
        raise RuntimeError(f"{url}: HTTP {response.status_code}: {response.text[:200]}")
    return response


def _latencies(
    targets: dict[str, str], bodies: dict[str, str], requests_count: int, pairs: list[tuple[str, str]]
) -> dict[tuple[str, str], list[float]]:
    """Seconds per request for each (server, document) pair, taken in turns so that a slower spell
    of the machine falls on every server alike."""
    session = requests.Session()
    times: dict[tuple[str, str], list[float]] = {pair: [] for pair in pairs}
    for _ in range(requests_count):
        for (server, document), series in times.items():
            start = time.perf_counter()
            _post(session, targets[server], bodies[document])
            series.append(time.perf_counter() - start)
    return times


def _inside_opa(
    targets: dict[str, str], bodies: dict[str, str], requests_count: int, pairs: list[tuple[str, str]]
) -> dict[tuple[str, str], dict[str, float]]:
    """Median microseconds OPA reports (``?metrics=true``) for evaluation, and for its handler up to
    the end of evaluation (input parsing and evaluation; not authorization, the decision log or the
    response). Each pair's requests back to back: taken in turns, as the latencies are, the other
    servers evict a server's policy from the CPU caches between its requests, and the figure
    becomes one of the machine more than of the policy."""
    session = requests.Session()
    figures = {}
    for server, document in pairs:
        metrics = [
            _post(session, targets[server], bodies[document], "?metrics=true").json()["metrics"]
            for _ in range(requests_count)
        ]
        figures[(server, document)] = {
            f"{name}_us": round(statistics.median(m[f"timer_{key}_ns"] for m in metrics) / 1e3, 1)
            for name, key in (("eval", "rego_query_eval"), ("handler", "server_handler"))
        }
    return figures


def _decision(url: str, document: Any) -> list[Any]:
    result: list[Any] = _post(requests.Session(), url, json.dumps({"input": document})).json()["result"]
    return result


# One admission request failing five rules (the costliest: every finding is built and logged),
# and one that passes them all.
_KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
REQUESTS = {
    "failing": {"TrainingJobName": "t", "RoleArn": "r"},
    "compliant": {
        "TrainingJobName": "t",
        "RoleArn": "r",
        "VpcConfig": {"Subnets": ["subnet-0123456789abcdef0"], "SecurityGroupIds": ["sg-0123456789abcdef0"]},
        "EnableNetworkIsolation": True,
        "EnableInterContainerTrafficEncryption": True,
        "ResourceConfig": {"VolumeKmsKeyId": _KEY},
        "OutputDataConfig": {"S3OutputPath": "s3://bucket/out", "KmsKeyId": _KEY},
    },
}


def _trivial_bundle(folder: Path, name: str, findings: list[Any]) -> Path:
    """A bundle like smguard's (authz, log masks, token) whose policy answers ``findings`` at once."""
    policies = folder / name
    shutil.copytree(policies_dir(), policies, ignore=shutil.ignore_patterns("smguard", "*_test.rego"))
    (policies / "trivial.rego").write_text(f"package smguard.main\n\nfindings := {json.dumps(findings)}\n")
    bundle = folder / f"{name}.tar.gz"
    build_bundle(bundle, policies=policies, token=TOKEN)
    return bundle


def sidecar(folder: Path, requests_count: int) -> dict[str, Any]:
    """smguard serve against the same hardened server (token authz, masked decision logs) serving
    a trivial policy, so the ratio is the cost of evaluating the rules; and against bare OPA.
    For the failing request also against a trivial policy giving the same five findings, which
    parts the cost of answering (response, decision log) from that of finding them.
    The top-level figures are for the failing request; ``compliant`` holds the same for the other."""
    bundle = folder / "sidecar.tar.gz"
    build_bundle(bundle, policies=policies_dir(), token=TOKEN)
    trivial_bundle = _trivial_bundle(folder, "trivial", [])
    documents = {name: convert_request("CreateTrainingJob", request) for name, request in REQUESTS.items()}
    serve = [PYTHON, "-m", "smguard", "serve", "--bundle"]
    servers = {
        "bare OPA, trivial": [
            str(find_tool("opa")),
            "run",
            "--server",
            "--skip-version-check",
            "--bundle",
            str(trivial_bundle),
        ],
        "trivial": [*serve, str(trivial_bundle)],
        "smguard": [*serve, str(bundle)],
    }
    processes: dict[str, subprocess.Popen[bytes]] = {}
    targets: dict[str, str] = {}
    try:
        for name, command in servers.items():
            processes[name], targets[name] = _serve(command)
        answers = {request: _decision(targets["smguard"], document) for request, document in documents.items()}
        if [len(answers["failing"]), len(answers["compliant"])] != [5, 0]:  # the labels must be true
            raise RuntimeError(f"findings of the failing and compliant requests: {answers}")
        same = _trivial_bundle(folder, "same-answer", answers["failing"])
        processes["trivial, same answer"], targets["trivial, same answer"] = _serve([*serve, str(same)])
        if _decision(targets["trivial, same answer"], documents["failing"]) != answers["failing"]:
            raise RuntimeError("the same-answer policy answers differently")
        # The same-answer policy's answer is known only now, so it serves the failing request alone.
        pairs = [(s, d) for s in servers for d in documents] + [("trivial, same answer", "failing")]
        bodies = {name: json.dumps({"input": document}) for name, document in documents.items()}
        _latencies(targets, bodies, 100, pairs)  # warm up
        times = _latencies(targets, bodies, requests_count, pairs)
        inside = _inside_opa(targets, bodies, 300, pairs)
        (folder / "failing.json").write_text(bodies["failing"])
        compiled = load(HEY, {name: f"{targets[name]}{DECISION}" for name in ("trivial", "smguard")},
                        folder / "failing.json", TOKEN)  # fmt: skip
    finally:
        for process in processes.values():
            _stop(process)
    results: dict[str, dict[str, Any]] = {name: {} for name in REQUESTS}
    for (server, request), series in times.items():
        series.sort()
        results[request][server] = {
            "p50_ms": round(statistics.median(series) * 1e3, 3),
            "p99_ms": round(series[int(len(series) * 0.99) - 1] * 1e3, 3),
            "per_second": round(len(series) / sum(series)),
        }
    for (server, request), figures in inside.items():
        results[request][server].update(figures)
    for rows in results.values():
        baselines = (("trivial", ""), ("bare OPA, trivial", "_bare"), ("trivial, same answer", "_same_answer"))
        for baseline, suffix in (b for b in baselines if b[0] in rows):
            for quantile in ("p50", "p99"):
                ratio = rows["smguard"][f"{quantile}_ms"] / rows[baseline][f"{quantile}_ms"]
                rows[f"{quantile}_ratio{suffix}"] = round(ratio, 2)
    return {**results["failing"], "compliant": results["compliant"], "compiled client": compiled}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--checkov-sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--requests", type=int, default=2000)
    args = parser.parse_args()
    # Scans start from bytecode, as an installed package does (pip compiles it): a machine that
    # sets PYTHONDONTWRITEBYTECODE would otherwise compile every module again in every scan.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    compileall.compile_dir(ROOT / "python" / "smguard", quiet=1)
    with tempfile.TemporaryDirectory(prefix="smguard-bench-") as tmp:
        folder = Path(tmp)
        scans = scan_sizes(sorted(args.sizes), folder)
        engine_runs = engines(sorted(scans), folder)
        evaluated = evaluation([s for s in sorted(scans) if s >= 10000], folder)
        checkov_runs = checkov([s for s in args.checkov_sizes if s in scans], folder, scans)
        top = profile(sorted(args.sizes)[len(args.sizes) // 2], folder)
        served = sidecar(folder, args.requests)
        hooked = webhook(folder)
    sizes = sorted(scans)
    ratios = {
        f"{b // 1000}k/{a // 1000}k": round(scans[b]["seconds"] / scans[a]["seconds"], 1)
        for a, b in itertools.pairwise(sizes)
    }
    results = {
        "when": datetime.datetime.now(datetime.UTC).isoformat(),
        "cpus": os.cpu_count(),
        "scan": scans,
        "scaling": ratios,
        "engines": engine_runs,
        "evaluation": evaluated,
        "checkov": checkov_runs,
        "profile": top,
        "sidecar": served,
        "webhook": hooked,
    }
    print(f"{'resources':>10} {'plan MB':>8} {'scan s':>7} {'peak MB, all processes':>23} {'frontend MB/s':>14}")
    for size, row in scans.items():
        print(
            f"{size:>10} {row['plan_mb']:>8} {row['seconds']:>7} {row['peak_tree_mb']:>23} "
            f"{row['frontend_mb_per_s']:>14}"
        )
    print("time ratios:", ", ".join(f"{k} = {v}" for k, v in ratios.items()))
    for size, row in engine_runs.items():
        print(
            f"engines on {size}: scan with embedded {row['embedded_s']} s, with opa eval {row['opa_eval_s']} s "
            f"(embedded {row['opa_eval_over_embedded']}x faster, same report: {row['same_report']}); the engines "
            f"alone {row['engine_embedded_s']} s and {row['engine_opa_eval_s']} s "
            f"({row['engine_opa_eval_over_embedded']}x)"
        )
    for size, row in evaluated.items():
        print(
            f"evaluation on {size} ({row['resources']} resources), against {EVALUATION_BASELINE}'s policies: topdown "
            f"{row['topdown_us_per_resource']} us/resource vs {row['topdown_base_us_per_resource']} "
            f"(x{row['topdown_ratio']}), embedded {row['wasm_us_per_resource']} vs "
            f"{row['wasm_base_us_per_resource']} (x{row['wasm_ratio']}); same findings: {row['same_findings']}"
        )
    for size, row in checkov_runs.items():
        print(
            f"checkov (mirrors only) on {size}: {row['seconds']} s, smguard {row['speedup']}x faster, "
            f"same failures: {row['same_failures']} ({row['failures']})"
        )
    print("costliest expressions:", "; ".join(f"{p['where']} {p['ms']} ms" for p in top))
    for request, rows in (("failing five rules", served), ("compliant", served["compliant"])):
        for name in ("bare OPA, trivial", "trivial", "trivial, same answer", "smguard"):
            if name not in rows:
                continue
            row = rows[name]
            print(
                f"sidecar, {request}, {name}: p50 {row['p50_ms']} ms, p99 {row['p99_ms']} ms, {row['per_second']}/s, "
                f"inside OPA: eval {row['eval_us']} us, handler up to the end of eval {row['handler_us']} us"
            )
        print(f"sidecar / same server, trivial policy ({request}): p50 x{rows['p50_ratio']}, p99 x{rows['p99_ratio']}")
        if "p50_ratio_same_answer" in rows:
            print(
                f"sidecar / same server, trivial policy with the same answer ({request}): "
                f"p50 x{rows['p50_ratio_same_answer']}, p99 x{rows['p99_ratio_same_answer']}"
            )
        print(
            f"sidecar / bare OPA, trivial policy ({request}): p50 x{rows['p50_ratio_bare']}, "
            f"p99 x{rows['p99_ratio_bare']}"
        )
    compiled = served["compiled client"]
    for clients in ("1 clients", "8 clients", "32 clients"):
        row = compiled[clients]
        print(
            f"sidecar under hey, failing five rules, {clients}: smguard p50 {row['smguard']['p50_ms']} ms, p99 "
            f"{row['smguard']['p99_ms']} ms, {row['smguard']['per_second']}/s; trivial p50 {row['trivial']['p50_ms']} "
            f"ms, {row['trivial']['per_second']}/s; p50 x{row['p50_ratio']}, p99 x{row['p99_ratio']}"
        )
    print(
        f"sidecar saturation under hey: smguard {compiled['saturation_per_second']['smguard']}/s, trivial "
        f"{compiled['saturation_per_second']['trivial']}/s, ratio {compiled['saturation_ratio']}"
    )
    print(
        f"webhook, {hooked['clients']} concurrent reviews: p50 {hooked['review']['p50_ms']} ms, p99 "
        f"{hooked['review']['p99_ms']} ms, slowest {hooked['review']['max_ms']} ms = "
        f"{hooked['max_over_timeout']} of the API server's 10 s timeout; p50 x{hooked['p50_ratio']} the same "
        "server's /healthz under the same load"
    )
    out = ROOT / "bench/results" / f"{results['when'][:19].replace(':', '')}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"written: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
