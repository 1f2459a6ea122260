// The temperature slider's detents: steps land exactly on the article's temperatures.
import assert from "node:assert/strict";
import { test } from "node:test";
import { HARD, MAX, positionToT, SUBSTEPS, tToPosition } from "../../static/js/detents.js";

const ALL = Array.from({ length: MAX + 2 }, (_, i) => positionToT(i - 1));

test("every detent is reached exactly, T = 0 at the left end", () => {
  for (const d of [0.1, 0.2, 0.3, 0.5, 1, 2, 3, 5, 10]) assert.ok(ALL.includes(d), String(d));
  assert.equal(positionToT(HARD), 0);
  assert.equal(ALL[0], 0);
  assert.equal(positionToT((MAX / 2)), 1); // T = 1 in the middle
});

test("steps increase, log-scaled between detents", () => {
  for (let i = 1; i < ALL.length; i++) assert.ok(ALL[i] > ALL[i - 1], `${ALL[i - 1]} ${ALL[i]}`);
  // between 1 and 2: 2^(1/4), 2^(1/2), 2^(3/4) to two digits
  assert.deepEqual([1, 2, 3].map((k) => positionToT(tToPosition(1) + k)), [1.2, 1.4, 1.7]);
  assert.equal(tToPosition(3) - tToPosition(2), SUBSTEPS);
});

test("T -> position -> T is the identity on the slider's values", () => {
  for (const T of ALL) assert.equal(positionToT(tToPosition(T)), T);
});

test("a typed T goes to the nearest position, clamped at the ends", () => {
  assert.equal(positionToT(tToPosition(2.9)), 3);
  assert.equal(positionToT(tToPosition(0.31)), 0.3);
  assert.equal(tToPosition(1000), MAX);
  assert.equal(tToPosition(1e-9), 0);
  assert.equal(tToPosition(0), HARD);
});
