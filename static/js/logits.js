// The logit editor: per class a name, a slider, an exact number, a remove button;
// and an "add a class" button. Builds its rows once per class count.
import { logit, pct } from "./format.js";
import { t } from "./i18n.js";
import { MAX_K, MIN_K } from "./url.js";

export const SLIDER_MIN = -10;
export const SLIDER_MAX = 10;

function el(tag, props = {}) {
  return Object.assign(document.createElement(tag), props);
}

/**
 * @param {HTMLElement} root
 * @param {{onLogit(i, x), onReach(i), onLabel(i, text, done), onAdd(), onRemove(i)}} handlers
 *   onReach(i): slider i is about to move (pointer down or focus)
 */
export function createLogits(root, handlers) {
  const list = el("ol", { className: "logit-list" });
  const add = el("button", { type: "button", className: "btn add" });
  let focusNew = false;
  add.addEventListener("click", () => {
    focusNew = true;
    handlers.onAdd();
  });
  root.replaceChildren(list, add);
  const rows = [];

  function makeRow(i) {
    const li = el("li", { className: "logit-row" });
    const name = el("input", { type: "text", className: "name", maxLength: 60, autocomplete: "off", spellcheck: false });
    const slider = el("input", { type: "range", className: "slider", min: SLIDER_MIN, max: SLIDER_MAX, step: 0.1 });
    const number = el("input", { type: "number", className: "number", step: "any", inputMode: "decimal" });
    const remove = el("button", { type: "button", className: "btn remove", textContent: "×" });
    // Narrow screens show each share beside its slider (the bars are further down).
    const share = el("span", { className: "row-p" });
    share.setAttribute("aria-hidden", "true");
    name.addEventListener("input", () => handlers.onLabel(i, name.value, false));
    name.addEventListener("change", () => handlers.onLabel(i, name.value, true));
    slider.addEventListener("input", () => handlers.onLogit(i, Number(slider.value)));
    slider.addEventListener("pointerdown", () => handlers.onReach(i));
    slider.addEventListener("focus", () => handlers.onReach(i));
    number.addEventListener("input", () => {
      const x = number.valueAsNumber;
      if (Number.isFinite(x)) handlers.onLogit(i, x);
    });
    number.addEventListener("change", () => {
      if (!Number.isFinite(number.valueAsNumber)) sync(rows[i], lastState, i, true, lastResult);
    });
    remove.addEventListener("click", () => {
      handlers.onRemove(i);
      const next = rows[Math.min(i, rows.length - 1)];
      (next && !next.remove.disabled ? next.remove : add).focus();
    });
    li.append(name, slider, number, remove, share);
    return { li, name, slider, number, remove, share, label: null };
  }

  let lastState = null;
  let lastResult = null;

  function sync(row, state, i, force, result) {
    const p = result ? pct(result.probabilities[i]) : "";
    if (row.share.textContent !== p) row.share.textContent = p;
    const label = state.labels[i];
    const x = state.logits[i];
    if (row.name.value !== label && (force || document.activeElement !== row.name)) row.name.value = label;
    const clamped = Math.min(SLIDER_MAX, Math.max(SLIDER_MIN, x));
    if (Number(row.slider.value) !== clamped) row.slider.value = String(clamped);
    const typed = row.number.valueAsNumber;
    if (force || document.activeElement !== row.number || typed !== x) {
      if (row.number.value !== String(x)) row.number.value = String(x);
    }
    const shown = label.trim() || t("logits.class", { n: i + 1 });
    if (row.label !== shown + state.lang) {
      row.label = shown + state.lang;
      row.name.setAttribute("aria-label", t("logits.name", { n: i + 1 }));
      row.slider.setAttribute("aria-label", t("logits.slider", { name: shown }));
      row.number.setAttribute("aria-label", t("logits.number", { name: shown }));
      row.remove.setAttribute("aria-label", t("logits.remove", { name: shown }));
      row.remove.title = t("logits.remove", { name: shown });
    }
    row.slider.setAttribute("aria-valuetext", logit(x));
    row.remove.disabled = state.logits.length <= MIN_K;
  }

  /** Show `state` (and each share from `result`); `force` also overwrites the focused field. */
  function update(state, result = lastResult, force = false) {
    lastState = state;
    lastResult = result;
    const k = state.logits.length;
    while (rows.length < k) {
      const row = makeRow(rows.length);
      rows.push(row);
      list.append(row.li);
    }
    while (rows.length > k) rows.pop().li.remove();
    rows.forEach((row, i) => sync(row, state, i, force, result));
    if (focusNew) {
      focusNew = false;
      rows[k - 1].name.focus();
      rows[k - 1].name.select();
    }
    add.disabled = k >= MAX_K;
    add.textContent = t("logits.add");
  }

  function relabel() {
    for (const row of rows) row.label = null;
    if (lastState) update(lastState);
  }

  return { update, relabel };
}
