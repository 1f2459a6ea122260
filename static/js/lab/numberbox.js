// A number box as people type numbers: "0,3" and "0.3" are 0.3, "−1" has a real minus
// (../parse.js); it shows its number as the page's language writes it ("0,3" in Russian).

import { parseNumber } from "../parse.js";
import { boxText } from "./num.js";
import { h } from "./dom.js";

/** The box's number: null for an empty optional box, undefined when the text is refused. */
export function readNumber(text, { min = -Infinity, max = Infinity, int = false, optional = false } = {}) {
  if (String(text ?? "").trim() === "") return optional ? null : undefined;
  const v = parseNumber(text);
  if (!Number.isFinite(v) || v < min || v > max || (int && !Number.isInteger(v))) return undefined;
  return v;
}

/**
 * A text box (inputmode decimal or numeric) for one number of the state. onValue(v) gets each
 * accepted number (null: emptied, if optional); onRefuse() hears of a refused one (it is
 * marked aria-invalid). show(v) writes the state's number, except while the person types.
 */
export function createNumberBox({ id, rules = {}, onValue, onRefuse = () => {}, attrs = {} }) {
  const input = h("input", { id, class: "lab-input lab-box", type: "text", autocomplete: "off", spellcheck: "false",
    inputmode: rules.int ? "numeric" : "decimal", ...attrs });
  let shown = null;

  input.addEventListener("input", () => {
    const v = readNumber(input.value, rules);
    input.setAttribute("aria-invalid", v === undefined ? "true" : "false");
    if (v === undefined) onRefuse(input);
    else onValue(v);
  });
  // Leaving the box writes the number the page took, as the language writes it.
  input.addEventListener("change", () => {
    if (input.getAttribute("aria-invalid") !== "true") write(shown);
  });

  function write(v) {
    input.value = boxText(v);
    input.setAttribute("aria-invalid", "false");
  }

  return {
    input,
    /** The state's number, written unless the person is typing (`force` writes anyway). */
    show(v, { force = false } = {}) {
      shown = v;
      if (force || document.activeElement !== input) write(v);
    },
  };
}
