// Temperature curves: each class's probability against T (log axis) and the entropy,
// from POST /api/temperature. Clicking the chart (or arrow keys on it) sets T.

import { t } from "../i18n.js";
import { clear, fill, h, num, s, tr } from "./dom.js";
import { makeRunner, errorText } from "./net.js";

const W = 400;
const H = 250;
const PAD = { left: 48, right: 44, top: 18, bottom: 38 };
const T_MIN = 0.05;
const T_MAX = 20;
const NICE = [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20];
const MINOR = [0.1, 0.2, 0.5, 2, 5]; // tick labels left out on phones
const LOG_MIN = Math.log10(T_MIN);
const LOG_SPAN = Math.log10(T_MAX) - LOG_MIN;
const KEY_FACTOR = 10 ** (1 / 20);

/** The temperatures asked for: a log-spaced grid and round values for the table. The curves
 * depend on the logits alone; the point at the current T is the page's own /api/softmax answer. */
const GRID = (() => {
  const values = new Set(NICE);
  for (let i = 0; i <= 60; i += 1) values.add(Number((10 ** (LOG_MIN + (LOG_SPAN * i) / 60)).toPrecision(4)));
  return [...values].sort((a, b) => a - b);
})();

const clampT = (v) => Math.min(T_MAX, Math.max(T_MIN, v));
const round2 = (v) => Number(v.toPrecision(2));

