"""Slider-to-paint latency of the explorer page, in headless Chromium.

Starts the app with uvicorn on a free port, drags the "pizza logit" slider with real
mouse events 100 times (one sweep from -10 to 10, 60 ms apart), and for every move measures
from the input event's timestamp to the end of the frame that paints the new bar: a
MutationObserver sees the bar change (inside the page's requestAnimationFrame render),
then a MessageChannel task runs right after that frame's paint.

    python scripts/measure_latency.py [--drags 100] [--url http://127.0.0.1:8000/]

Prints the median, 95th percentile, mean and maximum in milliseconds.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.support.serve import launch_chromium, serve  # noqa: E402

LAB_API = ("/api/cross-entropy", "/api/temperature", "/api/sample")
PROBE = """() => {
  window.__latencies = [];
  let t0 = null;
  const slider = document.querySelector('input[aria-label="pizza logit"]');
  slider.addEventListener('input', (e) => { t0 = e.timeStamp; }, true);
  const row = document.querySelector('#bars tbody tr');
  new MutationObserver(() => {
    if (t0 === null) return;
    const start = t0;
    t0 = null;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => window.__latencies.push(performance.now() - start);
    channel.port2.postMessage(0);
  }).observe(row, { subtree: true, childList: true, characterData: true, attributes: true,
                    attributeFilter: ['style'] });
}"""


def measure(base: str, drags: int, lab: bool = True) -> list[float]:
    with sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        if not lab:  # the page alone: the lab's module (if it loads) is an empty one
            page.route(
                "**/static/js/lab/main.js",
                lambda r: r.fulfill(body="", content_type="text/javascript"),
            )
        page.goto(base + "?labels=pizza,burger,salad&logits=0,2,-1&t=1&lang=en")
        page.wait_for_selector("body[data-ready='1']")
        if lab:  # the lab loads when it comes into view; bring it in, then go back up
            page.locator("#lab").scroll_into_view_if_needed()
            page.wait_for_selector("[data-testid=lab-loss]:not(:empty)")
            page.wait_for_load_state("networkidle")
            page.evaluate("window.scrollTo(0, 0)")
        lab_requests = []
        page.on(
            "request",
            lambda r: lab_requests.append(r.url) if any(p in r.url for p in LAB_API) else None,
        )
        page.evaluate(PROBE)
        box = page.locator('input[aria-label="pizza logit"]').bounding_box()
        y = box["y"] + box["height"] / 2
        # One sweep from the left end to the right: every move lands on a new value, so
        # nothing is painted from answers fetched on an earlier pass.
        x = box["x"] + 4
        page.mouse.move(x, y)
        page.mouse.down()
        page.wait_for_timeout(300)
        step = (box["width"] - 8) / drags
        for _ in range(drags):
            x += step
            page.mouse.move(x, y)
            page.wait_for_timeout(60)
        during = len(lab_requests)
        page.mouse.up()
        page.wait_for_timeout(500)
        values = page.evaluate("window.__latencies")
        if lab:
            print(f"lab requests: {during} during the drag, {len(lab_requests) - during} after it")
        browser.close()
    return values


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drags", type=int, default=100)
    parser.add_argument("--url", help="use a running server instead of starting one")
    parser.add_argument("--no-lab", action="store_true", help="measure without the learning lab")
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        base = args.url or stack.enter_context(serve(SOFTMAX_LOG_LEVEL="warning")).url + "/"
        values = measure(base, args.drags, lab=not args.no_lab)
    if not values:
        sys.exit("no paints were measured")
    values.sort()
    p95 = values[min(len(values) - 1, round(0.95 * len(values)) - 1)]
    print(
        f"slider-to-paint over {len(values)} drags (of {args.drags} moves): "
        f"median {statistics.median(values):.1f} ms, p95 {p95:.1f} ms, "
        f"mean {statistics.fmean(values):.1f} ms, max {values[-1]:.1f} ms"
    )


if __name__ == "__main__":
    main()
