// Small DOM helpers for the lab: HTML and SVG elements, translated text, number formatting.
// User text always goes in through textContent.

import { getLanguage, t } from "../i18n.js";

export const SVG_NS = "http://www.w3.org/2000/svg";

function apply(node, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = String(value);
    else if (key === "class") node.setAttribute("class", value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  return node;
}

/** An HTML element with attributes (`text` sets textContent) and children. */
export function h(tag, attrs = {}, children = []) {
  const node = apply(document.createElement(tag), attrs);
  for (const child of children) if (child) node.append(child);
  return node;
}

/** An SVG element, appended to `parent` when given. */
export function s(tag, attrs = {}, parent = null) {
  const node = apply(document.createElementNS(SVG_NS, tag), attrs);
  if (parent) parent.append(node);
  return node;
}

/** Remove every child of `node`. */
export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
}

// Translated text: each binding is re-applied when the language changes.
const bindings = [];

/** Set `node`'s text (or attribute `attr`) to the translation of `key`, now and on language change. */
export function tr(node, key, attr = null) {
  const binding = { node, key, attr };
  const index = bindings.findIndex((b) => b.node === node && b.attr === attr);
  if (index >= 0) bindings[index] = binding;
  else bindings.push(binding);
  put(binding);
  return node;
}

function put({ node, key, attr }) {
  const text = t(key);
  if (attr) node.setAttribute(attr, text);
  else node.textContent = text;
}

/** Re-apply every translation binding (and data-i18n attributes inside `root`). */
export function retranslate(root) {
  for (let i = bindings.length - 1; i >= 0; i -= 1) {
    if (!bindings[i].node.isConnected && !root.contains(bindings[i].node)) bindings.splice(i, 1);
    else put(bindings[i]);
  }
  for (const node of root.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
}

/** Fill "{name}" placeholders in a translated string. */
export function fill(key, values) {
  return t(key).replace(/\{(\w+)\}/g, (m, name) => (name in values ? String(values[name]) : m));
}

const MINUS = "\u2212";

/**
 * Format a number for display: `digits` decimals, scientific notation for tiny or huge
 * magnitudes, a real minus sign, a decimal comma in Russian. null means "no number".
 */
export function num(x, digits = 3, { sign = false } = {}) {
  if (x === null || x === undefined) return "\u2014";
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "\u221e" : `${MINUS}\u221e`;
  const abs = Math.abs(x);
  let body;
  if (abs !== 0 && (abs < 10 ** -digits || abs >= 1e7)) {
    const [mantissa, exponent] = abs.toExponential(2).split("e");
    body = `${mantissa}\u00d710${superscript(exponent)}`;
  } else {
    body = abs.toFixed(digits);
  }
  if (getLanguage() === "ru") body = body.replace(".", ",");
  const negative = x < 0 && /[1-9]/.test(body);
  const prefix = negative ? MINUS : sign && /[1-9]/.test(body) ? "+" : "";
  return prefix + body;
}

const SUP = { "-": "\u207b", "+": "", 0: "\u2070", 1: "\u00b9", 2: "\u00b2", 3: "\u00b3", 4: "\u2074",
  5: "\u2075", 6: "\u2076", 7: "\u2077", 8: "\u2078", 9: "\u2079" };
function superscript(exponent) {
  return [...exponent].map((c) => SUP[c] ?? c).join("");
}

/** Percentage of a probability, for display. */
export function pct(p, digits = 1) {
  return `${num(p * 100, digits)}\u00a0%`;
}

let uid = 0;
/** A unique id for label/aria wiring. */
export function nextId(prefix) {
  uid += 1;
  return `lab-${prefix}-${uid}`;
}

/** True when the person asked for less motion. */
export function reducedMotion() {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/** A class name cut to fit a chart's label column (the tables show it whole). */
export function short(label, max = 10) {
  const chars = [...String(label)];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}\u2026` : String(label);
}
