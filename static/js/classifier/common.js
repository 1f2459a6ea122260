// Pieces both pages use: the language buttons, the class colours as RGB (for canvases), and a
// log-scale temperature slider.
import { classColor } from "../colors.js";
import { num } from "../format.js";
import { getLanguage, servedLanguage, setLanguage, t } from "../i18n.js";
import { parseColour } from "./model.js";

const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name);

/** A CSS custom property's colour as [r, g, b] ("--card", "--text", ...). */
export function cssRGB(name, fallback = [128, 128, 128]) {
  return parseColour(css(name)) || fallback;
}

/** Class i's colour (the --class-N of app.css, as classColor names it) as [r, g, b]. */
export function classRGB(i) {
  return cssRGB(classColor(i).slice(4, -1));
}

/** Wire the header's language buttons; onChange(lang) after the page's strings switch.
 *  Returns mark(), which shows the current language on the buttons (after a setLanguage). */
export function wireLanguage(onChange) {
  const buttons = document.querySelectorAll(".lang-btn");
  const mark = () => {
    for (const b of buttons) b.setAttribute("aria-pressed", String(b.dataset.lang === getLanguage()));
    document.title = t("page.title");
  };
  for (const button of buttons) {
    button.addEventListener("click", () => {
      if (button.dataset.lang === getLanguage()) return;
      setLanguage(button.dataset.lang);
      mark();
      onChange(getLanguage());
    });
  }
  mark();
  return mark;
}

/** Fill a <select> with [value, text] items and choose `value`. */
export function fillSelect(select, items, value) {
  select.replaceChildren(...items.map(([v, text]) => new Option(text, v, false, v === value)));
  select.value = value;
}

/** The language of the page: ?lang=, else what the server rendered in <html lang> (read as
 *  served: registerStrings has set <html lang> to the default by now). */
export function initialLanguage() {
  const asked = new URLSearchParams(location.search).get("lang");
  return asked === "en" || asked === "ru" ? asked : servedLanguage() === "ru" ? "ru" : "en";
}

/** A temperature slider on a log scale (T from 10^min to 10^max); onT(T) while it moves. */
export function createTemperature(root, { id, min = -2, max = 2, onT }) {
  root.classList.add("temp-row");
  const label = Object.assign(document.createElement("label"), { htmlFor: id });
  const name = document.createElement("span");
  const value = Object.assign(document.createElement("output"), { className: "temp-value" });
  value.htmlFor = id;
  label.append(name, " ", value);
  const input = Object.assign(document.createElement("input"), { type: "range", id, min, max, step: 0.01 });
  const hint = Object.assign(document.createElement("p"), { className: "muted small temp-hint" });
  root.append(label, input, hint);
  input.addEventListener("input", () => onT(Number((10 ** Number(input.value)).toPrecision(3))));
  let current = 1;
  return {
    update(T) {
      current = T;
      const pos = String(Math.log10(T));
      if (input.value !== pos && Math.abs(Number(input.value) - Number(pos)) > 0.004) input.value = pos;
      value.textContent = "T = " + num(T);
      input.setAttribute("aria-valuetext", "T = " + num(T));
    },
    relabel() {
      name.textContent = t("temp.label");
      hint.textContent = t("temp.hint");
      this.update(current);
    },
  };
}
