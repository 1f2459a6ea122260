// Temperature curves (./curvechart.js, ./curvetable.js) from POST /api/temperature; the
// point at the current T is the page's own /api/softmax answer. Clicking the chart (or
// arrow keys on it) sets T.

import { t } from "../i18n.js";
import { h, swatch, clear } from "./dom.js";
import { createCurveChart, clampT, GRID, IW, NICE, PAD, T_MAX, T_MIN, tAt, W } from "./curvechart.js";
import { fillCurveTable } from "./curvetable.js";
import { makeRunner, errorText } from "./net.js";
import { num } from "./num.js";

const KEY_FACTOR = 10 ** (1 / 20);
const round2 = (v) => Number(v.toPrecision(2));

export function createCurves(root, { store }) {
  const { chart, draw: drawChart, drawAxes } = createCurveChart({ role: "slider", tabindex: "0",
    "aria-valuemin": String(T_MIN), "aria-valuemax": String(T_MAX), "data-testid": "lab-curves" });
  const legend = h("ul", { class: "lab-legend" });
  const message = h("p", { class: "lab-message", role: "status" });
  const summary = h("p", { class: "lab-note" });
  const table = h("table", { class: "lab-table" });
  const details = h("details", { class: "lab-details" }, [h("summary", { i18n: "lab.curves.tableSummary" }),
    h("div", { class: "lab-table-wrap", tabindex: "0" }, [table])]);
  root.append(h("p", { class: "lab-note", i18n: "lab.curves.explain" }), message, chart, legend, summary, details);

  let state = null;
  let last = null; // the curves (POST /api/temperature) for the current logits
  let at = null; // the page's /api/softmax answer (the point at the current T)

  const runner = makeRunner("api/temperature", {
    onData(data) {
      message.textContent = "";
      last = data;
      draw();
    },
    onError: (err) => { message.textContent = errorText(err); },
    onWait: (err) => { message.textContent = errorText(err); },
  });

  const setT = (value) => store.set({ t: round2(clampT(value)) });
  chart.addEventListener("click", (event) => {
    const box = chart.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * W;
    setT(tAt((x - PAD.left) / IW));
  });
  chart.addEventListener("keydown", (event) => {
    const T = store.get().t; // the page's T now: the lab hears of a change a little later
    const current = T > 0 ? T : T_MIN;
    const moves = {
      ArrowRight: current * KEY_FACTOR, ArrowUp: current * KEY_FACTOR,
      ArrowLeft: current / KEY_FACTOR, ArrowDown: current / KEY_FACTOR,
      PageUp: current * 10 ** 0.25, PageDown: current / 10 ** 0.25, Home: T_MIN, End: T_MAX,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    setT(moves[event.key]);
  });

  let drawn = { data: null, at: null, key: "" };

  function draw({ force = false } = {}) {
    if (!last || !state) return;
    // Renders come once per frame while a slider moves: skip when nothing drawn here changed.
    const key = JSON.stringify([state.t, state.labels]);
    if (!force && drawn.data === last && drawn.at === at && drawn.key === key) return;
    drawn = { data: last, at, key };
    const k = last.probabilities[0].length;
    const T = state.t;
    // The point at the current T: the page's answer for these logits at this T, when it is one.
    const here = T > 0 && at && at.temperature === T && at.probabilities.length === k ? at : null;
    drawChart(last, T, here);
    clear(legend);
    for (let c = 0; c < k; c += 1) legend.append(h("li", {}, [swatch(c), h("span", { text: state.labels[c] ?? String(c + 1) })]));
    legend.append(h("li", {}, [h("span", { class: "lab-swatch lab-swatch-entropy", "aria-hidden": "true" }),
      h("span", { text: t("lab.curves.entropy") })]));
    if (here) {
      const p = here.probabilities;
      const top = p.indexOf(Math.max(...p));
      summary.textContent = t("lab.curves.summary", {
        t: num(T, 2), h: num(here.entropy, 3), max: num(last.max_entropy, 3), top: state.labels[top] ?? "", p: num(p[top], 3),
      });
    } else {
      summary.textContent = T > 0 ? "" : t("lab.curves.summaryHard");
    }
    chart.setAttribute("aria-label", t("lab.curves.chartLabel"));
    chart.setAttribute("aria-valuenow", String(T > 0 ? clampT(T) : T_MIN));
    chart.setAttribute("aria-valuetext", T > 0 ? `T = ${num(T, 2)}` : t("lab.curves.hard"));
    fillCurveTable(table, { data: last, labels: state.labels, shown: NICE, here });
  }

  return {
    update(next, result) {
      state = next;
      at = result;
      runner.run({ logits: state.logits, temperatures: GRID }); // sent again only for new logits
      draw();
    },
    relabel() {
      if (last) draw({ force: true });
      else drawAxes();
    },
    chart: () => chart,
    numbers: () => last,
  };
}
