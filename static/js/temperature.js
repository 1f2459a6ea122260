// The temperature control: a slider whose steps land on the article's temperatures
// (detents.js: 0.05 .. 20, T = 1 in the middle, the left end is T = 0, the hard max),
// an exact number typed as people type it, two buttons and words.
import { DETENTS, HARD, MAX, positionToT, tToPosition } from "./detents.js";
import { logit, logitText } from "./format.js";
import { t } from "./i18n.js";
import { parseNumber } from "./parse.js";

function el(tag, props = {}) {
  return Object.assign(document.createElement(tag), props);
}

export function createTemperature(root, { onT }) {
  const slider = el("input", { type: "range", id: "t-slider", min: HARD, max: MAX, step: 1 });
  const number = el("input", { type: "text", id: "t-number", inputMode: "decimal", autocomplete: "off", spellcheck: false });
  const label = el("label", { htmlFor: "t-slider", className: "t-label" });
  const row = el("div", { className: "t-row" });
  const wrap = el("div", { className: "t-slider" });
  row.append(label, wrap, number);
  // Tick marks at the detents (labelled every other one), placed by CSSOM (the CSP
  // forbids style attributes, not element.style).
  const scale = el("div", { className: "t-scale" });
  scale.setAttribute("aria-hidden", "true");
  const marks = [0, ...DETENTS.slice(1, -1), 20].map((T) => {
    const mark = el("span", { className: T === 1 ? "t-mark t-one" : "t-mark" });
    mark.style.setProperty("--at", String((tToPosition(T) - HARD) / (MAX - HARD)));
    mark.dataset.t = String(T);
    if (![0.2, 0.5, 2, 5].includes(T)) mark.classList.add("labelled");
    scale.append(mark);
    return mark;
  });
  wrap.append(slider, scale);
  const hard = el("button", { type: "button", className: "btn", id: "t-hard" });
  const reset = el("button", { type: "button", className: "btn", id: "t-reset" });
  const buttons = el("div", { className: "t-buttons" });
  buttons.append(hard, reset);
  const words = el("p", { className: "t-words", id: "t-words" });
  root.replaceChildren(row, buttons, words);

  slider.addEventListener("input", () => onT(positionToT(Number(slider.value))));
  number.addEventListener("input", () => {
    const x = parseNumber(number.value);
    if (x >= 0) onT(x);
  });
  number.addEventListener("change", () => {
    if (!(parseNumber(number.value) >= 0) && last) update(last, true);
    else requestAnimationFrame(() => last && update(last, true)); // "0,30" left reads "0,3"
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
      for (const mark of marks) mark.textContent = logit(Number(mark.dataset.t));
      label.textContent = t("temp.label");
      hard.textContent = t("temp.hard");
      reset.textContent = t("temp.reset");
    }
    if (T === lastT && !force) return;
    lastT = T;
    const v = tToPosition(T);
    if (Number(slider.value) !== v) slider.value = String(v);
    slider.setAttribute("aria-valuetext", T === 0 ? t("temp.valueHard") : "T = " + logitText(T));
    // The box shows T in the page's format, unless it is being typed and already means T.
    if (force || document.activeElement !== number || parseNumber(number.value) !== T) {
      if (number.value !== logit(T)) number.value = logit(T);
    }
    hard.setAttribute("aria-pressed", String(T === 0));
    reset.disabled = T === 1;
    let key = "temp.one";
    if (T === 0) key = "temp.zero";
    else if (T < 1) key = "temp.sharpen";
    else if (T > 1) key = "temp.flatten";
    words.textContent = t(key, { t: logitText(T) });
  }

  return { update };
}
