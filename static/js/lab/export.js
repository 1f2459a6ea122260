// Export: the chosen chart as SVG or PNG (./svgexport.js), its numbers as CSV (./csv.js), or
// everything as JSON. Downloads are Blob URLs followed by an <a download> click.

import { t } from "../i18n.js";
import { toCsv } from "./csv.js";
import { h, nextId } from "./dom.js";
import { standaloneSvg, svgToPng } from "./svgexport.js";

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: name, class: "lab-hidden-link" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** charts: [{ id, key (title string key), chart(), csv() -> rows or null }]; everything(): the JSON. */
export function createExport(root, { charts, everything }) {
  const selectId = nextId("chart");
  const select = h("select", { id: selectId, class: "lab-input", "data-testid": "lab-export-chart" });
  for (const c of charts) select.append(h("option", { value: c.id, i18n: c.key }));
  const buttons = {};
  for (const kind of ["png", "svg", "csv", "json"]) {
    buttons[kind] = h("button", { type: "button", class: "lab-button", "data-testid": `lab-export-${kind}`, i18n: `lab.export.${kind}` });
  }
  const message = h("p", { class: "lab-message lab-said", role: "status" });
  root.append(
    h("p", { class: "lab-note", i18n: "lab.export.explain" }),
    h("div", { class: "lab-controls" }, [
      h("div", { class: "lab-field" }, [h("label", { for: selectId, i18n: "lab.export.chart" }), select]),
      h("div", { class: "lab-buttons" }, Object.values(buttons)),
    ]),
    message,
  );

  const chosen = () => charts.find((c) => c.id === select.value) || charts[0];
  const base = () => `softmax-${chosen().id}`;
  const done = () => { message.textContent = t("lab.export.done"); };

  buttons.svg.addEventListener("click", () => {
    download(new Blob([standaloneSvg(chosen().chart()).text], { type: "image/svg+xml" }), `${base()}.svg`);
    done();
  });
  buttons.png.addEventListener("click", async () => {
    try {
      download(await svgToPng(standaloneSvg(chosen().chart())), `${base()}.png`);
      done();
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
    done();
  });
  buttons.json.addEventListener("click", () => {
    download(new Blob([JSON.stringify(everything(), null, 2)], { type: "application/json" }), "softmax-lab.json");
    done();
  });
}
