// The formula with the current numbers in it, for one chosen class (the top one by default).
import { num, pct } from "./format.js";
import { t } from "./i18n.js";

const MAX_TERMS = 6;

function el(tag, props = {}) {
  return Object.assign(document.createElement(tag), props);
}

function power(exponent) {
  const span = el("span", { className: "pow", textContent: "e" });
  span.append(el("sup", { textContent: exponent }));
  return span;
}

function sum(exponents) {
  const out = [];
  const shown = exponents.length > MAX_TERMS ? exponents.slice(0, MAX_TERMS - 1) : exponents;
  shown.forEach((x, i) => {
    if (i) out.push(" + ");
    out.push(power(x));
  });
  if (shown.length < exponents.length) out.push(" + … (" + exponents.length + ")");
  return out;
}

export function createFormula(root) {
  const pick = el("div", { className: "formula-pick" });
  const label = el("label", { htmlFor: "formula-class" });
  const select = el("select", { id: "formula-class" });
  pick.append(label, select);
  const lines = [0, 1, 2].map(() => el("p", { className: "formula-line" }));
  const box = el("div", { className: "formula" });
  box.append(...lines);
  root.replaceChildren(pick, box);
  let chosen = -1; // -1: follow the top class
  let last = null;
  select.addEventListener("change", () => {
    chosen = Number(select.value);
    if (last) update(...last);
  });

  function options(state) {
    const wanted = [t("formula.top"), ...state.labels];
    const opts = select.options;
    while (opts.length > wanted.length) select.remove(opts.length - 1);
    wanted.forEach((text, i) => {
      if (i >= opts.length) select.add(new Option(text, String(i - 1)));
      else if (opts[i].text !== text) opts[i].text = text;
    });
    if (chosen >= state.labels.length) chosen = -1;
    select.value = String(chosen);
  }

  function update(state, result) {
    last = [state, result];
    label.textContent = t("formula.for");
    options(state);
    box.classList.toggle("stale", !result);
    if (!result) return;
    const i = chosen >= 0 ? chosen : result.argmax;
    const name = state.labels[i];
    const p = result.probabilities[i];
    const s = result.steps;
    if (!s) {
      lines[0].replaceChildren(t("formula.hard", { name }));
      lines[1].replaceChildren(t("formula.hardValue", { name, p: num(result.hardmax[i]) }));
      lines[2].replaceChildren();
      return;
    }
    const general = el("span", { textContent: `p(${name}) = ` });
    lines[0].replaceChildren(general, power("z/T"), " / Σ ", power("z/T"));
    const overflow = s.exp_scaled.some((x) => x === null) || s.sum_exp_scaled === null;
    const exps = overflow ? s.shifted : s.scaled;
    // A shifted value is <= 0, so one beyond float64 (null) is minus infinity: e of it is 0.
    const shown = (x) => (overflow && x === null ? "−∞" : num(x));
    lines[1].replaceChildren("= ", power(shown(exps[i])), " / (", ...sum(exps.map(shown)), ")");
    const top = overflow ? s.exponentials[i] : s.exp_scaled[i];
    const bottom = overflow ? s.sum_exponentials : s.sum_exp_scaled;
    const third = `= ${num(top)} / ${num(bottom)} = ${num(p, 4)} = ${pct(p)}`;
    lines[2].replaceChildren(third + (overflow ? " " + t("formula.shifted") : ""));
  }

  return { update };
}
