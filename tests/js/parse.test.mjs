import assert from "node:assert/strict";
import { test } from "node:test";

import { parseNumber } from "../../static/js/parse.js";

test("a decimal comma and a decimal point mean the same", () => {
  assert.equal(parseNumber("0,3"), 0.3);
  assert.equal(parseNumber("0.3"), 0.3);
  assert.equal(parseNumber("1,5"), 1.5);
});

test("a real minus sign, dashes and spaces", () => {
  assert.equal(parseNumber("\u22121"), -1);
  assert.equal(parseNumber("\u2212 3,1"), -3.1);
  assert.equal(parseNumber(" 12\u00a0000,5 "), 12000.5);
  assert.equal(parseNumber("-.5"), -0.5);
  assert.equal(parseNumber("1e-3"), 0.001);
});

test("anything else is NaN", () => {
  for (const bad of ["", "abc", "1,2,3", "1..2", "--1", "1e", null, undefined]) {
    assert.ok(Number.isNaN(parseNumber(bad)), String(bad));
  }
});
