"""Classifier and digits benchmark: server time of training steps, one digit, the map's repaint.

    python benchmarks/bench_classifier.py            # about 30 seconds
    python benchmarks/bench_classifier.py --quick    # a few seconds

Server time is measured in process: the ASGI app is called directly with a
request (body parsing, validation, the core, JSON encoding; no network), and
compared with ``POST /api/softmax`` of the food example in the same run. A
digit is predicted by the API module's ``predict`` (the route minus parsing).
The repaint: headless Chromium drags the first weight slider of /classifier
with the mouse for a few seconds while the page counts its map paints
(``data-paints``). Goals (issue 15) are printed, never enforced.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import compare, goal, header, machine_note, row  # noqa: E402

from app.api.digits import predict  # noqa: E402
from app.datasets import dataset, digits_held_out  # noqa: E402
from app.main import create_app  # noqa: E402
from app.settings import Settings  # noqa: E402
from tests.support.asgi import asgi_request  # noqa: E402

APP = create_app(Settings())


def asgi_post(path: str, body: bytes):
    """A function that sends `body` to `path` through the app in process and checks the 200."""
    loop = asyncio.new_event_loop()

    async def call() -> None:
        status = await asgi_request(APP, "POST", path, body)
        assert status == 200, status

    return lambda: loop.run_until_complete(call())


def bodies() -> dict[str, bytes]:
    iris = dataset("iris")
    rng = np.random.default_rng(0)
    big = {
        "x": rng.standard_normal((5000, 2)).round(4).tolist(),
        "y": (np.arange(5000) % 3).tolist(),
        "weights": [[0.0, 0.0]] * 3, "bias": [0.0] * 3, "learning_rate": 0.5, "steps": 10,
    }  # fmt: skip
    iris_body = {
        "x": iris["x"], "y": iris["y"], "weights": [[0.0] * 4] * 3, "bias": [0.0] * 3,
        "learning_rate": 0.1, "steps": 1000,
    }  # fmt: skip
    return {
        "softmax": json.dumps({"logits": [4, 2, -1]}).encode(),
        "iris": json.dumps(iris_body).encode(),
        "big": json.dumps(big).encode(),
    }


def server_times(repeats: int, sample: float) -> None:
    b = bodies()
    cases = {
        "POST /api/softmax [4, 2, -1] (baseline)": asgi_post("/api/softmax", b["softmax"]),
        "classifier/step: iris 150x4, 1,000 steps": asgi_post("/api/classifier/step", b["iris"]),
        "classifier/step: 5,000 2-D points, 10 steps": asgi_post("/api/classifier/step", b["big"]),
    }
    base = next(iter(cases))
    results = compare(cases, base, repeats, sample)
    print(header("Server time in process (ASGI call: parse, validate, core, encode)", "softmax"))
    for name, res in results.items():
        print(row(name, res))
    iris_ms = results["classifier/step: iris 150x4, 1,000 steps"].median_ms
    big_ms = results["classifier/step: 5,000 2-D points, 10 steps"].median_ms
    print(goal(iris_ms < 50, f"1,000 steps on iris in {iris_ms:.1f} ms (< 50 ms)"))
    print(goal(big_ms < 20, f"10 steps on 5,000 2-D points in {big_ms:.1f} ms (< 20 ms)"))


def digit_time(repeats: int, sample: float) -> None:
    image = digits_held_out()["pixels"][0]
    z = np.array([4.0, 2.0, -1.0])
    from app.core import softmax

    cases = {
        "core softmax of 3 logits (baseline)": lambda: softmax(z),
        "one digit predicted": lambda: predict(image),
    }
    results = compare(cases, next(iter(cases)), repeats, sample)
    print(header("One digit in process (app.api.digits.predict)", "softmax"))
    for name, res in results.items():
        print(row(name, res))
    ms = results["one digit predicted"].median_ms
    print(goal(ms < 2, f"one digit predicted in {ms:.3f} ms (< 2 ms)"))


# Runs in the page: on every animation frame the first weight slider takes a new value and
# fires "input", as a drag does (Playwright's mouse moves are too slow on a busy machine to
# drag at 60 per second); the page's map counts its paints in data-paints.
DRAG = """async (seconds) => {
  let idle = 0;  // the baseline: frames the browser gives an empty loop meanwhile
  const idleStart = performance.now();
  while (performance.now() - idleStart < 500) {
    await new Promise(requestAnimationFrame);
    idle += 1;
  }
  const idleFps = idle / ((performance.now() - idleStart) / 1000);
  const slider = document.getElementById("w-0-0");
  const canvas = document.getElementById("clf-map");
  const before = Number(canvas.dataset.paints);
  const start = performance.now();
  let moves = 0;
  const costs = [];
  while (performance.now() - start < seconds * 1000) {
    await new Promise(requestAnimationFrame);
    costs.push(Number(canvas.dataset.paintMs));
    slider.value = String(-5 + ((moves * 0.37) % 10));
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    moves += 1;
  }
  costs.sort((a, b) => a - b);
  await new Promise(requestAnimationFrame);
  await new Promise(requestAnimationFrame);
  const elapsed = (performance.now() - start) / 1000;
  const paintMs = costs[Math.floor(costs.length / 2)];
  return { moves, paints: Number(canvas.dataset.paints) - before, elapsed, paintMs, idleFps };
}"""


def repaint(seconds: float) -> None:
    from bench_api import server
    from playwright.sync_api import sync_playwright

    from tests.support.serve import launch_chromium

    with server(1) as port, sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"http://127.0.0.1:{port}/classifier?lang=en")
        page.wait_for_selector("body[data-ready='1']")
        r = page.evaluate(DRAG, seconds)
        browser.close()
    fps = r["paints"] / r["elapsed"]
    print("\nMap repaint while a weight slider is dragged (headless Chromium, 1280 px)")
    print(
        f"  {r['moves']} slider moves, {r['paints']} paints in {r['elapsed']:.2f} s: {fps:.1f} fps"
    )
    print(f"  an empty animation-frame loop gets {r['idleFps']:.1f} fps in this browser (baseline)")
    cost = r["paintMs"]
    print(f"  one paint (shading + points): {cost:.2f} ms median, room for ~{1000 / cost:.0f} fps")
    print(goal(fps >= 30, f"the probability map repaints at {fps:.0f} fps (>= 30)"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, a short drag")
    args = parser.parse_args()
    repeats, sample, drag = (3, 0.05, 1.0) if args.quick else (9, 0.3, 4.0)
    print(machine_note())
    server_times(repeats, sample)
    digit_time(repeats, sample)
    repaint(drag)


if __name__ == "__main__":
    main()
