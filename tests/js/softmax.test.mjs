// The page's local softmax against the API's answers (app.core.softmax, float64 numpy).
import assert from "node:assert/strict";
import { test } from "node:test";
import { softmax } from "../../static/js/softmax.js";

// [logits, T, what POST /api/softmax answers] (printed from app.core.softmax.softmax).
const API = [
  [[4, 2, -1], 1, [0.8756005950630876, 0.11849965453500959, 0.005899750401902781]],
  [[4, 2, -1], 3, [0.5874430332413048, 0.3016033097225179, 0.11095365703617732]],
  [[4, 2, -1], 0.3, [0.9987289261062157, 0.0012710161897385773, 5.770404574111248e-8]],
  [[5.2, 0.8, -3.1], 1, [0.9876290993983826, 0.012125458151475305, 0.00024544245014197004]],
  [[1000, 999, -1000], 1, [0.7310585786300049, 0.2689414213699951, 0]],
  [[1e308, -1e308], 0.05, [1, 0]],
  [[3, 3, 1], 0.5, [0.4954626425778431, 0.4954626425778431, 0.009074714844313747]],
  [[0.1, 0.2, 0.3, 0.4], 10, [0.24626259322575048, 0.24873757343424976, 0.2512374276073745, 0.2537624057326252]],
  [[-5, -5], 1e-3, [0.5, 0.5]],
];

test("agrees with the API to 1e-12", () => {
  for (const [z, T, want] of API) {
    const { p } = softmax(z, T);
    p.forEach((x, i) => assert.ok(Math.abs(x - want[i]) <= 1e-12 * Math.max(1, want[i]), `${z} T=${T}: ${x} vs ${want[i]}`));
  }
});

test("the article's e^z and their sum", () => {
  const r = softmax([4, 2, -1], 1);
  assert.equal(r.e[0].toFixed(3), "54.598");
  assert.equal(r.e[1].toFixed(3), "7.389");
  assert.equal(r.e[2].toFixed(3), "0.368");
  assert.equal(r.sum.toFixed(3), "62.355");
  assert.equal(r.top, 0);
  assert.deepEqual(r.shifted.map((x) => x <= 1), [true, true, true]);
});

test("e^(z/T) that overflows is null, the shares stay exact", () => {
  const r = softmax([1000, 999, -1000], 1);
  assert.equal(r.e, null);
  assert.equal(r.sum, null);
  assert.equal(r.shifted[0], 1);
});

test("T = 0 is the hard max, a tie split", () => {
  assert.deepEqual(softmax([4, 2, -1], 0).p, [1, 0, 0]);
  assert.deepEqual(softmax([3, 1, 3], 0).p, [0.5, 0, 0.5]);
  assert.equal(softmax([3, 1, 3], 0).top, 0);
  assert.equal(softmax([3, 1, 3], 0).e, null);
});

test("adding a constant changes nothing; doubling the logits is halving T", () => {
  const a = softmax([4, 2, -1], 3).p;
  const b = softmax([5, 3, 0], 3).p;
  const c = softmax([8, 4, -2], 6).p;
  a.forEach((x, i) => assert.ok(Math.abs(x - b[i]) < 1e-15 && Math.abs(x - c[i]) < 1e-15));
});
