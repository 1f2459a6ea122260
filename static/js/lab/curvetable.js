// The temperature curves' numbers as a table: the gridline temperatures and the current T.

import { t } from "../i18n.js";
import { classCell, clear, h } from "./dom.js";
import { cell, num } from "./num.js";

/** Fill `table` from `data` (POST /api/temperature) at the temperatures `shown`, with the
 *  page's own answer `here` (at the current T) as the highlighted row. */
export function fillCurveTable(table, { data, labels, shown, here }) {
  clear(table);
  table.append(h("caption", { text: t("lab.curves.tableCaption") }));
  const k = data.probabilities[0].length;
  const head = h("tr", {}, [h("th", { scope: "col", text: "T" })]);
  for (let c = 0; c < k; c += 1) {
    const name = classCell(labels[c] ?? String(c + 1), c, "th");
    name.setAttribute("scope", "col");
    head.append(name);
  }
  head.append(h("th", { scope: "col", text: t("lab.curves.entropy") }));
  const rows = data.temperatures.map((temp, i) => ({ temp, p: data.probabilities[i], h: data.entropy[i] }))
    .filter((r) => shown.includes(r.temp));
  if (here && !shown.includes(here.temperature)) {
    rows.push({ temp: here.temperature, p: here.probabilities, h: here.entropy });
    rows.sort((a, b) => a.temp - b.temp);
  }
  const body = h("tbody");
  for (const r of rows) {
    const current = here && r.temp === here.temperature;
    const row = h("tr", current ? { class: "lab-current" } : {}, [h("th", { scope: "row", text: num(r.temp, 2) })]);
    r.p.forEach((p) => row.append(h("td", { text: cell(p) })));
    row.append(h("td", { text: cell(r.h) }));
    body.append(row);
  }
  table.append(h("thead", {}, [head]), body);
}
