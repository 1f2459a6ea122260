// A small SVG chart of shares (0..1) against a number, drawn at its real pixel width so that
// its text keeps the page's size and its ticks never crowd, also at 360 px. Used by the
// two-class and hard-max pictures:
//   const plot = createPlot(root);
//   plot.draw({x: [lo, hi], xTitle, label, curves, pieces, dots, marks})
//     curves: [{f: x => y, color, dash}]   drawn through the dots' x too, so a dot lies on it
//     pieces: [{from: [x, y], to: [x, y], color}]   straight pieces (the hard max's flat steps)
//     dots:   [{x, y, color, current, hollow}]   marks: [{x, color}] (a dashed vertical line)
//     notes:  [{x, y, text, below}]          a short label just above (or below) a point
import { sci } from "./format.js";
import { fmt } from "./i18n.js";

const NS = "http://www.w3.org/2000/svg";
const M = { left: 38, right: 14, top: 12, bottom: 44 };
const HEIGHT = 200;
const EM = 0.62; // a digit's width in em, about, in the page's sans-serif

/** Round tick values (steps of 1, 2, 2.5 or 5 times a power of ten) in [lo, hi], as many as
 *  fit across `width` px with each label (`labelWidth(text)` px wide) clear of its neighbours. */
export function niceTicks(lo, hi, width, labelWidth = (text) => text.length * 8 + 12) {
  if (!(hi > lo)) return [lo];
  const base = 10 ** Math.floor(Math.log10((hi - lo) / 100));
  let ticks = [lo];
  for (let i = 0; i < 80; i++) {
    const step = [1, 2, 2.5, 5][i % 4] * 10 ** Math.floor(i / 4) * base;
    if (Math.floor(hi / step) - Math.ceil(lo / step) >= width / 4) continue; // surely too many
    ticks = [];
    for (let k = Math.ceil(lo / step); k * step <= hi; k++) ticks.push(Number((k * step).toPrecision(12)));
    const spacing = (step / (hi - lo)) * width;
    if (ticks.length <= 2 || ticks.every((x) => labelWidth(tickText(x)) <= spacing)) break;
  }
  return ticks;
}

/** A tick's text in the page's language, with a real minus sign; 1×10³⁰⁰ for the huge ones. */
export function tickText(v) {
  const a = Math.abs(v);
  if (a >= 1e6 || (a > 0 && a < 1e-3)) {
    return sci(v, 3);
  }
  return fmt(v, { maximumFractionDigits: 3, useGrouping: false }).replace(/^-/, "−");
}

function el(tag, attrs = {}, parent = null) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (parent) parent.append(node);
  return node;
}

export function createPlot(root) {
  const svg = el("svg", { class: "plot", role: "img" });
  root.append(svg);
  let spec = null;
  let width = 0;

  function draw(next) {
    spec = next;
    width = Math.round(root.clientWidth) || 300;
    const w = width - M.left - M.right;
    const h = HEIGHT - M.top - M.bottom;
    const [lo, hi] = spec.x;
    const X = (x) => M.left + ((Math.min(hi, Math.max(lo, x)) - lo) / (hi - lo)) * w; // kept inside
    const Y = (y) => M.top + (1 - y) * h;
    svg.replaceChildren();
    svg.setAttribute("viewBox", `0 0 ${width} ${HEIGHT}`);
    svg.setAttribute("width", String(width));
    svg.setAttribute("height", String(HEIGHT));
    svg.setAttribute("aria-label", spec.label);
    for (const y of [0, 0.5, 1]) {
      el("line", { class: "plot-grid", x1: M.left, x2: M.left + w, y1: Y(y), y2: Y(y) }, svg);
      const text = el("text", { class: "plot-tick", x: M.left - 6, y: Y(y), "text-anchor": "end", dy: "0.35em" }, svg);
      text.textContent = tickText(y);
    }
    const px = parseFloat(getComputedStyle(svg).fontSize) || 13;
    const labelWidth = (text) => text.length * px * EM + 2.5 * px;
    for (const x of niceTicks(lo, hi, w, labelWidth)) {
      el("line", { class: "plot-axis", x1: X(x), x2: X(x), y1: Y(0), y2: Y(0) + 5 }, svg);
      const label = tickText(x);
      if (X(x) - (label.length * px * EM) / 2 < M.left - 4) continue; // would touch the y labels
      const text = el("text", { class: "plot-tick", x: X(x), y: Y(0) + 18, "text-anchor": "middle" }, svg);
      text.textContent = label;
    }
    const title = el("text", { class: "plot-title", x: M.left + w / 2, y: HEIGHT - 6, "text-anchor": "middle" }, svg);
    title.textContent = spec.xTitle;
    for (const mark of spec.marks || []) {
      const line = el("line", { class: "plot-mark", x1: X(mark.x), x2: X(mark.x), y1: Y(1), y2: Y(0) }, svg);
      line.style.stroke = mark.color;
    }
    const dotsX = (spec.dots || []).map((d) => d.x).filter((x) => x > lo && x < hi);
    for (const curve of spec.curves || []) {
      const xs = Array.from({ length: 161 }, (_, i) => lo + ((hi - lo) * i) / 160).concat(dotsX).sort((a, b) => a - b);
      const d = xs.map((x, i) => `${i ? "L" : "M"}${X(x).toFixed(2)},${Y(curve.f(x)).toFixed(2)}`).join("");
      const path = el("path", { class: "plot-curve", d }, svg);
      path.style.stroke = curve.color;
      if (curve.dash) path.classList.add("dashed");
    }
    for (const piece of spec.pieces || []) {
      const [[x1, y1], [x2, y2]] = [piece.from, piece.to];
      const line = el("line", { class: "plot-curve", x1: X(x1), y1: Y(y1), x2: X(x2), y2: Y(y2) }, svg);
      line.style.stroke = piece.color;
    }
    for (const note of spec.notes || []) {
      const text = el("text", { class: "plot-note", x: X(note.x), y: Y(note.y), dy: note.below ? 16 : -7, "text-anchor": "middle" }, svg);
      text.textContent = note.text;
    }
    for (const dot of spec.dots || []) {
      const circle = el("circle", { class: "plot-dot", cx: X(dot.x).toFixed(2), cy: Y(dot.y).toFixed(2), r: dot.current ? 6 : 3.5 }, svg);
      circle.style.stroke = dot.color;
      circle.style.fill = dot.hollow ? "var(--card)" : dot.color;
      if (dot.current) {
        circle.classList.add("current");
        circle.dataset.x = String(dot.x);
        circle.dataset.y = String(dot.y);
      }
    }
  }

  // Redraw at the new width when the panel is resized (a phone turned, a column reflowed).
  if ("ResizeObserver" in window) {
    new ResizeObserver(() => {
      if (spec && Math.round(root.clientWidth) !== width && root.clientWidth > 0) draw(spec);
    }).observe(root);
  }

  return { draw, svg };
}
