// The tour's step in the page's address (static/js/url.js): tour=N, N from 1.
import assert from "node:assert/strict";
import { test } from "node:test";

import { normalize, parse, serialize } from "../../static/js/url.js";

test("tour=N is read as a step number and written back after the other parameters", () => {
  const s = parse("?labels=a,b&logits=1,2&t=3&lang=en&tour=4");
  assert.equal(s.tour, 4);
  assert.equal(serialize(s), "?labels=a,b&logits=1,2&t=3&lang=en&tour=4");
});

test("an address without tour= has no tour and serialises as before", () => {
  const s = parse("?labels=a,b&logits=1,2&t=3&lang=en&hide=steps");
  assert.equal(s.tour, null);
  assert.equal(serialize(s), "?labels=a,b&logits=1,2&t=3&lang=en&hide=steps");
});

test("a step that is not a whole number from 1 to 99 is dropped", () => {
  for (const bad of ["0", "-1", "1.5", "x", "", "100", "1e400"]) {
    assert.equal(parse(`?tour=${bad}`).tour, null, bad);
  }
  assert.equal(parse("?tour=99").tour, 99);
  assert.equal(normalize({ tour: 2.5 }).tour, null);
  assert.equal(normalize({ tour: 3 }).tour, 3);
});

test("closing the tour (tour: null) removes it from the address", () => {
  const s = normalize({ ...parse("?tour=2&lang=ru"), tour: null });
  assert.doesNotMatch(serialize(s), /tour=/);
});
