// Small DOM helpers for the lab: HTML and SVG elements, translated text through the page's
// data-i18n mechanism (../i18n.js re-applies it on a language change), class colours.
// User text always goes in through textContent.

import { classColor } from "../colors.js";
import * as i18n from "../i18n.js";

const { t } = i18n;
const POWER = /\^\{([^}]*)\}/g;

/** `text` into `node`, each "^{...}" as a <sup> (built as nodes: user text is never markup). */
function writePowers(node, text) {
  if (!text.includes("^{")) {
    node.textContent = text;
    return;
  }
  const parts = [];
  let at = 0;
  for (const m of text.matchAll(POWER)) {
    parts.push(text.slice(at, m.index), h("sup", { text: m[1] }));
    at = m.index + m[0].length;
  }
  parts.push(text.slice(at));
  node.replaceChildren(...parts);
}

// i18n.js's own writer when it has one (the same notation), so that a text set here and one it
// re-applies on a language change are written alike.
const setText = i18n.setText || writePowers;

/** A text of the lab's (with "^{...}" powers) into `node`. */
export function write(node, text) {
  setText(node, text);
  return node;
}

export const SVG_NS = "http://www.w3.org/2000/svg";

function apply(node, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = String(value);
    else if (key === "i18n") say(node, value);
    else if (key === "class") node.setAttribute("class", value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  return node;
}

/** An HTML element with attributes (`text` sets textContent, `i18n` a translated text) and children. */
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

/** `node` shows the translation of `key`, now and after each language change (data-i18n). */
export function say(node, key) {
  node.dataset.i18n = key;
  setText(node, t(key));
  return node;
}

/** Attribute `attr` of `node` holds the translation of `key` (data-i18n-attr), now and later. */
export function sayAttr(node, attr, key) {
  const pairs = (node.dataset.i18nAttr || "").split(";").map((p) => p.trim()).filter((p) => p && !p.startsWith(`${attr}:`));
  node.dataset.i18nAttr = [...pairs, `${attr}:${key}`].join("; ");
  node.setAttribute(attr, t(key));
  return node;
}

/** Paint an SVG mark (fill, or stroke for a line) in class i's colour, the one it has on the whole page. */
export function paint(node, i, { stroke = false } = {}) {
  if (stroke) node.style.stroke = classColor(i);
  else node.style.fill = classColor(i);
  return node;
}

/** A small square of class i's colour, before its name in a table or a legend. */
export function swatch(i) {
  const mark = h("span", { class: "lab-swatch", "aria-hidden": "true" });
  mark.style.backgroundColor = classColor(i);
  return mark;
}

/** A table's row header for class i: its colour, then its name (which may wrap, beside it). */
export function classCell(label, i, tag = "th") {
  return h(tag, { scope: tag === "th" ? "row" : null }, [h("span", { class: "lab-name" }, [swatch(i), h("span", { text: label })])]);
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
