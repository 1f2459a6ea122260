// The temperature control: a log-scale slider (0.05 .. 20, T = 1 in the middle,
// the left end is T = 0, the hard max), an exact number, two buttons and words.
import { logit } from "./format.js";
import { t } from "./i18n.js";

const STEP = 10;
const HARD = -1010; // the slider's left end: T = 0
const SPAN = 1000; // v = +-SPAN is T = 20 ** +-1, i.e. 20 and 0.05
const BASE = 20;

/** Slider position -> T, rounded to 3 significant digits (0 at the left end). */
export function sliderToT(v) {
  if (v <= HARD) return 0;
  return Number((BASE ** (v / SPAN)).toPrecision(3));
}

/** T -> slider position. */
export function tToSlider(T) {
  if (T <= 0) return HARD;
  const v = Math.round((SPAN * Math.log(T)) / Math.log(BASE) / STEP) * STEP;
  return Math.max(-SPAN, Math.min(SPAN, v));
}

function el(tag, props = {}) {
  return Object.assign(document.createElement(tag), props);
}

export function createTemperature(root, { onT }) {
  const slider = el("input", { type: "range", id: "t-slider", min: HARD, max: SPAN, step: STEP });
  const number = el("input", { type: "number", id: "t-number", min: 0, step: "any", inputMode: "decimal" });
  const row = el("div", { className: "t-row" });
  const wrap = el("div", { className: "t-slider" });
  const tick = el("span", { className: "t-tick" });
  tick.setAttribute("aria-hidden", "true");
  row.append(wrap, number);
  const scale = el("div", { className: "t-scale" });
  scale.setAttribute("aria-hidden", "true");
  const left = el("span", { className: "t-left" });
  const one = el("span", { className: "t-one", textContent: "T = 1" });
  const right = el("span", { className: "t-right", textContent: "20" });
  scale.append(left, one, right);
  wrap.append(slider, tick, scale);
  const hard = el("button", { type: "button", className: "btn", id: "t-hard" });
  const reset = el("button", { type: "button", className: "btn", id: "t-reset" });
  const buttons = el("div", { className: "t-buttons" });
  buttons.append(hard, reset);
  const words = el("p", { className: "t-words", id: "t-words" });
  root.replaceChildren(row, buttons, words);

  slider.addEventListener("input", () => onT(sliderToT(Number(slider.value))));
  number.addEventListener("input", () => {
    const x = number.valueAsNumber;
    if (Number.isFinite(x) && x >= 0) onT(x);
  });
  number.addEventListener("change", () => {
    if (!(number.valueAsNumber >= 0) && last) update(last, true);
  });
  hard.addEventListener("click", () => onT(0, true));
  reset.addEventListener("click", () => onT(1, true));

  let last = null;
  let lang = null;
  let lastT = null;

  function update(state, force = false) {
    last = state;
    const T = state.t;
    if (lang !== state.lang) {
      lang = state.lang;
      lastT = null;
      slider.setAttribute("aria-label", t("temp.slider"));
      number.setAttribute("aria-label", t("temp.number"));
      left.textContent = t("temp.left");
      hard.textContent = t("temp.hard");
      reset.textContent = t("temp.reset");
    }
    if (T === lastT && !force) return;
    lastT = T;
    const v = tToSlider(T);
    if (Number(slider.value) !== v) slider.value = String(v);
    slider.setAttribute("aria-valuetext", T === 0 ? t("temp.valueHard") : "T = " + logit(T));
    if (force || document.activeElement !== number || number.valueAsNumber !== T) {
      if (number.value !== String(T)) number.value = String(T);
    }
    hard.setAttribute("aria-pressed", String(T === 0));
    reset.disabled = T === 1;
    let key = "temp.one";
    if (T === 0) key = "temp.zero";
    else if (T < 1) key = "temp.sharpen";
    else if (T > 1) key = "temp.flatten";
    words.textContent = t(key, { t: logit(T) });
  }

  return { update };
}
