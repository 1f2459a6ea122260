// Export: the chosen chart as SVG or PNG (SVG -> Blob URL -> Image -> canvas -> PNG), and
// its numbers as CSV, or everything as JSON. The SVG goes into the <img> as a data: URL
// (CSP img-src 'self' data:); downloads are Blob URLs followed by an <a download> click.

import { t } from "../i18n.js";
import { h, nextId, SVG_NS, tr } from "./dom.js";

const STYLE_PROPS = ["fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity",
  "opacity", "font-family", "font-size", "font-weight", "text-anchor", "dominant-baseline"];
const SCALE = 3;

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: name, class: "lab-hidden-link" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

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
    for (const attr of ["class", "role", "tabindex", "aria-valuemin", "aria-valuemax", "aria-valuenow", "aria-valuetext", "data-testid"]) {
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

/** A CSV cell: quoted when needed; text that a spreadsheet would run as a formula is defused. */
function cell(value) {
  let text = value === null || value === undefined ? "" : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows) {
  return `${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}

/**
 * charts: [{ id, key (title string key), chart(), csv() -> rows or null }]; everything(): the JSON.
 */
export function createExport(root, { charts, everything }) {
  const selectId = nextId("chart");
  const select = h("select", { id: selectId, class: "lab-input", "data-testid": "lab-export-chart" });
  for (const c of charts) select.append(tr(h("option", { value: c.id }), c.key));
  const buttons = {};
  for (const kind of ["png", "svg", "csv", "json"]) {
    buttons[kind] = tr(h("button", { type: "button", class: "lab-button", "data-testid": `lab-export-${kind}` }), `lab.export.${kind}`);
  }
  const message = h("p", { class: "lab-message", role: "status" });
  root.append(
    tr(h("p", { class: "lab-note" }), "lab.export.explain"),
    h("div", { class: "lab-controls" }, [
      h("div", { class: "lab-field" }, [tr(h("label", { for: selectId }), "lab.export.chart"), select]),
      h("div", { class: "lab-buttons" }, Object.values(buttons)),
    ]),
    message,
  );

  const chosen = () => charts.find((c) => c.id === select.value) || charts[0];
  const base = () => `softmax-${chosen().id}`;

  buttons.svg.addEventListener("click", () => {
    const { text } = standaloneSvg(chosen().chart());
    download(new Blob([text], { type: "image/svg+xml" }), `${base()}.svg`);
    message.textContent = t("lab.export.done");
  });
  buttons.png.addEventListener("click", async () => {
    try {
      download(await svgToPng(standaloneSvg(chosen().chart())), `${base()}.png`);
      message.textContent = t("lab.export.done");
    } catch {
      message.textContent = t("lab.export.failed");
    }
  });
  buttons.csv.addEventListener("click", () => {
    const rows = chosen().csv();
    if (!rows) {
      message.textContent = t("lab.export.nothing");
      return;
    }
    download(new Blob([toCsv(rows)], { type: "text/csv;charset=utf-8" }), `${base()}.csv`);
    message.textContent = t("lab.export.done");
  });
  buttons.json.addEventListener("click", () => {
    download(new Blob([JSON.stringify(everything(), null, 2)], { type: "application/json" }), "softmax-lab.json");
    message.textContent = t("lab.export.done");
  });

  return { relabel() {} };
}
