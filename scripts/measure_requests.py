"""Requests per second one student sends while dragging a logit slider (README "Scaling out").

Starts the app on a free loopback port, opens the page in headless Chromium (Debian's) and
moves the first logit slider back and forth once per animation frame for a few seconds,
counting the requests the page sends, by endpoint. Loopback is the fastest network there
is, so with at most one request in flight per stream this is an upper bound.

Usage: python scripts/measure_requests.py [--seconds 5]
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.support.serve import launch_chromium, serve  # noqa: E402

# Moves the first slider once per frame for `ms` milliseconds; resolves to the number of moves.
DRAG = """(ms) => new Promise((done) => {
  const s = document.querySelector("input[type=range]");
  const lo = Number(s.min), hi = Number(s.max), t0 = performance.now();
  let n = 0;
  function tick(now) {
    if (now - t0 > ms) return done(n);
    const f = ((now - t0) / 2000) % 2, x = f < 1 ? f : 2 - f;
    s.value = String(lo + (hi - lo) * (0.25 + 0.5 * x));
    s.dispatchEvent(new Event("input", { bubbles: true }));
    n++;
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
})"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    seconds = parser.parse_args().seconds
    with serve(SOFTMAX_LOG_LEVEL="warning") as server, sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{server.url}/?labels=pizza,burger,salad&logits=4,2,-1")
        page.wait_for_load_state("networkidle")
        counts: collections.Counter[str] = collections.Counter()
        prefix = server.url
        page.on(
            "request",
            lambda r: counts.update([f"{r.method} {r.url.removeprefix(prefix).split('?')[0]}"]),
        )
        started = time.monotonic()
        moves = page.evaluate(DRAG, seconds * 1000)
        took = time.monotonic() - started
        page.wait_for_timeout(500)
        browser.close()
    print(f"{moves} slider moves in {took:.1f} s ({moves / took:.0f}/s)")
    for name, count in sorted(counts.items()):
        print(f"  {name}: {count} ({count / took:.1f}/s)")
    api = sum(c for name, c in counts.items() if " /api/" in name)
    print(f"  API requests: {api / took:.1f}/s")


if __name__ == "__main__":
    main()
