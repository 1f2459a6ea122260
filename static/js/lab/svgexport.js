// A chart as a file: a self-contained SVG (computed styles become attributes, with its
// background and its HTML legend), or a PNG drawn from it (SVG -> data: URL -> Image ->
// canvas; the CSP allows img-src data:).

import { SVG_NS } from "./dom.js";

const STYLE_PROPS = ["fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity",
  "opacity", "font-family", "font-size", "font-weight", "text-anchor", "dominant-baseline"];
const SCALE = 3;

/** The colour the chart is drawn on (light or dark scheme): the first opaque background up the tree. */
function backgroundOf(node) {
  for (let el = node.parentElement; el; el = el.parentElement) {
    const colour = getComputedStyle(el).backgroundColor;
    if (colour && colour !== "transparent" && !/^rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return "#ffffff";
}

/** Copy the HTML legend that follows a chart (if any) under the exported drawing; returns the added height. */
function addLegend(svg, clone, box) {
  const legend = svg.parentElement && svg.parentElement.querySelector(".lab-legend");
  if (!legend) return 0;
  const row = 22;
  let x = 8;
  let y = box.height + 16;
  const fg = getComputedStyle(legend).color;
  for (const item of legend.querySelectorAll("li")) {
    const swatch = getComputedStyle(item.querySelector(".lab-swatch"));
    const dashed = swatch.borderTopStyle === "dashed";
    const text = item.textContent.trim();
    const width = 34 + text.length * 7.5;
    if (x + width > box.width && x > 8) {
      x = 8;
      y += row;
    }
    const line = document.createElementNS(SVG_NS, "line");
    for (const [k, v] of Object.entries({ x1: x, x2: x + 20, y1: y - 4, y2: y - 4, "stroke-width": 3,
      stroke: dashed ? swatch.borderTopColor : swatch.backgroundColor })) line.setAttribute(k, String(v));
    if (dashed) line.setAttribute("stroke-dasharray", "5 3");
    const label = document.createElementNS(SVG_NS, "text");
    for (const [k, v] of Object.entries({ x: x + 26, y, fill: fg, "font-size": 13, "font-family": "sans-serif" })) {
      label.setAttribute(k, String(v));
    }
    label.textContent = text;
    clone.append(line, label);
    x += width;
  }
  return y - box.height + 10;
}

/** A self-contained copy of a live chart: computed styles become attributes, with a background. */
export function standaloneSvg(svg) {
  const clone = svg.cloneNode(true);
  const from = [svg, ...svg.querySelectorAll("*")];
  const to = [clone, ...clone.querySelectorAll("*")];
  from.forEach((node, i) => {
    const style = getComputedStyle(node);
    for (const prop of STYLE_PROPS) {
      const value = style.getPropertyValue(prop);
      if (value) to[i].setAttribute(prop, value);
    }
    for (const attr of ["class", "style", "role", "tabindex", "aria-valuemin", "aria-valuemax", "aria-valuenow", "aria-valuetext", "data-testid"]) {
      to[i].removeAttribute(attr);
    }
  });
  const box = svg.viewBox.baseVal;
  const height = box.height + addLegend(svg, clone, box);
  clone.setAttribute("xmlns", SVG_NS);
  clone.setAttribute("viewBox", `0 0 ${box.width} ${height}`);
  clone.setAttribute("width", String(box.width));
  clone.setAttribute("height", String(height));
  const background = document.createElementNS(SVG_NS, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", backgroundOf(svg));
  clone.insertBefore(background, clone.firstChild);
  const label = svg.getAttribute("aria-label");
  if (label) {
    const title = document.createElementNS(SVG_NS, "title");
    title.textContent = label;
    clone.insertBefore(title, clone.firstChild);
  }
  return { text: new XMLSerializer().serializeToString(clone), width: box.width, height };
}

/** Render SVG text to a PNG blob through an <img> and a canvas. */
export function svgToPng({ text, width, height }) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(width * SCALE);
      canvas.height = Math.round(height * SCALE);
      canvas.getContext("2d").drawImage(img, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("png"))), "image/png");
    };
    img.onerror = () => reject(new Error("svg"));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  });
}
