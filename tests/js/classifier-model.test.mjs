import assert from "node:assert/strict";
import { test } from "node:test";

import { logitsAt, parseColour, probabilitiesAt, shadeCells, softmaxT, zeros } from "../../static/js/classifier/model.js";
import { ticks } from "../../static/js/classifier/marks.js";

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

const RED = [255, 0, 0];
const BLUE = [0, 0, 255];
const WHITE = [255, 255, 255];

test("the map's cells mix the class colours in the probabilities' shares", () => {
  const out = new Uint8ClampedArray(4 * 4 * 2);
  // Zero weights: every class has 1/2 everywhere; half the mix over white.
  shadeCells(out, 4, 2, [0, 1, 0, 1], { ...zeros(2, 2), T: 1 }, [RED, BLUE], WHITE, 0.5);
  assert.deepEqual([...out.slice(0, 4)], [191, 128, 191, 255]);
  assert.deepEqual([...out.slice(28, 32)], [191, 128, 191, 255]);
});

test("the map's cells follow the model: left red, right blue; hard at T = 0, softer as T grows", () => {
  const model = { w: [[-10, 0], [10, 0]], b: [0, 0] }; // class 1 wins where x > 0
  const cell = (T, i) => {
    const out = new Uint8ClampedArray(4 * 4);
    shadeCells(out, 4, 1, [-1, 1, 0, 1], { ...model, T }, [RED, BLUE], WHITE, 1);
    return [...out.slice(4 * i, 4 * i + 3)];
  };
  assert.deepEqual(cell(0, 0), RED);
  assert.deepEqual(cell(0, 3), BLUE);
  const p = probabilitiesAt(model.w, model.b, [-0.25, 0.5], 1); // cell 1's centre
  assert.deepEqual(cell(1, 1), [Math.round(255 * p[0]), 0, Math.round(255 * p[1])]);
  assert.ok(cell(100, 0)[2] > cell(1, 0)[2]); // hotter: more of the other colour
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
