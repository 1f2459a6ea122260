// The two invariances as buttons: "+1 to every logit" changes no share (the steps table's
// z/T − max column stays the same), "×2 every logit" is the same as halving T.
import { logit } from "./format.js";
import { setText, t } from "./i18n.js";

function el(tag, props = {}) {
  return Object.assign(document.createElement(tag), props);
}

/** x + 1 without the binary noise of decimals (4.3 + 1 is 5.3, not 5.300000000000001). */
export const plusOne = (x) => Number((x + 1).toPrecision(15));

/** @param {{onShift(), onDouble()}} handlers (false: refused); `note` is a live region for the why. */
export function createInvariance(root, note, handlers) {
  const shift = el("button", { type: "button", className: "btn", id: "inv-shift" });
  const double = el("button", { type: "button", className: "btn", id: "inv-double" });
  root.replaceChildren(shift, double);
  let said = null; // the key of the last explanation, re-said in the new language
  let clicked = false;
  let after = null; // the logits and T the click led to; any other edit ends the note
  let shown = null;

  function click(key, handler) {
    if (handler() === false) return; // refused (beyond float64's range): nothing to explain
    said = key;
    clicked = true;
  }
  shift.addEventListener("click", () => click("inv.shifted", handlers.onShift));
  double.addEventListener("click", () => click("inv.doubled", handlers.onDouble));

  function update(state) {
    shift.textContent = t("inv.shift");
    double.textContent = t("inv.double");
    const now = JSON.stringify([state.logits, state.t]);
    if (clicked) after = now;
    else if (now !== after) said = null;
    clicked = false;
    const text = said ? t(said, { t: logit(state.t), half: logit(state.t / 2) }) : "";
    if (text !== shown) {
      shown = text;
      setText(note, text); // e^{z/T} with a real superscript, as everywhere else
    }
  }

  return { update };
}
