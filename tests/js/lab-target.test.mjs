// What the lab's cross-entropy panel asks (static/js/lab/target.js) and how its boxes read
// numbers (static/js/lab/numberbox.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { crossEntropyBody, distributionText, parseDistribution, targetIndex, validDistribution } from "../../static/js/lab/target.js";
import { readNumber } from "../../static/js/lab/numberbox.js";

test("a distribution is read with decimal points or decimal commas", () => {
  assert.deepEqual(parseDistribution("0.7, 0.2, 0.1"), [0.7, 0.2, 0.1]);
  assert.deepEqual(parseDistribution("0,7; 0,2; 0,1"), [0.7, 0.2, 0.1]);
  assert.deepEqual(parseDistribution("0.5 0.5"), [0.5, 0.5]);
  assert.ok(Number.isNaN(parseDistribution("0.5, x")[1]));
  assert.deepEqual(parseDistribution(""), []);
});

test("the box writes what it reads back, in each language", () => {
  const ru = (x) => String(x).replace(".", ",");
  assert.equal(distributionText([0.7, 0.2, 0.1], "ru", ru), "0,7; 0,2; 0,1");
  assert.equal(distributionText([0.7, 0.2, 0.1], "en", String), "0.7, 0.2, 0.1");
  for (const [lang, show] of [["ru", ru], ["en", String]]) {
    assert.deepEqual(parseDistribution(distributionText([0.25, 0.75], lang, show)), [0.25, 0.75]);
  }
});

test("only one non-negative number per class adding up to 1 is a distribution", () => {
  assert.ok(validDistribution([0.7, 0.2, 0.1], 3));
  assert.ok(!validDistribution([0.5, 0.5], 3));
  assert.ok(!validDistribution([1.2, -0.2, 0], 3));
  assert.ok(!validDistribution([0.5, 0.5, NaN], 3));
  assert.ok(!validDistribution([0.5, 0.4, 0], 3));
});

test("the request follows the state: the true class, a distribution, nothing at T = 0", () => {
  const state = { logits: [4, 2, -1], t: 2, target: 1, smoothing: 0.1 };
  assert.deepEqual(crossEntropyBody(state, null), { logits: [4, 2, -1], target: 1, temperature: 2, label_smoothing: 0.1 });
  assert.deepEqual(crossEntropyBody(state, [0, 0, 1]).target, [0, 0, 1]);
  assert.equal(crossEntropyBody({ ...state, t: 0 }, null), null);
  assert.equal(targetIndex({ logits: [1, 2], target: 5 }), 0, "a class that is not there");
  assert.equal(targetIndex({ logits: [1, 2, 3], target: [0.1, 0.7, 0.2] }), 1);
});

test("a number box takes 0,3 and 0.3, a real minus, and refuses what is out of range", () => {
  assert.equal(readNumber("0,3"), 0.3);
  assert.equal(readNumber("0.3"), 0.3);
  assert.equal(readNumber("\u22121"), -1);
  assert.equal(readNumber("1,5", { min: 0, max: 1 }), undefined);
  assert.equal(readNumber("2,5", { int: true }), undefined);
  assert.equal(readNumber("10 000", { int: true, max: 10000 }), 10000);
  assert.equal(readNumber("", { optional: true }), null);
  assert.equal(readNumber(""), undefined);
  assert.equal(readNumber("abc"), undefined);
});
