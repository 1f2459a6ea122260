// url.js: the page's URL contract, parse and serialize.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parse, serialize } from "../../static/js/url.js";

test("the article's link round-trips exactly", () => {
  const q = "?labels=pizza,burger,salad&logits=4,2,-1&t=3&lang=en";
  const s = parse(q);
  assert.deepEqual(s.logits, [4, 2, -1]);
  assert.equal(s.t, 3);
  assert.equal(serialize(s), q);
});

test("labels are percent-encoded, a comma inside a label kept", () => {
  const q = "?labels=a%2Cb,%D0%BA%D0%BE%D1%82&logits=1.5,-2&t=0.5&lang=ru";
  assert.deepEqual(parse(q).labels, ["a,b", "кот"]);
  assert.equal(serialize(parse(q)), q);
});

test("bad values fall back: a bad logit is 0, a negative T is 1, no logits is the food example", () => {
  assert.deepEqual(parse("?labels=a,b,c&logits=4,x,1").logits, [4, 0, 1]);
  assert.equal(parse("?t=-2").t, 1);
  assert.equal(parse("?t=0").t, 0);
  assert.deepEqual(parse("").logits, [4, 2, -1]);
  assert.deepEqual(parse("", "ru").labels, ["пицца", "бургер", "салат"]);
});

test("embed and hide", () => {
  const s = parse("?embed=1&hide=steps,intro,BAD!");
  assert.equal(s.embed, true);
  assert.deepEqual(s.hide, ["steps", "intro"]);
  assert.match(serialize(s), /&embed=1&hide=steps,intro$/);
});
