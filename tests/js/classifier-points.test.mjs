import assert from "node:assert/strict";
import { test } from "node:test";

import { MAX_POINTS, addPoint, bounds, fitPoints, roundTo } from "../../static/js/classifier/points.js";

test("coordinates are rounded to about a thousandth of the map's span", () => {
  assert.equal(roundTo(4.123456, 6.8), 4.123); // iris: 3 decimals
  assert.equal(roundTo(-0.98765, 2.5), -0.988);
  assert.equal(roundTo(12.34567, 25), 12.35); // a wider map: 2 decimals
  assert.equal(roundTo(1234.567, 3000), 1235);
  assert.equal(roundTo(0.0123456, 0.05), 0.01235);
  assert.equal(String(roundTo(0.1 + 0.2, 5)), "0.3"); // short in the address, no 0.30000000000000004
  assert.equal(String(roundTo(-0.0001, 5)), "0");
  assert.equal(roundTo(1.23456789, 0), 1.23456789); // a flat span: 12 decimals, never NaN
});

test("a click adds a rounded point of the chosen class; the oldest goes beyond the cap", () => {
  const box = [0, 7, 0, 2.5];
  const one = addPoint([], [3.14159, 1.41421], 2, box);
  assert.deepEqual(one, [{ x: [3.142, 1.414], y: 2 }]);
  let pts = [];
  for (let i = 0; i < MAX_POINTS + 5; i++) pts = addPoint(pts, [i / 100, 1], i % 3, box);
  assert.equal(pts.length, MAX_POINTS);
  assert.deepEqual(pts[0], { x: [0.05, 1], y: 2 }); // points 0..4 went
  assert.deepEqual(pts.at(-1), { x: [(MAX_POINTS + 4) / 100, 1], y: (MAX_POINTS + 4) % 3 });
  assert.equal(MAX_POINTS, 200);
});

test("points from an address keep only the dataset's classes and places on its map", () => {
  const box = [0, 10, -1, 1];
  const pts = [
    { x: [5, 0], y: 0 }, { x: [5, 0], y: 3 }, { x: [11, 0], y: 1 }, { x: [0, -1], y: 2 }, { x: [5, 1.5], y: 1 },
  ];
  assert.deepEqual(fitPoints(pts, 3, box), [{ x: [5, 0], y: 0 }, { x: [0, -1], y: 2 }]);
  assert.deepEqual(fitPoints([], 3, box), []);
});

test("the map's bounds have an 8 % margin, and a margin of 0.08 around a single value", () => {
  const b = bounds([{ x: [0, 5] }, { x: [10, 5] }]);
  assert.deepEqual(b.map((v) => Number(v.toFixed(9))), [-0.8, 10.8, 4.92, 5.08]);
});
