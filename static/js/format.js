// Number formatting for the current language (display only: the numbers come from the API).
import { fmt, getLanguage, t } from "./i18n.js";

const NBSP = "\u00a0";

/** 0.8757 -> "87.6 %" (one decimal; tiny but non-zero shares say "< 0.1 %"). */
export function pct(p) {
  if (p > 0 && p < 0.0005) return "<" + NBSP + fmt(0.1, { minimumFractionDigits: 1 }) + NBSP + "%";
  if (p < 1 && p > 0.9995) return ">" + NBSP + fmt(99.9, { minimumFractionDigits: 1 }) + NBSP + "%";
  return fmt(p * 100, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + NBSP + "%";
}

/** A value for tables and formulas: 3 decimals, or scientific when very large or small
 *  ("5,77·10⁻⁸"). `fixed` keeps trailing zeros ("1.000", "1.00×10⁻⁵"). */
export function num(x, digits = 3, { fixed = false } = {}) {
  if (x === null || x === undefined) return t("overflow");
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "−∞";
  const a = Math.abs(x);
  let s;
  if (a !== 0 && (a >= 1e7 || a < 10 ** -digits)) {
    s = sci(x, digits, { fixed });
  } else {
    s = fmt(x, { minimumFractionDigits: fixed ? digits : 0, maximumFractionDigits: digits, useGrouping: a >= 1e4 });
  }
  return s.replace(/^-/, "−");
}

/** A logit as typed (full precision), with a real minus sign. */
export function logit(x) {
  const s = String(x);
  const shown = getLanguage() === "ru" ? s.replace(".", ",") : s;
  return shown.replace(/^-/, "−");
}

/** As logit(), to read, not edit: 1e-300 is 1×10⁻³⁰⁰. */
export function logitText(x) {
  const s = String(Math.abs(x));
  return s.includes("e") ? sci(x, s.split("e")[0].replace(".", "").length) : logit(x);
}

/** A value for the figure's narrow columns (at most ~8 characters): as num() below 1000,
 *  one decimal to 10 000, else scientific with 2 significant digits ("2.7×10⁵"). */
export function compact(x) {
  const a = Math.abs(x);
  if (!Number.isFinite(x) || a === 0 || (a >= 1e-3 && a < 1000)) return num(x);
  if (a >= 1000 && a < 1e4) return num(x, 1);
  return sci(x, 2);
}

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** x with `digits` significant digits as a teacher writes it: "6.2×10⁵", "6,2·10⁵" in
 *  Russian ("6,2e5" reads as 6,2·e⁵). Trailing zeros go unless `fixed`. */
export function sci(x, digits = 3, { fixed = false } = {}) {
  const [mantissa, power] = x.toExponential(digits - 1).split("e");
  const m = Number(mantissa);
  const shown = fmt(m, { minimumFractionDigits: fixed ? digits - 1 : 0, maximumFractionDigits: digits - 1 });
  const exponent = [...String(Number(power))].map((c) => SUPERSCRIPT[c] ?? "⁻").join("");
  const times = getLanguage() === "ru" ? "·" : "×";
  return `${shown}${times}10${exponent}`.replace(/^-/, "−");
}
