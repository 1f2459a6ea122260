// The lab's CSV export (static/js/lab/csv.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { BOM, curvesRows, gradientRows, histogramRows, lossRows, toCsv } from "../../static/js/lab/csv.js";

test("a CSV file starts with the byte-order mark, so that Excel reads Cyrillic", () => {
  const text = toCsv([["class", "p"], ["пицца", 0.5]]);
  assert.equal(text, "\ufeffclass,p\r\nпицца,0.5\r\n");
  assert.equal(BOM, "\ufeff");
  assert.deepEqual([...new TextEncoder().encode(text).slice(0, 3)], [0xef, 0xbb, 0xbf]);
});

test("cells are quoted where needed and formulas are defused", () => {
  const text = toCsv([['say "hi"', "a,b", "=1+1", "-x", -1]]);
  assert.equal(text, `${BOM}"say ""hi""","a,b",'=1+1,'-x,-1\r\n`);
});

test("the gradient rows name the target as a one-hot vector or the distribution", () => {
  const numbers = {
    request: { logits: [4, 2], target: 1 },
    response: { probabilities: [0.88, 0.12], gradient: [0.88, -0.88], loss: 2.12 },
  };
  assert.deepEqual(gradientRows(numbers, ["a", "b"]), [
    ["class", "logit", "target", "probability", "gradient"],
    ["a", 4, 0, 0.88, 0.88],
    ["b", 2, 1, 0.12, -0.88],
    ["loss", "", "", "", 2.12],
  ]);
  numbers.request.target = [0.3, 0.7];
  assert.equal(gradientRows(numbers, ["a", "b"])[1][2], 0.3);
  assert.equal(gradientRows(null, ["a"]), null);
});

test("loss, curves and histogram rows; none before there are numbers", () => {
  assert.equal(lossRows({ losses: [] }), null);
  assert.deepEqual(lossRows({ losses: [2, 1] }), [["step", "loss"], [0, 2], [1, 1]]);
  const curves = { temperatures: [1], probabilities: [[0.7, 0.3]], entropy: [0.61] };
  assert.deepEqual(curvesRows(curves, ["a"]), [["temperature", "a", "2", "entropy_nats"], [1, 0.7, 0.3, 0.61]]);
  const sample = { request: { temperature: 1 }, response: { counts: [3, 1], probabilities: [0.75, 0.25], n: 4, seed: 7 } };
  assert.deepEqual(histogramRows(sample, ["a", "b"]).slice(-3), [["n", "", 4], ["seed", "", 7], ["temperature", "", 1]]);
});
