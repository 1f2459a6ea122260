// What the cross-entropy panel asks: the true class or a target distribution, and the
// request body for the page's state. Pure (no DOM), tested in tests/js/lab-target.test.mjs.

import { parseNumber } from "../parse.js";

/** The true class of the state: its `target` when that is a class, else the first. */
export function targetIndex(state) {
  if (Array.isArray(state.target)) return state.target.indexOf(Math.max(...state.target));
  const k = state.logits.length;
  return Number.isInteger(state.target) && state.target >= 0 && state.target < k ? state.target : 0;
}

/** The request body for the current state, or null at T = 0 (no gradient to show). */
export function crossEntropyBody(state, custom) {
  if (!(state.t > 0)) return null;
  return {
    logits: state.logits,
    target: custom !== null ? custom : targetIndex(state),
    temperature: state.t,
    label_smoothing: state.smoothing || 0,
  };
}

export function sameNumbers(a, b) {
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);
}

/** One finite, non-negative number per class, adding up to 1 (within the API's 1e-6). */
export function validDistribution(target, k) {
  if (!Array.isArray(target) || target.length !== k || target.some((x) => !Number.isFinite(x) || x < 0)) return false;
  return Math.abs(target.reduce((a, b) => a + b, 0) - 1) <= 1e-6;
}

/** The box's separator in a language: a decimal comma needs another one. */
export const separator = (lang) => (lang === "ru" ? "; " : ", ");

/** "0.7, 0.2, 0.1" or, with decimal commas, "0,7; 0,2; 0,1" -> [0.7, 0.2, 0.1] (NaN where a
 *  piece is not a number). Semicolons, when there are any, separate; else commas or spaces. */
export function parseDistribution(text) {
  const pieces = text.includes(";") ? text.split(";") : text.split(/[,\s]+/);
  return pieces.map((x) => x.trim()).filter(Boolean).map(parseNumber);
}

/** The numbers as the box shows them in `lang`, written by `show` (the page's number format). */
export function distributionText(values, lang, show) {
  return values.map(show).join(separator(lang));
}
