// The training panel's chart: the loss before the first step and after each one. Empty, it
// says how to fill it.

import { t } from "../i18n.js";
import { clear, h, s } from "./dom.js";
import { num } from "./num.js";

const W = 400;
const H = 200;
const PAD = { left: 56, right: 16, top: 16, bottom: 44 };

export function createLossChart() {
  const chart = s("svg", { class: "lab-chart", role: "img", viewBox: `0 0 ${W} ${H}`, "data-testid": "lab-loss-chart" });
  const hint = h("p", { class: "lab-hint", i18n: "lab.train.hint", "data-testid": "lab-loss-hint" });
  const root = h("div", { class: "lab-chart-box" }, [chart, hint]);

  /** Draw `history` (losses: before the first step, then after each). */
  function draw(history) {
    clear(chart);
    hint.hidden = history.length > 1;
    const iw = W - PAD.left - PAD.right;
    const ih = H - PAD.top - PAD.bottom;
    const steps = Math.max(10, history.length - 1);
    const top = history.length ? Math.max(1e-9, ...history) * 1.05 : 1;
    const x = (i) => PAD.left + (i / steps) * iw;
    const y = (v) => PAD.top + ih - (v / top) * ih;
    const base = PAD.top + ih;
    s("line", { class: "lab-axis", x1: PAD.left, x2: PAD.left + iw, y1: base, y2: base }, chart);
    s("line", { class: "lab-axis", x1: PAD.left, x2: PAD.left, y1: PAD.top, y2: base }, chart);
    const tick = (attrs) => s("text", { class: "lab-tick", ...attrs }, chart);
    if (history.length) tick({ x: PAD.left - 8, y: PAD.top, dy: "0.35em", "text-anchor": "end", text: num(top, 2) });
    tick({ x: PAD.left - 8, y: base, dy: "0.35em", "text-anchor": "end", text: "0" });
    tick({ x: PAD.left, y: base + 20, "text-anchor": "start", text: "0" });
    tick({ x: PAD.left + iw, y: base + 20, "text-anchor": "end", text: String(steps) });
    tick({ x: PAD.left + iw / 2, y: H - 4, "text-anchor": "middle", text: t("lab.train.axisStep") });
    if (history.length) {
      const points = history.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
      s("polyline", { class: "lab-line lab-line-loss", points }, chart);
      history.forEach((v, i) => s("circle", { class: "lab-dot", cx: x(i), cy: y(v), r: 3 }, chart));
    }
    chart.setAttribute("aria-label", history.length < 2 ? t("lab.train.empty")
      : t("lab.train.status", { steps: history.length - 1, from: num(history[0], 3), to: num(history[history.length - 1], 3) }));
  }

  return { root, chart, draw };
}