export function createCurves(root, { store }) {
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  const xOf = (temp) => PAD.left + ((Math.log10(clampT(temp)) - LOG_MIN) / LOG_SPAN) * iw;
  const yOf = (p) => PAD.top + ih - p * ih;

  const chart = s("svg", { class: "lab-chart lab-clickable", viewBox: `0 0 ${W} ${H}`, role: "slider",
    tabindex: "0", "aria-valuemin": String(T_MIN), "aria-valuemax": String(T_MAX), "data-testid": "lab-curves" });
  const axes = s("g", {}, chart);
  const lines = s("g", {}, chart);
  const marker = s("g", {}, chart);
  const legend = h("ul", { class: "lab-legend" });
  const message = h("p", { class: "lab-message", role: "status" });
  const summary = h("p", { class: "lab-note" });
  const table = h("table", { class: "lab-table" });
  const details = h("details", { class: "lab-details" }, [tr(h("summary"), "lab.curves.tableSummary"),
    h("div", { class: "lab-table-wrap" }, [table])]);

  root.append(
    tr(h("p", { class: "lab-note" }), "lab.curves.explain"),
    message,
    chart,
    legend,
    summary,
    details,
  );
  drawAxes();

  let state = null;
  let last = null; // the curves (POST /api/temperature) for the current logits
  let at = null; // the page's /api/softmax answer (the point at the current T)

  const runner = makeRunner("api/temperature", {
    onData(data) {
      message.textContent = "";
      last = data;
      draw();
    },
    onError(err) {
      message.textContent = errorText(err);
    },
  });

  function setT(value) {
    store.set({ t: round2(clampT(value)) });
  }

  chart.addEventListener("click", (event) => {
    const box = chart.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * W;
    const fraction = (x - PAD.left) / iw;
    setT(10 ** (LOG_MIN + Math.min(1, Math.max(0, fraction)) * LOG_SPAN));
  });
  chart.addEventListener("keydown", (event) => {
    const current = state && state.t > 0 ? state.t : T_MIN;
    const moves = {
      ArrowRight: current * KEY_FACTOR, ArrowUp: current * KEY_FACTOR,
      ArrowLeft: current / KEY_FACTOR, ArrowDown: current / KEY_FACTOR,
      PageUp: current * 10 ** 0.25, PageDown: current / 10 ** 0.25, Home: T_MIN, End: T_MAX,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    setT(moves[event.key]);
  });

  function drawAxes() {
    clear(axes);
    s("rect", { class: "lab-plot-bg", x: PAD.left, y: PAD.top, width: iw, height: ih }, axes);
    for (const temp of NICE) {
      const x = xOf(temp);
      s("line", { class: temp === 1 ? "lab-gridline lab-gridline-one" : "lab-gridline", x1: x, x2: x, y1: PAD.top, y2: PAD.top + ih }, axes);
      const minor = MINOR.includes(temp) ? " lab-tick-minor" : "";
      s("text", { class: `lab-tick${minor}`, x, y: PAD.top + ih + 16, "text-anchor": "middle", text: num(temp, temp < 1 ? 2 : 0) }, axes);
    }
    for (const p of [0, 0.5, 1]) {
      s("line", { class: "lab-gridline", x1: PAD.left, x2: PAD.left + iw, y1: yOf(p), y2: yOf(p) }, axes);
      s("text", { class: "lab-tick", x: PAD.left - 5, y: yOf(p) + 4, "text-anchor": "end", text: num(p, 1) }, axes);
    }
    s("text", { class: "lab-tick", x: PAD.left + iw / 2, y: H - 4, "text-anchor": "middle", text: t("lab.curves.axisT") }, axes);
    s("text", { class: "lab-tick", x: 13, y: PAD.top + ih / 2, "text-anchor": "middle",
      transform: `rotate(-90 13 ${PAD.top + ih / 2})`, text: t("lab.curves.axisP") }, axes);
    s("text", { class: "lab-tick lab-entropy-text", x: W - 16, y: PAD.top + ih / 2, "text-anchor": "middle",
      transform: `rotate(90 ${W - 16} ${PAD.top + ih / 2})`, text: t("lab.curves.axisH") }, axes);
  }

  let drawn = { data: null, at: null, key: "" };

  function draw({ force = false } = {}) {
    if (!last || !state) return;
    // Renders come once per frame while a slider moves: skip when nothing drawn here changed.
    const key = JSON.stringify([state.t, state.labels]);
    if (!force && drawn.data === last && drawn.at === at && drawn.key === key) return;
    drawn = { data: last, at, key };
    drawAxes();
    clear(lines);
    clear(marker);
    clear(legend);
    const temps = last.temperatures;
    const k = last.probabilities[0].length;
    const hmax = last.max_entropy || 1;
    const yH = (v) => PAD.top + ih - (v / hmax) * ih;
    s("text", { class: "lab-tick lab-entropy-text", x: PAD.left + iw + 4, y: yH(hmax) + 4, text: num(hmax, 2) }, axes);
    s("text", { class: "lab-tick lab-entropy-text", x: PAD.left + iw + 4, y: yH(0) + 4, text: "0" }, axes);
    for (let c = 0; c < k; c += 1) {
      const points = temps.map((temp, i) => `${xOf(temp).toFixed(1)},${yOf(last.probabilities[i][c]).toFixed(1)}`).join(" ");
      s("polyline", { class: `lab-line lab-c${c % 8}${c >= 8 ? " lab-dashed" : ""}`, points }, lines);
      legend.append(h("li", {}, [h("span", { class: `lab-swatch lab-c${c % 8}`, "aria-hidden": "true" }),
        h("span", { text: state.labels[c] ?? String(c + 1) })]));
    }
    const entropyPoints = temps.map((temp, i) => `${xOf(temp).toFixed(1)},${yH(last.entropy[i]).toFixed(1)}`).join(" ");
    s("polyline", { class: "lab-line lab-line-entropy", points: entropyPoints }, lines);
    legend.append(h("li", {}, [h("span", { class: "lab-swatch lab-swatch-entropy", "aria-hidden": "true" }),
      h("span", { text: t("lab.curves.entropy") })]));

    const current = state.t;
    const x = current > 0 ? xOf(current) : PAD.left;
    s("line", { class: "lab-marker", x1: x, x2: x, y1: PAD.top, y2: PAD.top + ih }, marker);
    s("text", { class: "lab-tick lab-marker-text", x: Math.min(Math.max(x, PAD.left + 20), PAD.left + iw - 20),
      y: PAD.top - 3, "text-anchor": "middle", text: current > 0 ? `T = ${num(current, 2)}` : t("lab.curves.hard") }, marker);
    // The point at the current T: the page's answer for these logits at this T, when it is one.
    const here = current > 0 && at && at.temperature === current && at.probabilities.length === k ? at : null;
    if (here) {
      const p = here.probabilities;
      for (let c = 0; c < k; c += 1) {
        s("circle", { class: `lab-dot lab-c${c % 8}`, cx: x, cy: yOf(p[c]), r: 3.5 }, marker);
      }
      const top = p.indexOf(Math.max(...p));
      summary.textContent = fill("lab.curves.summary", {
        t: num(current, 2), h: num(here.entropy, 3), max: num(hmax, 3), top: state.labels[top] ?? "", p: num(p[top], 3),
      });
    } else {
      summary.textContent = current > 0 ? "" : t("lab.curves.summaryHard");
    }
    chart.setAttribute("aria-label", t("lab.curves.chartLabel"));
    chart.setAttribute("aria-valuenow", String(current > 0 ? clampT(current) : T_MIN));
    chart.setAttribute("aria-valuetext", current > 0 ? `T = ${num(current, 2)}` : t("lab.curves.hard"));
    drawTable(temps, k, here);
  }

  function drawTable(temps, k, here) {
    clear(table);
    // rebuilt on every draw and on a language change, so plain t() rather than tr() bindings
    table.append(h("caption", { text: t("lab.curves.tableCaption") }));
    const head = h("tr", {}, [h("th", { scope: "col", text: "T" })]);
    for (let c = 0; c < k; c += 1) head.append(h("th", { scope: "col", text: state.labels[c] ?? String(c + 1) }));
    head.append(h("th", { scope: "col", text: t("lab.curves.entropy") }));
    const rows = temps.map((temp, i) => ({ temp, p: last.probabilities[i], h: last.entropy[i] }))
      .filter((r) => NICE.includes(r.temp));
    if (here && !NICE.includes(here.temperature)) {
      rows.push({ temp: here.temperature, p: here.probabilities, h: here.entropy });
      rows.sort((a, b) => a.temp - b.temp);
    }
    const body = h("tbody");
    for (const r of rows) {
      const current = here && r.temp === here.temperature;
      const tr_ = h("tr", current ? { class: "lab-current" } : {}, [h("th", { scope: "row", text: num(r.temp, 2) })]);
      r.p.forEach((p) => tr_.append(h("td", { text: num(p, 3) })));
      tr_.append(h("td", { text: num(r.h, 3) }));
      body.append(tr_);
    }
    table.append(h("thead", {}, [head]), body);
  }

  return {
    update(next, result) {
      state = next;
      at = result;
      runner.run({ logits: state.logits, temperatures: GRID }); // sent again only for new logits
      draw();
    },
    relabel() {
      drawAxes();
      draw({ force: true });
    },
    chart: () => chart,
    title: () => t("lab.curves.title"),
    numbers: () => last,
  };
}
