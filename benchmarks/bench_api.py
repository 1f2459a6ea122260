"""API benchmark: uvicorn (httptools, asyncio loop as deployed) on 127.0.0.1, loaded by wrk.

    python benchmarks/bench_api.py            # about three minutes
    python benchmarks/bench_api.py --quick    # about 15 seconds (CI: catches a broken script)

Needs wrk (Debian: ``apt-get install -y wrk``); without it only the one-at-a-time
figures run. Every throughput figure is a ratio to a bare FastAPI app's GET
(benchmarks/_bare_app.py, on a server of its own) in the same repeat, since wrk and the
servers share the machine's cores.
The goals of issue 13 are printed as met or not met; the exit status never depends
on them, only on the script working.
"""

from __future__ import annotations

import argparse
import http.client
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _harness import goal, machine_note  # noqa: E402

from tests.support.asgi import asgi_request  # noqa: E402
from tests.support.serve import HOST, serve  # noqa: E402


@contextmanager
def server(workers: int, app: str = "app.main:app", loop: str = "asyncio"):
    """``uvicorn <app>`` with httptools (tests/support/serve.py); yields its port.

    This app runs on asyncio's loop, as ``python -m app`` serves it; the bare
    baseline on uvloop, uvicorn's default and FastAPI's fastest.
    """
    argv = [
        "-m", "uvicorn", app, "--app-dir", str(ROOT / "benchmarks"),
        "--host", HOST, "--port", "{port}", "--workers", str(workers),
        "--loop", loop, "--http", "httptools",
        "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
    with serve(argv) as s:
        if workers > 1:
            time.sleep(1.0)  # let every worker finish importing before the load
        yield s.port


def body(n: int, seed: int = 0, steps: bool | None = None) -> bytes:
    logits = np.random.default_rng(seed).standard_normal(n).round(6).tolist()
    data = {"logits": logits, "temperature": 1.0}
    if steps is not None:
        data["steps"] = steps
    return orjson.dumps(data)


_LUA = """wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("{path}", "rb")
wrk.body = f:read("*all")
f:close()
"""

_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def wrk(port: int, path: str, seconds: float, connections: int, script: str | None) -> dict:
    """Run wrk once; requests/s and latency percentiles in ms."""
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    if script:
        cmd += ["-s", script]
    out = subprocess.run(
        [*cmd, f"http://{HOST}:{port}{path}"], capture_output=True, text=True, check=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    lat = {
        p: float(v) * _UNITS[u]
        for p, v, u in re.findall(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    }
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors or "Socket errors" in out:
        print(f"  warning: wrk reported errors on {path}:\n{out}", file=sys.stderr)
    return {"rps": rps, "p50": lat.get("50"), "p99": lat.get("99")}


def _spread(values: list[float]) -> str:
    if len(values) < 4:
        return f"[{min(values):.2f} - {max(values):.2f}]"
    q = statistics.quantiles(values, n=4)
    return f"[{q[0]:.2f} - {q[2]:.2f}]"


def bench_throughput(repeats, seconds, connections, lines, goals, tmp):
    scripts = {}
    for name, data in (("3", body(3)), ("1000", body(1000)), ("1000s", body(1000, steps=True))):
        path = Path(tmp, f"body{name}.json")
        path.write_bytes(data)
        lua = Path(tmp, f"post{name}.lua")
        lua.write_text(_LUA.format(path=path))
        scripts[name] = str(lua)
    base_name = "GET, a bare FastAPI app (baseline)"
    cases = {
        base_name: ("bare", "/healthz", None),
        "POST /api/softmax, 3 logits": ("app", "/api/softmax", scripts["3"]),
        "POST /api/softmax, 1000 logits": ("app", "/api/softmax", scripts["1000"]),
        # For scale: the app's own GET, the 1000 logits with their steps, and the
        # least any route costs (benchmarks/_lean_app.py: a plain Starlette route).
        "  GET /healthz (this app)": ("app", "/healthz", None),
        '  1000 logits, "steps": true': ("app", "/api/softmax", scripts["1000s"]),
        "  GET /bench/trivial (Starlette)": ("app", "/bench/trivial", None),
    }
    runs: dict[str, list[dict]] = {name: [] for name in cases}
    with server(1, "_bare_app:app", loop="uvloop") as bare, server(1, "_lean_app:app") as app:
        ports = {"bare": bare, "app": app}
        for where, path, script in cases.values():  # warm up
            wrk(ports[where], path, 1, connections, script)
        for r in range(repeats):
            names = list(cases)
            k = r % len(names)
            for name in names[k:] + names[:k]:
                where, path, script = cases[name]
                runs[name].append(wrk(ports[where], path, seconds, connections, script))
    base = runs[base_name]
    lines.append(
        f"\nthroughput, 1 worker each, wrk -t1 -c{connections}, {repeats} x {seconds} s each,"
        " interleaved"
    )
    lines.append(
        f"  {'case':<36} {'req/s':>9} {'ratio to bare':>14} {'[p25 - p75]':>14}"
        f" {'p50 ms':>8} {'p99 ms':>8}"
    )
    ratios = {}
    for name, rs in runs.items():
        ratio = [x["rps"] / b["rps"] for x, b in zip(rs, base, strict=True)]
        ratios[name] = statistics.median(ratio)
        p99 = statistics.median(x["p99"] for x in rs)
        lines.append(
            f"  {name:<36} {statistics.median(x['rps'] for x in rs):>9.0f}"
            f" {ratios[name]:>14.2f} {_spread(ratio):>14}"
            f" {statistics.median(x['p50'] for x in rs):>8.2f} {p99:>8.2f}"
        )
    r3 = ratios["POST /api/softmax, 3 logits"]
    p99 = statistics.median(x["p99"] for x in runs["POST /api/softmax, 1000 logits"])
    goals.append(goal(r3 >= 0.65, f"3 logits: {r3:.2f}x the req/s of a bare FastAPI GET (>= 0.65)"))
    goals.append(
        goal(p99 < 50, f"1000 logits: p99 {p99:.1f} ms at {connections} connections (< 50)")
    )


def bench_workers(repeats, seconds, connections, lines):
    runs: dict[int, list[float]] = {1: [], 2: []}
    with server(1) as port1, server(2) as port2:
        ports = {1: port1, 2: port2}
        for w in (1, 2):
            wrk(ports[w], "/healthz", 1, connections, None)
        for r in range(repeats):
            for w in (1, 2) if r % 2 == 0 else (2, 1):
                runs[w].append(wrk(ports[w], "/healthz", seconds, connections, None)["rps"])
        split = _connections_per_worker(ports[2], connections)
    ratio = [b / a for a, b in zip(runs[1], runs[2], strict=True)]
    med = statistics.median(ratio)
    lines.append(f"\nworkers, GET /healthz, wrk -t1 -c{connections} (wrk shares the 2 cores)")
    if split:
        lines.append(
            f"  wrk's {connections} connections as the 2 workers accepted them: {split}"
            " (the busier worker caps the total)"
        )
    for w in (1, 2):
        lines.append(f"  {w} worker(s): {statistics.median(runs[w]):>9.0f} req/s")
    lines.append(f"  2 workers / 1 worker = {med:.2f} {_spread(ratio)}")


def _connections_per_worker(port: int, connections: int) -> str:
    """How the kernel spread wrk's connections over the workers (from ``ss``), e.g. '38 / 12'."""
    if not shutil.which("ss"):
        return ""
    load = subprocess.Popen(
        ["wrk", "-t1", f"-c{connections}", "-d2s", f"http://{HOST}:{port}/healthz"],
        stdout=subprocess.DEVNULL,
    )
    time.sleep(1)
    out = subprocess.run(
        ["ss", "-tnpH", "state", "established", f"( sport = :{port} )"],
        capture_output=True, text=True,
    ).stdout  # fmt: skip
    load.wait()
    counts: dict[str, int] = {}
    for pid in re.findall(r"pid=(\d+)", out):
        counts[pid] = counts.get(pid, 0) + 1
    return " / ".join(str(n) for n in sorted(counts.values(), reverse=True))


def bench_one_at_a_time(n_requests, lines):
    """100,000 logits, one request at a time on one keep-alive connection."""
    payloads = {"default": body(100_000), "steps": body(100_000, steps=True)}
    headers = {"Content-Type": "application/json"}
    results = {}
    with server(1, "_lean_app:app") as port:
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        for name, payload in payloads.items():
            times, size = [], 0
            for i in range(n_requests + 2):
                start = time.perf_counter()
                conn.request("POST", "/api/softmax", payload, headers)
                resp = conn.getresponse()
                data = resp.read()
                elapsed = time.perf_counter() - start
                assert resp.status == 200, data[:300]
                size = len(data)
                if i >= 2:  # the first two warm up
                    times.append(elapsed * 1e3)
            results[name] = (times, size)
        conn.close()
    lines.append(
        f"\n100,000 logits end to end, one request at a time ({n_requests} requests each,"
        f" request {len(payloads['default']) / 1e6:.1f} MB):"
    )
    for name, label in (
        ("default", "POST /api/softmax (no steps: K > 100)"),
        ("steps", '  the same with "steps": true'),
    ):
        times, size = results[name]
        lines.append(
            f"  {label:<38} median {statistics.median(times):6.1f} ms {_spread(times):>16}"
            f"   response {size / 1e6:5.1f} MB"
        )
    lines += _breakdown(payloads["default"])


def _breakdown(payload: bytes) -> list[str]:
    """Where the 100,000-logit request spends its time, measured in process."""
    from app.api.encoding import NumpyJSONResponse
    from app.api.schemas import SoftmaxRequest
    from app.core import softmax
    from app.report import softmax_response

    def t(fn, n=7):
        fn()
        runs = []
        for _ in range(n):
            start = time.perf_counter()
            fn()
            runs.append(time.perf_counter() - start)
        return statistics.median(runs) * 1e3

    req = SoftmaxRequest.model_validate_json(payload)
    z = np.array(req.logits)
    report = softmax_response(z, 1.0, steps=False)
    with_steps = softmax_response(z, 1.0, steps=True)
    parts = [
        ("parse: pydantic (model_validate_json)", lambda: SoftmaxRequest.model_validate_json(
            payload)),
        ("  list -> ndarray", lambda: np.array(req.logits)),
        ("softmax_response (numbers + response model)", lambda: softmax_response(z, 1.0,
            steps=False)),
        ("  of which core softmax", lambda: softmax(z)),
        ("encode the answer (orjson)", lambda: NumpyJSONResponse(report)),
        ('encode the answer with "steps": true', lambda: NumpyJSONResponse(with_steps)),
    ]  # fmt: skip
    return ["  in-process breakdown (median ms):"] + [
        f"    {name:<44} {t(fn):7.2f}" for name, fn in parts
    ]


def bench_in_process(n_requests, lines):
    """The app alone, called as ASGI in process: the route's cost without HTTP or wrk."""
    import asyncio

    from app.main import create_app
    from app.settings import Settings

    app = create_app(Settings())

    async def call(method: str, path: str, data: bytes) -> None:
        await asgi_request(app, method, path, data)

    cases = {
        "GET /healthz (baseline)": ("GET", "/healthz", b""),
        "POST /api/softmax, 3 logits": ("POST", "/api/softmax", body(3)),
        "POST /api/softmax, 1000 logits": ("POST", "/api/softmax", body(1000)),
        '  1000 logits, "steps": true': ("POST", "/api/softmax", body(1000, steps=True)),
    }

    async def run():
        times = {name: [] for name in cases}
        for _ in range(5):
            for name, args in cases.items():
                for _ in range(20):
                    await call(*args)
                start = time.perf_counter()
                for _ in range(n_requests):
                    await call(*args)
                times[name].append((time.perf_counter() - start) / n_requests * 1e6)
        return times

    times = asyncio.run(run())
    base = statistics.median(times["GET /healthz (baseline)"])
    lines.append("\nin process (ASGI calls, no HTTP): microseconds per request")
    for name, ts in times.items():
        med = statistics.median(ts)
        lines.append(f"  {name:<34} {med:9.1f} us   {base / med:5.2f}x the req/s of /healthz")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="about 15 seconds, for CI")
    parser.add_argument("--repeats", type=int)
    parser.add_argument("--seconds", type=float, help="length of one wrk run")
    parser.add_argument("--connections", type=int, default=50)
    args = parser.parse_args(argv)
    repeats = args.repeats or (1 if args.quick else 5)
    seconds = args.seconds or (1 if args.quick else 5)
    seconds = max(1, int(seconds))  # wrk takes whole seconds
    lines = [f"bench_api ({'quick' if args.quick else 'full'}): {machine_note()}"]
    goals: list[str] = []
    if shutil.which("wrk"):
        with tempfile.TemporaryDirectory() as tmp:
            bench_throughput(repeats, seconds, args.connections, lines, goals, tmp)
        bench_workers(repeats, seconds, args.connections, lines)
    else:
        lines.append("\nwrk not found (apt-get install -y wrk): throughput figures skipped")
    bench_one_at_a_time(3 if args.quick else 30, lines)
    bench_in_process(50 if args.quick else 500, lines)
    print("\n".join(lines))
    print("\nGoals of issue 13 (medians; reported, never enforced):")
    print("\n".join(goals))


if __name__ == "__main__":
    main()
