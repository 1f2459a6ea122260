// The sampling panel's results: a bar per class (its share of the draws, in its colour) with a
// line at its probability after filtering, and the numbers as a table.

import { pct } from "../format.js";
import { t } from "../i18n.js";
import { classCell, clear, h, paint, s, short } from "./dom.js";

const W = 400;
const ROW = 32;
const LEFT = 110;
const RIGHT = 64;

export function createHistogram() {
  const chart = s("svg", { class: "lab-chart", role: "img", viewBox: `0 0 ${W} 100`, "data-testid": "lab-histogram" });
  const headRow = h("tr");
  for (const key of ["lab.col.class", "lab.sample.colP", "lab.sample.colFiltered", "lab.sample.colCount"]) {
    headRow.append(h("th", { scope: "col", i18n: key }));
  }
  const tbody = h("tbody");
  const table = h("table", { class: "lab-table" }, [h("caption", { i18n: "lab.sample.tableCaption" }), h("thead", {}, [headRow]), tbody]);

  /** Draw an answer of POST /api/sample; `p0` are the probabilities before filtering (or null). */
  function draw(data, labels, p0) {
    const k = data.counts.length;
    clear(tbody);
    clear(chart);
    chart.setAttribute("viewBox", `0 0 ${W} ${k * ROW + 4}`);
    const iw = W - LEFT - RIGHT;
    s("line", { class: "lab-axis", x1: LEFT, x2: LEFT, y1: 0, y2: k * ROW }, chart);
    for (let i = 0; i < k; i += 1) {
      const y = i * ROW;
      const share = data.counts[i] / data.n;
      const name = labels[i] ?? String(i + 1);
      const middle = { y: y + ROW / 2, dy: "0.35em" };
      s("text", { class: "lab-tick", x: LEFT - 8, "text-anchor": "end", text: short(name), ...middle }, chart);
      paint(s("rect", { class: "lab-bar", x: LEFT, y: y + 6, width: Math.max(share * iw, 0), height: ROW - 12 }, chart), i);
      const px = LEFT + data.probabilities[i] * iw;
      s("line", { class: "lab-expect", x1: px, x2: px, y1: y + 2, y2: y + ROW - 2 }, chart);
      s("text", { class: "lab-tick", x: W - RIGHT + 8, text: String(data.counts[i]), ...middle }, chart);
      tbody.append(h("tr", {}, [
        classCell(name, i),
        h("td", { text: p0 ? pct(p0[i]) : "\u2014" }),
        h("td", { text: pct(data.probabilities[i]) }),
        h("td", {}, [h("span", { text: String(data.counts[i]), "data-testid": "lab-count" }), h("span", { class: "lab-share", text: ` (${pct(share)})` })]),
      ]));
    }
    const text = t("lab.sample.summary", { n: data.n, seed: data.seed });
    chart.setAttribute("aria-label", `${text} ${labels.map((l, i) => `${l}: ${data.counts[i]}`).join("; ")}`);
    return text;
  }

  return { chart, table, draw };
}
