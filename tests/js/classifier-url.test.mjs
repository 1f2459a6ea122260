import assert from "node:assert/strict";
import { test } from "node:test";

import { readState, writeQuery } from "../../static/js/classifier/url.js";

test("a full address round-trips", () => {
  const query = "dataset=moons&seed=3&fx=0&fy=1&t=0.5&lr=0.2&w=1,2;3,-4.5&b=0,1&pts=0.5,-1,1&lang=ru";
  const state = readState("?" + query);
  assert.deepEqual(state, {
    dataset: "moons", seed: 3, fx: 0, fy: 1, t: 0.5, lr: 0.2, w: [[1, 2], [3, -4.5]], b: [0, 1],
    pts: [{ x: [0.5, -1], y: 1 }], lang: "ru",
  });
  assert.equal(writeQuery(state), query);
});

test("defaults for a bare address; iris has no seed", () => {
  const state = readState("");
  assert.equal(state.dataset, "iris");
  assert.equal(state.t, 1);
  assert.equal(state.w, null);
  assert.equal(writeQuery(state), "dataset=iris&t=1");
});

test("invalid values fall back to the defaults", () => {
  const state = readState("?dataset=mnist&seed=-2&fx=1.5&t=0&lr=-1&w=1,2;3&b=1,x&lang=de");
  assert.deepEqual(state, {
    dataset: "iris", seed: 0, fx: null, fy: null, t: 1, lr: null, w: null, b: null, pts: [], lang: null,
  });
  assert.equal(readState("?t=1e9").t, 1);
  assert.equal(readState("?t=0.01").t, 0.01);
});

test("the model is written with 6 significant digits", () => {
  const state = { ...readState(""), w: [[1 / 3, -2 / 3]], b: [1e-7] };
  assert.equal(writeQuery(state), "dataset=iris&t=1&w=0.333333,-0.666667&b=1e-7");
});

test("added points: pts=x1,x2,class;... round-trips", () => {
  const query = "dataset=iris&t=1&pts=4.5,1.25,2;-0.75,0,0";
  const state = readState("?" + query);
  assert.deepEqual(state.pts, [{ x: [4.5, 1.25], y: 2 }, { x: [-0.75, 0], y: 0 }]);
  assert.equal(writeQuery(state), query);
  assert.deepEqual(readState("").pts, []);
  assert.equal(writeQuery({ ...state, pts: [] }), "dataset=iris&t=1");
});

test("malformed points are skipped, never an error; only the last 200 are kept", () => {
  const bad = "1,2;abc;1,2,3,4;NaN,1,0;1e999,1,0;1,1,-1;1,1,1.5;1,1,64;,,;;5,1.5,1;x;2,-3,0x";
  assert.deepEqual(readState("?pts=" + encodeURIComponent(bad)).pts, [{ x: [5, 1.5], y: 1 }]);
  for (const junk of ["", ";;;", "%", "%E0%A4%A", "1,2,3".repeat(5)]) {
    assert.deepEqual(readState("?pts=" + junk).pts, [], junk);
  }
  const many = Array.from({ length: 250 }, (_, i) => `${i},0,${i % 3}`).join(";");
  const pts = readState("?pts=" + many).pts;
  assert.equal(pts.length, 200);
  assert.deepEqual(pts[0], { x: [50, 0], y: 2 });
  assert.deepEqual(pts.at(-1), { x: [249, 0], y: 0 });
});
