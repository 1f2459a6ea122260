// The guided tour's pure logic (static/js/tour-steps.js): the state and address of step N,
// when a step shows as revealed, and the numbers its text quotes from an API answer.
import assert from "node:assert/strict";
import { test } from "node:test";

// i18n.js touches the document only to translate it; the number formats need none of it.
globalThis.document = { documentElement: {}, querySelectorAll: () => [] };
const { setLanguage, registerStrings, t } = await import("../../static/js/i18n.js");
const { AFTER, STEPS, belongsTo, clampStep, fillText, finePct, isRevealed, relabel, stepPatch, stepValues } =
  await import("../../static/js/tour-steps.js");
const { TOUR_STRINGS } = await import("../../static/js/tour-strings.js");
const { normalize, parse, serialize } = await import("../../static/js/url.js");

const NBSP = "\u00a0";

/** What POST /api/softmax answers, for these tests (the browser tests compare with the API). */
function answer(logits, T, target = null) {
  const z = T > 0 ? logits.map((x) => x / T) : logits;
  const m = Math.max(...z);
  const e = z.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  const top = logits.indexOf(Math.max(...logits));
  const hard = logits.map((_, i) => (i === top ? 1 : 0));
  const p = T > 0 ? e.map((x) => x / s) : hard;
  return {
    probabilities: p, hardmax: hard, log_probabilities: p.map(Math.log), target,
    steps: T > 0 ? { exp_scaled: z.map(Math.exp), sum_exp_scaled: z.map(Math.exp).reduce((a, b) => a + b, 0) } : null,
    two_class: logits.length === 2 && T > 0 ? { difference: z[0] - z[1], sigmoid: p[0] } : null,
  };
}

const stateOf = (n, lang, extra = {}) => normalize({ ...parse(""), lang, ...stepPatch(n, lang), ...extra });

test("at least ten steps, in the article's order, the last one after the article", () => {
  assert.deepEqual(STEPS.map((s) => s.id),
    ["logits", "exp", "sum", "weather", "flatten", "sharpen", "hard", "xent", "grad", "two", "shift", "after"]);
  assert.deepEqual(AFTER.map((a) => a.href), ["classifier", "digits"]);
});

test("step N writes its example and tour=N into the address", () => {
  assert.equal(serialize(stateOf(4, "en")), "?labels=sunny,rainy,snowy&logits=5.2,0.8,-3.1&t=1&lang=en&tour=4");
  assert.equal(serialize(stateOf(8, "en")), "?labels=pizza,burger,salad&logits=4,2,-1&t=1&lang=en&target=0&tour=8");
  assert.match(serialize(stateOf(1, "ru")), /^\?labels=%D0%BF%D0%B8%D1%86%D1%86%D0%B0,.*&logits=4,2,-1&t=1&lang=ru&tour=1$/);
  assert.equal(stepPatch(0, "en").tour, 1);
  assert.equal(stepPatch(99, "en").tour, STEPS.length);
  assert.equal(clampStep(3.7), 3);
});

test("a step with a reveal shows as revealed only with the state after it", () => {
  const flatten = STEPS[4];
  assert.equal(isRevealed(flatten, stateOf(5, "en")), false);
  assert.equal(isRevealed(flatten, stateOf(5, "en", { t: 3 })), true);
  assert.equal(belongsTo(flatten, stateOf(5, "en", { t: 3 })), true);
  assert.equal(belongsTo(flatten, stateOf(5, "en", { t: 2 })), false);
  assert.equal(isRevealed(STEPS[0], stateOf(1, "en")), false); // no reveal: only an answer shows it
  assert.equal(isRevealed(STEPS[10], stateOf(11, "en", { logits: [14, 12, 9] })), true);
});

test("after a change of language the step's classes are renamed, the learner's are not", () => {
  const weather = STEPS[3];
  assert.deepEqual(relabel(weather, { ...stateOf(4, "en"), lang: "ru" }), ["солнце", "дождь", "снег"]);
  assert.equal(relabel(weather, stateOf(4, "ru")), null);
  assert.equal(relabel(weather, { ...stateOf(4, "en", { logits: [1, 2, 3] }), lang: "ru" }), null);
});

test("fine percentages: two decimals, or the first significant digit of a tiny share", () => {
  const [p0, p1, p2] = answer([4, 2, -1], 0.3).probabilities;
  assert.equal(finePct(p0), `99.87${NBSP}%`);
  assert.equal(finePct(p1), `0.13${NBSP}%`);
  assert.equal(finePct(p2), `0.000006${NBSP}%`);
  assert.equal(finePct(0.999999), `>${NBSP}99.99${NBSP}%`);
  assert.equal(finePct(0), `0.00${NBSP}%`);
  setLanguage("ru");
  assert.equal(finePct(p2), `0,000006${NBSP}%`);
  setLanguage("en");
});

test("the quoted numbers come from the answer: the food example, its gradient and loss", () => {
  const state = stateOf(9, "en");
  const v = stepValues(STEPS[8], state, answer(state.logits, state.t));
  assert.deepEqual([v.p0, v.p1, v.p2], [`87.6${NBSP}%`, `11.8${NBSP}%`, `0.6${NBSP}%`]);
  assert.deepEqual([v.e0, v.e1, v.e2, v.sum], ["54.598", "7.389", "0.368", "62.355"]);
  assert.deepEqual([v.g0, v.g1, v.g2], ["−0.1244", "0.1185", "0.0059"]);
  assert.equal(v.loss, "0.1328");
  assert.equal(v.y, "1, 0, 0");
  const pending = stepValues(STEPS[8], state, null); // no answer yet: no numbers
  assert.equal(pending.p0, undefined);
  assert.equal(fillText("{l0}: {p0}", pending), "pizza: …");
});

test("every placeholder of every step has a value, in both languages, before and after the reveal", () => {
  registerStrings(TOUR_STRINGS);
  for (const lang of ["en", "ru"]) {
    setLanguage(lang);
    STEPS.forEach((step, i) => {
      for (const state of [stateOf(i + 1, lang), stateOf(i + 1, lang, step.reveal || {})]) {
        const values = stepValues(step, state, answer(state.logits, state.t, state.target));
        const keys = ["title", "text", "ask", "c0", "c1", "c2", "reveal"].map((k) => `tour.${step.id}.${k}`);
        for (const key of keys.filter((k) => k in TOUR_STRINGS[lang] || step.answer !== null)) {
          assert.ok(key in TOUR_STRINGS[lang], `${lang} ${key} missing`);
          const names = [...t(key).matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
          assert.deepEqual(names.filter((name) => !(name in values)), [], `${lang} ${key}`);
        }
      }
    });
  }
  setLanguage("en");
});
