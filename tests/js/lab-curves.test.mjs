// The temperature chart's axis (static/js/lab/curvechart.js): a log scale from 0.05 to 20
// whose clicks map back to the temperatures it draws.
import assert from "node:assert/strict";
import { test } from "node:test";

import { GRID, IW, NICE, PAD, T_MAX, T_MIN, clampT, tAt, xOf } from "../../static/js/lab/curvechart.js";

test("the grid asked of the API holds every gridline temperature, in order, within range", () => {
  for (const temp of NICE) assert.ok(GRID.includes(temp), String(temp));
  assert.deepEqual(GRID, [...GRID].sort((a, b) => a - b));
  assert.equal(GRID[0], T_MIN);
  assert.equal(GRID[GRID.length - 1], T_MAX);
  assert.ok(GRID.length > 60);
});

test("x positions are log-scaled, T = 1 sits where 0.05 and 20 put it, and clicks map back", () => {
  assert.equal(xOf(T_MIN), PAD.left);
  assert.equal(xOf(T_MAX), PAD.left + IW);
  const one = (xOf(1) - PAD.left) / IW;
  assert.ok(Math.abs(one - Math.log10(1 / T_MIN) / Math.log10(T_MAX / T_MIN)) < 1e-12);
  for (const temp of [0.05, 0.3, 1, 3, 20]) {
    assert.ok(Math.abs(tAt((xOf(temp) - PAD.left) / IW) - temp) < 1e-9 * temp, String(temp));
  }
  assert.equal(clampT(100), T_MAX);
  assert.ok(Math.abs(tAt(-1) - T_MIN) < 1e-15, "a click left of the axis is its first temperature");
});
