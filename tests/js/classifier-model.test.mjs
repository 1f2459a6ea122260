import assert from "node:assert/strict";
import { test } from "node:test";

import { logitsAt, mixColour, parseColour, probabilitiesAt, softmaxT, zeros } from "../../static/js/classifier/model.js";
import { ticks } from "../../static/js/classifier/map.js";

const close = (a, b, tol = 5e-5) => a.forEach((v, i) => assert.ok(Math.abs(v - b[i]) <= tol, `${a} vs ${b}`));

test("softmax of the article's food example, at T = 1, 3 and 0.3", () => {
  close(softmaxT([4, 2, -1], 1), [0.8756, 0.1185, 0.0059]);
  close(softmaxT([4, 2, -1], 3), [0.587, 0.302, 0.111], 5e-4);
  close(softmaxT([4, 2, -1], 0.3), [0.9987, 0.0013, 0.00000006], 5e-5);
});

test("softmax does not overflow and T = 0 is the hard max, ties shared", () => {
  close(softmaxT([1000, 999, -1000], 1), [0.7311, 0.2689, 0]);
  assert.deepEqual(softmaxT([3, 3, 1], 0), [0.5, 0.5, 0]);
  assert.deepEqual(softmaxT([1, 2], 0), [0, 1]);
});

test("the linear model's logits and probabilities", () => {
  const w = [[1, 0], [0, 1], [0, 0]];
  const b = [0.5, 0, -1];
  assert.deepEqual(logitsAt(w, b, [2, 3]), [2.5, 3, -1]);
  close(probabilitiesAt(w, b, [2, 3], 1), softmaxT([2.5, 3, -1], 1), 1e-15);
  const { w: w0, b: b0 } = zeros(3, 2);
  close(probabilitiesAt(w0, b0, [5, -7], 1), [1 / 3, 1 / 3, 1 / 3], 1e-15);
});

test("the map's colour mixes the class colours in the probabilities' shares", () => {
  assert.deepEqual(mixColour([1, 0], [[10, 20, 30], [200, 200, 200]]), [10, 20, 30]);
  assert.deepEqual(mixColour([0.5, 0.5], [[0, 100, 200], [100, 100, 0]]), [50, 100, 100]);
});

test("colours read from CSS: hex and rgb()", () => {
  assert.deepEqual(parseColour(" #0072b2"), [0, 114, 178]);
  assert.deepEqual(parseColour("#fff"), [255, 255, 255]);
  assert.deepEqual(parseColour("rgb(1, 2, 3)"), [1, 2, 3]);
  assert.equal(parseColour("var(--x)"), null);
});

test("axis ticks are round numbers inside the range", () => {
  assert.deepEqual(ticks(0.5, 7.3), [1, 2, 3, 4, 5, 6, 7]);
  assert.deepEqual(ticks(-3.3, 3.4), [-3, -2, -1, 0, 1, 2, 3]);
  assert.deepEqual(ticks(0, 2.6), [0, 0.5, 1, 1.5, 2, 2.5]);
});
