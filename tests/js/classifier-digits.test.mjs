import assert from "node:assert/strict";
import { test } from "node:test";

import { blank, expand, reduce, SIZE, stamp, stroke } from "../../static/js/digits/reduce.js";

test("reduction counts the inked pixels of each 4 x 4 block, row by row", () => {
  const bitmap = blank();
  for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) bitmap[y * SIZE + x] = 1; // block 0: 16
  bitmap[31 * SIZE + 31] = 1; // the last block: 1
  bitmap[5 * SIZE + 9] = 1; // row 1, column 2: index 10
  const counts = reduce(bitmap);
  assert.equal(counts.length, 64);
  assert.equal(counts[0], 16);
  assert.equal(counts[63], 1);
  assert.equal(counts[10], 1);
  assert.equal(counts.reduce((a, c) => a + c, 0), 18);
});

test("a sample's counts survive the round trip through the pad's bitmap", () => {
  const counts = Array.from({ length: 64 }, (_, i) => i % 17);
  assert.deepEqual(reduce(expand(counts)), counts);
});

test("a stroke inks a connected line, within the pad", () => {
  const bitmap = blank();
  assert.equal(stroke(bitmap, [2, 16], [30, 16], 1), true);
  for (let x = 2; x < 30; x++) assert.equal(bitmap[16 * SIZE + x] || bitmap[15 * SIZE + x], 1, `x = ${x}`);
  assert.equal(stamp(bitmap, 16, 16.5, 1), false); // already inked: no change
  assert.equal(stamp(blank(), -5, -5, 1), false); // outside: nothing
  const counts = reduce(bitmap);
  assert.ok(counts.every((c) => c >= 0 && c <= 16));
});
