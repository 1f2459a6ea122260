// The cross-entropy panel's results: the loss, its formula, the gradient as signed bars in
// each class's colour, a note on its direction, and the numbers as a table.

import { t } from "../i18n.js";
import { classCell, clear, h, paint, s, short } from "./dom.js";
import { cell, num, signed } from "./num.js";

const W = 400;
const ROW = 30;
const LEFT = 110;
const RIGHT = 80;

export function createGradientView() {
  const formula = h("p", { class: "lab-formula", "data-testid": "lab-loss-formula" });
  const lossValue = h("span", { class: "lab-big", "data-testid": "lab-loss" });
  const lossLine = h("p", { class: "lab-loss" }, [h("span", { i18n: "lab.xent.loss" }), " ", lossValue]);
  const note = h("p", { class: "lab-note", "data-testid": "lab-grad-note" });
  const chart = s("svg", { class: "lab-chart", role: "img", viewBox: `0 0 ${W} 100` });
  const headRow = h("tr");
  for (const key of ["lab.col.class", "lab.col.p", "lab.col.y", "lab.col.grad"]) headRow.append(h("th", { scope: "col", i18n: key }));
  const tbody = h("tbody");
  const table = h("table", { class: "lab-table" }, [h("caption", { i18n: "lab.xent.tableCaption" }), h("thead", {}, [headRow]), tbody]);
  const root = h("div", { class: "lab-results" }, [
    lossLine, formula, h("p", { class: "lab-chart-title", i18n: "lab.xent.chartTitle" }), chart, note,
    h("div", { class: "lab-table-wrap", tabindex: "0" }, [table]),
  ]);

  /** Show an answer of POST /api/cross-entropy for `body`, with the state's class names. */
  function draw(data, body, labels) {
    const p = data.probabilities;
    const g = data.gradient;
    const index = Number.isInteger(body.target) ? body.target : null;
    const plain = index !== null && !body.label_smoothing;
    lossValue.textContent = num(data.loss, 3);
    formula.textContent = plain
      ? t("lab.xent.formulaIndex", { label: labels[index], p: num(p[index], 3), loss: num(data.loss, 3) })
      : t("lab.xent.formulaSoft", { loss: num(data.loss, 3) });
    // "The true class is pulled up" holds for a one-hot target only: with smoothing or a
    // target distribution, every class with p below its target is. T then scales it.
    const direction = t(plain ? "lab.xent.gradPlain" : "lab.xent.gradSoft");
    note.textContent = body.temperature === 1 ? direction : `${direction} ${t("lab.xent.gradT", { t: num(body.temperature, 2) })}`;
    clear(tbody);
    const eps = body.label_smoothing || 0;
    labels.forEach((label, i) => {
      // the target as the loss sees it: (1 - eps) y + eps / K
      const raw = index !== null ? Number(i === index) : body.target[i];
      const y = plain ? String(raw) : cell((1 - eps) * raw + eps / labels.length);
      tbody.append(h("tr", {}, [
        classCell(label, i),
        h("td", { text: cell(p[i]) }),
        h("td", { text: y }),
        h("td", { text: signed(g[i], 3, { fixed: true }), "data-testid": "lab-grad" }),
      ]));
    });
    drawBars(labels, g);
  }

  function drawBars(labels, g) {
    clear(chart);
    const height = labels.length * ROW + 8;
    chart.setAttribute("viewBox", `0 0 ${W} ${height}`);
    const extent = Math.max(1e-12, ...g.map(Math.abs));
    const half = (W - LEFT - RIGHT) / 2;
    const mid = LEFT + half;
    s("line", { class: "lab-axis", x1: mid, x2: mid, y1: 0, y2: height }, chart);
    labels.forEach((label, i) => {
      const y = 4 + i * ROW;
      const w = (Math.abs(g[i]) / extent) * half;
      const text = { y: y + ROW / 2, dy: "0.35em" };
      s("text", { class: "lab-tick", x: LEFT - 8, "text-anchor": "end", text: short(label), ...text }, chart);
      paint(s("rect", { class: "lab-bar", x: g[i] < 0 ? mid - w : mid, y: y + 5, width: Math.max(w, 0.5), height: ROW - 10 }, chart), i);
      s("text", { class: "lab-tick", x: W - RIGHT + 8, text: signed(g[i], 3), ...text }, chart);
    });
    const values = labels.map((l, i) => `${l} ${signed(g[i], 3)}`).join("; ");
    chart.setAttribute("aria-label", `${t("lab.xent.chartTitle")}: ${values}`);
  }

  return { root, chart, draw };
}
