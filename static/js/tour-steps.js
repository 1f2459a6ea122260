// The guided tour's steps, in the article's order, and the pure logic around them: the state
// a step writes into the address, whether the state on screen is a step's (before or after its
// reveal), and the numbers its text quotes, all taken from the page's own API answer.
import { logit, num, pct } from "./format.js";
import { fmt } from "./i18n.js";
import { FOOD } from "./url.js";

/** The pages after the article (built elsewhere); the only place the tour names them. */
export const AFTER = [
  { href: "classifier", key: "tour.after.classifier" },
  { href: "digits", key: "tour.after.digits" },
];

const WEATHER = { en: ["sunny", "rainy", "snowy"], ru: ["солнце", "дождь", "снег"] };
const PETS = { en: ["cat", "dog"], ru: ["кошка", "собака"] };
const food = { labels: FOOD.labels, logits: FOOD.logits, t: 1, target: null };

// set: the state the step writes when entered. reveal: what answering changes (the learner
// predicts first, then sees it happen). panel: the data-panel to look at. answer: the right
// choice (each question has three: tour.<id>.c0..c2 in tour-strings.js). look: the part of
// a panel to keep in view where all of it does not fit above a phone's sheet.
export const STEPS = [
  { id: "logits", set: food, panel: "hero", look: "#hero .band-z", answer: 1 },
  { id: "exp", set: food, panel: "steps", answer: 1 },
  { id: "sum", set: food, panel: "formula", answer: 0 },
  { id: "weather", set: { ...food, labels: WEATHER, logits: [5.2, 0.8, -3.1] }, panel: "hero", look: "#hero .band-p", answer: 1 },
  { id: "flatten", set: food, reveal: { t: 3 }, panel: "hero", look: "#hero .band-p", answer: 1 },
  { id: "sharpen", set: food, reveal: { t: 0.3 }, panel: "hero", look: "#hero .band-p", answer: 0 },
  { id: "hard", set: food, reveal: { t: 0 }, panel: "hardmax", look: "#hardmax-hard", answer: 1 },
  { id: "xent", set: { ...food, target: 0 }, panel: "cross-entropy", look: "p:has(> [data-testid=lab-loss])", answer: 0 },
  { id: "grad", set: { ...food, target: 0 }, panel: "cross-entropy", look: "table:has([data-testid=lab-grad])", answer: 0 },
  { id: "two", set: { ...food, labels: PETS, logits: [1.5, -0.5] }, panel: "two-class", look: "#two-class-plot", answer: 1 },
  { id: "shift", set: food, reveal: { logits: [14, 12, 9] }, panel: "steps", answer: 1 },
  { id: "after", set: food, panel: "presets", answer: null },
];

/** A step number from the address, kept within 1..STEPS.length. */
export function clampStep(n) {
  return Math.min(Math.max(1, Math.trunc(n) || 1), STEPS.length);
}

/** The state patch step n (from 1) writes, class names in `lang`. */
export function stepPatch(n, lang) {
  const { set } = STEPS[clampStep(n) - 1];
  const labels = set.labels[lang] || set.labels.en;
  return { labels: labels.slice(), logits: set.logits.slice(), t: set.t, target: set.target, tour: clampStep(n) };
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** Whether the numbers on screen are the step's after its reveal (so it shows as revealed). */
export function isRevealed(step, state) {
  return Boolean(step.reveal) && Object.entries({ ...step.set, ...step.reveal })
    .every(([k, v]) => k === "labels" || same(state[k], v));
}

/** Whether a state is the step's own, before or after its reveal (class names aside). */
export function belongsTo(step, state) {
  const before = Object.entries(step.set).every(([k, v]) => k === "labels" || same(state[k], v));
  return before || isRevealed(step, state);
}

/** After a change of language: the step's class names in it, if the state is still the step's
 *  and shows other names (null if nothing to change). */
export function relabel(step, state) {
  const wanted = step.set.labels[state.lang] || step.set.labels.en;
  return belongsTo(step, state) && !same(wanted, state.labels) ? wanted.slice() : null;
}

const NBSP = "\u00a0";

/** A share with two decimals in percent (99.87 %, 0.13 %); one that would show as 0.00 gets
 *  its first significant digit (0.000006 %). format.js's pct stops at "< 0.1 %". */
export function finePct(p) {
  const x = p * 100;
  let text;
  if (x > 0 && x < 0.005) text = fmt(x, { maximumSignificantDigits: 1 });
  else if (x < 100 && x >= 99.995) text = ">" + NBSP + fmt(99.99, { minimumFractionDigits: 2 });
  else text = fmt(x, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return text + NBSP + "%";
}

/** e to a logit, "e^(−1)": the tour shows what is in ^(...) as a superscript. */
export function ePower(z) {
  return `e^(${logit(z)})`;
}

/** The values a step's text quotes: the state's names and logits, the step's own settings,
 *  and, once the API's answer for this state is in (`result`, else null), its numbers. */
export function stepValues(step, state, result) {
  const v = { T: logit(state.t) };
  const sep = state.lang === "ru" ? "; " : ", ";
  state.labels.forEach((l, i) => {
    v["l" + i] = l;
    v["z" + i] = logit(state.logits[i]);
    v["x" + i] = ePower(state.logits[i]);
  });
  v.S = logit(step.set.t);
  step.set.logits.forEach((z, i) => (v["S" + i] = logit(z)));
  if (step.reveal && "t" in step.reveal) v.R = logit(step.reveal.t);
  if (step.reveal && step.reveal.logits) {
    step.reveal.logits.forEach((z, i) => (v["R" + i] = logit(z)));
    v.k = logit(step.reveal.logits[0] - step.set.logits[0]);
  }
  const y = Number.isInteger(state.target) ? state.logits.map((_, i) => (i === state.target ? 1 : 0)) : null;
  if (y) v.y = y.join(sep);
  if (!result) return v;
  const p = result.probabilities;
  p.forEach((x, i) => {
    Object.assign(v, { ["p" + i]: pct(x), ["f" + i]: finePct(x), ["P" + i]: num(x, 4), ["h" + i]: num(result.hardmax[i]) });
  });
  v.total = num(p.reduce((a, b) => a + b, 0), 4);
  if (p.length > 1) {
    v.gap01 = logit(state.logits[0] - state.logits[1]);
    v.ratio01 = num(p[0] / p[1]);
  }
  const s = result.steps;
  if (s) {
    s.exp_scaled.forEach((x, i) => (v["e" + i] = num(x)));
    v.sum = num(s.sum_exp_scaled);
  }
  if (y && state.t > 0) {
    const g = p.map((x, i) => (x - y[i]) / state.t);
    g.forEach((x, i) => (v["g" + i] = num(x, 4)));
    v.g = g.map((x) => num(x, 4)).join(sep);
    v.loss = num(-result.log_probabilities[state.target], 4);
  }
  if (result.two_class) {
    v.d = num(result.two_class.difference);
    v.s = num(result.two_class.sigmoid, 4);
  }
  return v;
}

/** Fill {name} placeholders; one without a value yet shows as an ellipsis. */
export function fillText(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, name) => (name in values ? String(values[name]) : "…"));
}
