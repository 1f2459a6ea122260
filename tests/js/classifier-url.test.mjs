import assert from "node:assert/strict";
import { test } from "node:test";

import { readState, writeQuery } from "../../static/js/classifier/url.js";

test("a full address round-trips", () => {
  const query = "dataset=moons&seed=3&fx=0&fy=1&t=0.5&lr=0.2&w=1,2;3,-4.5&b=0,1&lang=ru";
  const state = readState("?" + query);
  assert.deepEqual(state, {
    dataset: "moons", seed: 3, fx: 0, fy: 1, t: 0.5, lr: 0.2, w: [[1, 2], [3, -4.5]], b: [0, 1], lang: "ru",
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
    dataset: "iris", seed: 0, fx: null, fy: null, t: 1, lr: null, w: null, b: null, lang: null,
  });
  assert.equal(readState("?t=1e9").t, 1);
  assert.equal(readState("?t=0.01").t, 0.01);
});

test("the model is written with 6 significant digits", () => {
  const state = { ...readState(""), w: [[1 / 3, -2 / 3]], b: [1e-7] };
  assert.equal(writeQuery(state), "dataset=iris&t=1&w=0.333333,-0.666667&b=1e-7");
});
