import assert from "node:assert/strict";
import { test } from "node:test";

import { direction, onHandle, valueAt, valueMoved } from "../../static/js/zdrag.js";

const RANGE = { min: -10, max: 10, step: 0.1 };
// A bar at x = 100, 214 px wide: the handle's centre runs from 107 (-10) to 307 (+10).

test("a press sets the value under the pointer, in steps of 0.1, within the range", () => {
  assert.equal(valueAt(207, 100, 214, RANGE), 0);
  assert.equal(valueAt(107, 100, 214, RANGE), -10);
  assert.equal(valueAt(307, 100, 214, RANGE), 10);
  assert.equal(valueAt(240, 100, 214, RANGE), 3.3); // not 3.3000000000000003
  assert.equal(valueAt(0, 100, 214, RANGE), -10);
  assert.equal(valueAt(900, 100, 214, RANGE), 10);
});

test("a drag moves the value as far as the pointer moves, wherever it started", () => {
  assert.equal(valueMoved(2, 30, 214, RANGE), 5);
  assert.equal(valueMoved(2, -30, 214, RANGE), -1);
  assert.equal(valueMoved(2, 0, 214, RANGE), 2);
  assert.equal(valueMoved(9, 50, 214, RANGE), 10);
  assert.equal(valueMoved(-1.5, 1, 214, RANGE), -1.4);
});

test("the handle is the value's spot give or take its half width", () => {
  assert.equal(onHandle(227, 2, 100, 214, RANGE), true); // 2 is at x = 227
  assert.equal(onHandle(236, 2, 100, 214, RANGE), true);
  assert.equal(onHandle(240, 2, 100, 214, RANGE), false);
  assert.equal(onHandle(160, 2, 100, 214, RANGE), false);
});

test("a finger's direction is read once it leaves the slop", () => {
  assert.equal(direction(3, -4), null);
  assert.equal(direction(1, -15), "y");
  assert.equal(direction(8, 3), "x");
  assert.equal(direction(-8, 7), "x");
  assert.equal(direction(6, 6), "y"); // a diagonal is a scroll: scrolling never changes a value
});
