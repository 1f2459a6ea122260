// The logit editor: per class a name, an exact number (typed as people type it: "1,5",
// "−1"), a remove button; and an "add a class" button. The sliders are the hero's bars.
// Builds its rows once per class count.
import { classColor } from "./colors.js";
import { logit, logitText } from "./format.js";
import { t } from "./i18n.js";
import { parseNumber } from "./parse.js";
import { MAX_K, MIN_K } from "./url.js";

function el(tag, props = {}) {
  return Object.assign(document.createElement(tag), props);
}

/**
 * @param {HTMLElement} root
 * @param {{onLogit(i, x), onLabel(i, text, done), onAdd(), onRemove(i)}} handlers
 */
export function createLogits(root, handlers) {
  const list = el("ol", { className: "logit-list" });
  const add = el("button", { type: "button", className: "btn add" });
  let focusNew = false;
  add.addEventListener("click", () => {
    focusNew = true;
    handlers.onAdd();
  });
  // Said in words, not only by aria-invalid: the figure keeps the last number the box could read.
  const message = el("p", { className: "logit-message", id: "logit-message", role: "status" });
  root.replaceChildren(list, message, add);
  const rows = [];

  function makeRow(i) {
    const li = el("li", { className: "logit-row" });
    const name = el("input", { type: "text", className: "name", maxLength: 60, autocomplete: "off", spellcheck: false });
    li.style.setProperty("--c", classColor(i));
    const number = el("input", { type: "text", className: "number", inputMode: "decimal", autocomplete: "off", spellcheck: false });
    const remove = el("button", { type: "button", className: "btn remove", textContent: "×" });
    name.addEventListener("input", () => handlers.onLabel(i, name.value, false));
    name.addEventListener("change", () => handlers.onLabel(i, name.value, true));
    number.addEventListener("input", () => {
      const x = parseNumber(number.value);
      mark(rows[i], !Number.isFinite(x));
      if (Number.isFinite(x)) handlers.onLogit(i, x);
    });
    // Left while refused: back to the last valid value.
    number.addEventListener("blur", () => rows[i]?.bad && sync(rows[i], lastState, i, true));
    number.addEventListener("change", () => {
      // "1,50" typed becomes "1,5" once left (after the frame that renders the new state)
      if (!rows[i].bad) requestAnimationFrame(() => rows[i] && sync(rows[i], lastState, i, false));
    });
    remove.addEventListener("click", () => {
      handlers.onRemove(i);
      const next = rows[Math.min(i, rows.length - 1)];
      (next && !next.remove.disabled ? next.remove : add).focus();
    });
    li.append(name, number, remove);
    number.setAttribute("aria-invalid", "false");
    return { li, name, number, remove, label: null, bad: false };
  }

  let lastState = null;

  /** Mark a row's number refused (or not). */
  function mark(row, bad) {
    row.bad = bad;
    row.number.setAttribute("aria-invalid", String(bad));
    if (bad) row.number.setAttribute("aria-describedby", message.id);
    else row.number.removeAttribute("aria-describedby");
    say();
  }

  /** Which number is refused, if any, in the page's language, with the value kept instead. */
  function say() {
    const i = rows.findIndex((r) => r.bad);
    const name = i < 0 ? "" : lastState.labels[i].trim() || t("logits.class", { n: i + 1 });
    const text = i < 0 ? "" : t("logits.bad", { name, x: logitText(lastState.logits[i]) });
    if (message.textContent !== text) message.textContent = text;
  }

  function sync(row, state, i, force) {
    const label = state.labels[i];
    const x = state.logits[i];
    if (row.name.value !== label && (force || document.activeElement !== row.name)) row.name.value = label;
    // In the page's format, unless it is being typed and already means x ("1," is 1) or is
    // refused (it stays as typed, to be put right).
    const typing = document.activeElement === row.number && (row.bad || parseNumber(row.number.value) === x);
    if (force || !typing) {
      if (row.number.value !== logit(x)) row.number.value = logit(x);
      if (row.bad) mark(row, false);
    }
    const shown = label.trim() || t("logits.class", { n: i + 1 });
    if (row.label !== shown + state.lang) {
      row.label = shown + state.lang;
      row.name.setAttribute("aria-label", t("logits.name", { n: i + 1 }));
      row.number.setAttribute("aria-label", t("logits.number", { name: shown }));
      row.remove.setAttribute("aria-label", t("logits.remove", { name: shown }));
      row.remove.title = t("logits.remove", { name: shown });
    }
    row.remove.disabled = state.logits.length <= MIN_K;
  }

  /** Show `state`; `force` also overwrites the focused field. */
  function update(state, force = false) {
    lastState = state;
    const k = state.logits.length;
    while (rows.length < k) {
      const row = makeRow(rows.length);
      rows.push(row);
      list.append(row.li);
    }
    while (rows.length > k) rows.pop().li.remove();
    rows.forEach((row, i) => sync(row, state, i, force));
    say();
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
