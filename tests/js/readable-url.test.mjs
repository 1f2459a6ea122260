// readable-url.js: the Share dialog's link with letters shown, everything else still escaped.
import assert from "node:assert/strict";
import { test } from "node:test";
import { readableQuery } from "../../static/js/readable-url.js";
import { parse, serialize } from "../../static/js/url.js";

/** The page's query for these labels (one logit of 0 each), as url.js writes it. */
const query = (labels) => serialize({ ...parse("?lang=ru"), labels, logits: labels.map(() => 0) });

test("Cyrillic labels are shown in letters", () => {
  const old = "?labels=%D0%BF%D0%B8%D1%86%D1%86%D0%B0,%D0%B1%D1%83%D1%80%D0%B3%D0%B5%D1%80,%D1%81%D0%B0%D0%BB%D0%B0%D1%82&logits=4,2,-1&t=1&lang=ru";
  assert.equal(serialize(parse(old)), old); // the link the page writes: the contract
  assert.equal(readableQuery(old), "?labels=пицца,бургер,салат&logits=4,2,-1&t=1&lang=ru");
});

test("what the link needs escaped stays escaped", () => {
  const shown = readableQuery(query(["a b&c#d%e+f,g=h?", "кот\tпёс\n"]));
  assert.equal(shown, "?labels=a%20b%26c%23d%25e%2Bf%2Cg%3Dh%3F,кот%09пёс%0A&logits=0,0&t=1&lang=ru");
});

test("invisible characters, punctuation and emoji stay escaped", () => {
  const cases = {
    "\u00a0": "%C2%A0", // no-break space
    "\u3000": "%E3%80%80", // ideographic space
    "\u200b": "%E2%80%8B", // zero-width space
    "\u200d": "%E2%80%8D", // zero-width joiner
    "\u202e": "%E2%80%AE", // right-to-left override
    "\u0085": "%C2%85", // a C1 control (next line)
    "\u3164": "%E3%85%A4", // Hangul filler: a letter nobody sees
    "\ufe0f": "%EF%B8%8F", // a variation selector
    "«": "%C2%AB",
    "🍕": "%F0%9F%8D%95",
  };
  for (const [ch, escaped] of Object.entries(cases)) {
    assert.equal(readableQuery("?labels=ж" + encodeURIComponent(ch) + "ж"), "?labels=ж" + escaped + "ж", escaped);
  }
});

test("accents are shown after a letter, not on their own after = or ,", () => {
  assert.equal(readableQuery("?labels=" + encodeURIComponent("ко\u0301т,e\u0301")), "?labels=ко\u0301т%2Ce\u0301");
  assert.equal(readableQuery("?labels=%CC%81a,%CC%81"), "?labels=%CC%81a,%CC%81");
});

test("other scripts' letters and digits are shown", () => {
  assert.equal(readableQuery("?labels=" + ["café", "Straße", "猫", "٣"].map(encodeURIComponent).join(",")),
    "?labels=café,Straße,猫,٣");
});

test("escapes that are not UTF-8 are left as they came", () => {
  assert.equal(readableQuery("?labels=%FF%D0,%D0%BF%D0"), "?labels=%FF%D0,%D0%BF%D0");
});

test("the readable query parses to the same state, as a browser sends it", () => {
  const labels = ["пицца 🍕", "a,b", "x&y=z#1", "100%", "1+1", "ко\u0301т", "\u202eevil"];
  const q = query(labels);
  const shown = readableQuery(q);
  assert.notEqual(shown, q);
  // A browser opening the readable link encodes what is not ASCII as UTF-8, nothing else.
  const sent = shown.replace(/[^\x00-\x7f]+/gu, encodeURIComponent);
  assert.equal(sent, q);
  assert.deepEqual(parse(sent).labels, labels);
});

test("a link with nothing escaped is unchanged", () => {
  const q = "?labels=pizza,burger,salad&logits=4,2,-1&t=3&lang=en&hide=steps";
  assert.equal(readableQuery(q), q);
});
