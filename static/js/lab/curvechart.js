// The temperature chart: each class's probability against T on a log axis (0.05 to 20),
// the entropy on its own axis at the right, and a marker at the current T. Laid out so
// that no two texts meet, even with the larger text of phones (lab.css).

import { t } from "../i18n.js";
import { clear, paint, s } from "./dom.js";
import { num } from "./num.js";

export const W = 400;
const H = 264;
export const PAD = { left: 58, right: 62, top: 28, bottom: 52 };
export const T_MIN = 0.05;
export const T_MAX = 20;
export const NICE = [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20]; // gridlines
const LABELLED = [0.05, 0.2, 0.5, 1, 2, 5, 10, 20]; // 0.1 would touch 0.05
const MINOR = [0.2, 2, 10]; // labels left out on phones (their larger text would touch)
const LOG_MIN = Math.log10(T_MIN);
const LOG_SPAN = Math.log10(T_MAX) - LOG_MIN;
export const IW = W - PAD.left - PAD.right;
const IH = H - PAD.top - PAD.bottom;
const BASE = PAD.top + IH;

export const clampT = (v) => Math.min(T_MAX, Math.max(T_MIN, v));
export const xOf = (temp) => PAD.left + ((Math.log10(clampT(temp)) - LOG_MIN) / LOG_SPAN) * IW;
/** The temperature at a fraction (0..1) of the x axis. */
export const tAt = (fraction) => 10 ** (LOG_MIN + Math.min(1, Math.max(0, fraction)) * LOG_SPAN);
const yOf = (p) => BASE - p * IH;

/** The log-spaced temperatures asked for, with the gridline values for the table. */
export const GRID = (() => {
  const values = new Set(NICE);
  for (let i = 0; i <= 60; i += 1) values.add(Number((10 ** (LOG_MIN + (LOG_SPAN * i) / 60)).toPrecision(4)));
  return [...values].sort((a, b) => a - b);
})();

export function createCurveChart(attrs) {
  const chart = s("svg", { class: "lab-chart lab-clickable", viewBox: `0 0 ${W} ${H}`, ...attrs });
  const axes = s("g", {}, chart);
  const lines = s("g", {}, chart);
  const marker = s("g", {}, chart);
  const text = (parent, attrs2) => s("text", { class: "lab-tick", ...attrs2 }, parent);

  function drawAxes() {
    clear(axes);
    for (const temp of NICE) {
      const x = xOf(temp);
      s("line", { class: temp === 1 ? "lab-gridline lab-gridline-one" : "lab-gridline", x1: x, x2: x, y1: PAD.top, y2: BASE }, axes);
      if (!LABELLED.includes(temp)) continue;
      // the end labels stay inside the plot's width, clear of the axes' own labels
      const anchor = temp === T_MIN ? "start" : temp === T_MAX ? "end" : "middle";
      const minor = MINOR.includes(temp) ? " lab-tick-minor" : "";
      text(axes, { class: `lab-tick${minor}`, x, y: BASE + 22, "text-anchor": anchor, text: num(temp, 2) });
    }
    for (const p of [0, 0.5, 1]) {
      s("line", { class: "lab-gridline", x1: PAD.left, x2: PAD.left + IW, y1: yOf(p), y2: yOf(p) }, axes);
      text(axes, { x: PAD.left - 8, y: yOf(p), dy: "0.35em", "text-anchor": "end", text: num(p, 1) });
    }
    text(axes, { x: PAD.left + IW / 2, y: H - 6, "text-anchor": "middle", text: t("lab.curves.axisT") });
    const mid = PAD.top + IH / 2;
    text(axes, { x: 16, y: mid, "text-anchor": "middle", transform: `rotate(-90 16 ${mid})`, text: t("lab.curves.axisP") });
    text(axes, { class: "lab-tick lab-entropy-text", x: W - 16, y: mid, "text-anchor": "middle",
      transform: `rotate(90 ${W - 16} ${mid})`, text: t("lab.curves.axisH") });
  }

  /** Draw the curves of `data` (POST /api/temperature), the marker at T, and the points `here`. */
  function draw(data, T, here) {
    drawAxes();
    clear(lines);
    clear(marker);
    const k = data.probabilities[0].length;
    const hmax = data.max_entropy || 1;
    const yH = (v) => BASE - (v / hmax) * IH;
    const right = { class: "lab-tick lab-entropy-text", x: PAD.left + IW + 8, dy: "0.35em" };
    text(axes, { ...right, y: yH(hmax), text: num(hmax, 2) });
    text(axes, { ...right, y: yH(0), text: "0" });
    const path = (values, y) => data.temperatures.map((temp, i) => `${xOf(temp).toFixed(1)},${y(values[i]).toFixed(1)}`).join(" ");
    for (let c = 0; c < k; c += 1) {
      const line = s("polyline", { class: `lab-line${c >= 8 ? " lab-dashed" : ""}`, points: path(data.probabilities.map((row) => row[c]), yOf) }, lines);
      paint(line, c, { stroke: true });
    }
    s("polyline", { class: "lab-line lab-line-entropy", points: path(data.entropy, yH) }, lines);
    const x = T > 0 ? xOf(T) : PAD.left;
    s("line", { class: "lab-marker", x1: x, x2: x, y1: PAD.top, y2: BASE }, marker);
    const label = T > 0 ? `T = ${num(T, 2)}` : t("lab.curves.hard");
    const half = label.length * 4.6; // about half its width at the larger (phone) size
    text(marker, { class: "lab-tick lab-marker-text", x: Math.min(Math.max(x, PAD.left + half), PAD.left + IW - half),
      y: PAD.top - 9, "text-anchor": "middle", text: label });
    if (here) here.probabilities.forEach((p, c) => paint(s("circle", { class: "lab-dot", cx: x, cy: yOf(p), r: 4 }, marker), c));
  }

  drawAxes();
  return { chart, draw, drawAxes };
}
