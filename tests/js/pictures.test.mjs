// The pictures' pure parts: round ticks that fit, the hard max / softmax curves of the top
// class against its logit, the two-class sigmoid (static/js/svgplot.js, hardmax-plots.js,
// twoclass-plot.js).
import assert from "node:assert/strict";
import { test } from "node:test";

globalThis.document = { documentElement: {}, querySelectorAll: () => [] }; // i18n.js translates none
const { niceTicks, tickText } = await import("../../static/js/svgplot.js");
const { setLanguage } = await import("../../static/js/i18n.js");
const { hardShare, hardmaxModel, logitRange, noteAt, softShare } = await import("../../static/js/hardmax-plots.js");
const { gapRange, share } = await import("../../static/js/twoclass-plot.js");

const softmax = (z, T) => {
  const m = Math.max(...z);
  const e = z.map((x) => Math.exp((x - m) / T));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
};

test("a huge or tiny tick is written as a power of ten, not with the letter e", () => {
  setLanguage("ru");
  assert.equal(tickText(-1e300), "−1·10³⁰⁰");
  assert.equal(tickText(2.5e-4), "2,5·10⁻⁴");
  assert.equal(tickText(0.5), "0,5");
  setLanguage("en");
  assert.equal(tickText(1.5e6), "1.5×10⁶");
});

test("ticks are round, inside the range, and as many as fit their labels", () => {
  const width = (text) => text.length * 8 + 12;
  assert.deepEqual(niceTicks(-3.05, 7.05, 276, width), [-2, 0, 2, 4, 6]);
  assert.deepEqual(niceTicks(-6000, 6000, 276, width), [-5000, -2500, 0, 2500, 5000]);
  const cases = [[-6, 6, 250], [0.5, 0.51, 300], [-1e300, 1e300, 300], [-120, 40, 900], [-1.01e308, -0.99e308, 300]];
  for (const [lo, hi, w] of cases) {
    const ticks = niceTicks(lo, hi, w, width);
    assert.ok(ticks.length >= 2 && ticks.every((x) => x >= lo && x <= hi), `${lo}..${hi}: ${ticks}`);
    const gap = ((ticks[1] - ticks[0]) / (hi - lo)) * w;
    assert.ok(ticks.every((x) => width(String(x)) <= gap + 2 || ticks.length <= 2), `${lo}..${hi}: ${ticks}`);
  }
});

test("the soft curve passes through softmax's share at the top class's own logit", () => {
  for (const [z, T] of [[[4, 2, -1], 1], [[4, 2, -1], 3], [[4, 2, -1], 0.3], [[1000, 999, -1000], 1], [[0, 5, 5], 2]]) {
    const m = hardmaxModel(z, T);
    const p = softmax(z, T);
    assert.equal(m.top, p.indexOf(Math.max(...p)));
    assert.ok(Math.abs(softShare(z[m.top], m) - p[m.top]) < 1e-14, `${z} at T = ${T}`);
  }
});

test("the hard max is a step at the runner-up's logit: flat on both sides, shared at a tie", () => {
  const m = hardmaxModel([4, 2, -1], 0);
  assert.deepEqual([m.top, m.runner, m.r, m.Ts], [0, 1, 2, 1]); // drawn beside softmax at T = 1
  assert.deepEqual([hardShare(1.9, m), hardShare(2.1, m), hardShare(2, m)], [0, 1, 0.5]);
  assert.equal(hardShare(2, hardmaxModel([2, 2, 2], 1)), 1 / 3);
  const [lo, hi] = logitRange(4, m);
  assert.ok(lo < 2 && hi > 4 && Math.abs(lo + hi - 4) < 1e-12); // centred on the step
  assert.equal(noteAt(-3, 2, 0.5), -1.25); // the longer side of the current point
  assert.equal(noteAt(2, 7, 4), 5.5);
});

test("two classes: p(a) is the sigmoid of the gap over T, a step at T = 0", () => {
  assert.equal(share(0, 1), 0.5);
  assert.ok(Math.abs(share(2, 1) - softmax([1.5, -0.5], 1)[0]) < 1e-15);
  assert.ok(Math.abs(share(2, 3) - softmax([2, 0], 3)[0]) < 1e-15);
  assert.deepEqual([share(-1, 0), share(0, 0), share(1, 0)], [0, 0.5, 1]);
  assert.deepEqual(gapRange(2, 1), [-6, 6]);
  assert.deepEqual(gapRange(100, 1), [-125, 125]);
  assert.ok(Number.isFinite(gapRange(Infinity, 1)[1]));
});
