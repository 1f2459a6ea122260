// Sampling: N draws with a shown, settable seed (same seed, same counts, on the server),
// optional top-k / top-p after temperature, and the histogram against the probabilities.

import { t } from "../i18n.js";
import { pct } from "../format.js";
import { clear, fill, h, nextId, s, short, tr } from "./dom.js";
import { makeRunner, errorText } from "./net.js";

const W = 400;
const ROW = 30;
const LEFT = 110;
const RIGHT = 60;
const MAX_N = 10000;
const MAX_SEED = 2 ** 31 - 1;

function field(key, input) {
  return h("div", { class: "lab-field" }, [tr(h("label", { for: input.id }), key), input]);
}

export function createSampling(root, { store }) {
  const n = h("input", { id: nextId("n"), class: "lab-input lab-narrow", type: "number", min: "1", max: String(MAX_N), step: "1", inputmode: "numeric" });
  const seed = h("input", { id: nextId("seed"), class: "lab-input lab-narrow", type: "number", min: "0", step: "1", inputmode: "numeric", "data-testid": "lab-seed" });
  const topK = h("input", { id: nextId("topk"), class: "lab-input lab-narrow", type: "number", min: "1", step: "1", inputmode: "numeric" });
  const topP = h("input", { id: nextId("topp"), class: "lab-input lab-narrow", type: "number", min: "0.01", max: "1", step: "0.05", inputmode: "decimal" });
  const newSeed = tr(h("button", { type: "button", class: "lab-button" }), "lab.sample.newSeed");
  const message = h("p", { class: "lab-message", role: "status" });
  const summary = h("p", { class: "lab-note", "aria-live": "polite" });
  const chart = s("svg", { class: "lab-chart", role: "img", viewBox: `0 0 ${W} 100`, "data-testid": "lab-histogram" });
  const table = h("table", { class: "lab-table" });
  const headRow = h("tr");
  for (const key of ["lab.col.class", "lab.sample.colP", "lab.sample.colFiltered", "lab.sample.colCount"]) {
    headRow.append(tr(h("th", { scope: "col" }), key));
  }
  const tbody = h("tbody");
  table.append(tr(h("caption"), "lab.sample.tableCaption"), h("thead", {}, [headRow]), tbody);

  root.append(
    tr(h("p", { class: "lab-note" }), "lab.sample.explain"),
    h("div", { class: "lab-controls lab-controls-grid" }, [
      field("lab.sample.n", n),
      h("div", { class: "lab-field" }, [tr(h("label", { for: seed.id }), "lab.sample.seed"),
        h("div", { class: "lab-inline" }, [seed, newSeed])]),
      field("lab.sample.topK", topK), field("lab.sample.topP", topP),
    ]),
    message,
    summary,
    chart,
    tr(h("p", { class: "lab-note lab-small" }), "lab.sample.legendExpect"),
    h("div", { class: "lab-table-wrap" }, [table]),
  );

  let state = null;
  let softmax = null;
  let last = null;

  const runner = makeRunner("api/sample", {
    onData(data, body) {
      message.textContent = "";
      last = { data, body };
      draw();
    },
    onError(err) {
      message.textContent = errorText(err);
    },
  });

  /** Read an integer field: null when empty, undefined when invalid. */
  function readInt(input, min, max) {
    if (input.value.trim() === "") return null;
    const v = Number(input.value);
    return Number.isInteger(v) && v >= min && v <= max ? v : undefined;
  }

  let refused = null; // the field whose value is out of range, if any
  function onField(input, name, read) {
    input.addEventListener("input", () => {
      const v = read();
      input.setAttribute("aria-invalid", v === undefined ? "true" : "false");
      if (v === undefined) {
        // Said in words, not only by aria-invalid: the draws shown stay those of the last valid value.
        refused = input;
        message.textContent = fill("lab.sample.badField", { field: input.labels[0].textContent });
        return;
      }
      if (refused === input) {
        refused = null;
        message.textContent = "";
      }
      store.set({ [name]: v });
    });
  }
  onField(n, "n", () => { const v = readInt(n, 1, MAX_N); return v === null ? undefined : v; });
  onField(seed, "seed", () => { const v = readInt(seed, 0, Number.MAX_SAFE_INTEGER); return v === null ? undefined : v; });
  onField(topK, "top_k", () => readInt(topK, 1, 100000));
  onField(topP, "top_p", () => {
    if (topP.value.trim() === "") return null;
    const v = Number(topP.value);
    return v > 0 && v <= 1 ? v : undefined;
  });
  newSeed.addEventListener("click", () => store.set({ seed: Math.floor(Math.random() * MAX_SEED) }));

  function show(input, value) {
    if (document.activeElement === input) return; // do not fight the person typing
    input.value = value === null || value === undefined ? "" : String(value);
    input.setAttribute("aria-invalid", "false");
  }

  let drawn = { last: null, softmax: null, labels: "" };

  function draw({ force = false } = {}) {
    const labelsKey = JSON.stringify(state.labels);
    if (!force && drawn.last === last && drawn.softmax === softmax && drawn.labels === labelsKey) return;
    drawn = { last, softmax, labels: labelsKey };
    const { data } = last;
    const labels = state.labels;
    const k = data.counts.length;
    clear(tbody);
    clear(chart);
    const height = k * ROW + 4;
    chart.setAttribute("viewBox", `0 0 ${W} ${height}`);
    const iw = W - LEFT - RIGHT;
    s("line", { class: "lab-axis", x1: LEFT, x2: LEFT, y1: 0, y2: k * ROW }, chart);
    const p0 = softmax && softmax.probabilities.length === k && !Array.isArray(softmax.probabilities[0]) ? softmax.probabilities : null;
    for (let i = 0; i < k; i += 1) {
      const y = i * ROW;
      const share = data.counts[i] / data.n;
      s("text", { class: "lab-tick", x: LEFT - 6, y: y + ROW / 2 + 4, "text-anchor": "end", text: short(labels[i] ?? String(i + 1)) }, chart);
      s("rect", { class: `lab-bar lab-c${i % 8}`, x: LEFT, y: y + 6, width: Math.max(share * iw, 0), height: ROW - 12 }, chart);
      const px = LEFT + data.probabilities[i] * iw;
      s("line", { class: "lab-expect", x1: px, x2: px, y1: y + 2, y2: y + ROW - 2 }, chart);
      s("text", { class: "lab-tick", x: W - RIGHT + 6, y: y + ROW / 2 + 5, text: String(data.counts[i]) }, chart);
      tbody.append(h("tr", {}, [
        h("th", { scope: "row", text: labels[i] ?? String(i + 1) }),
        h("td", { text: p0 ? pct(p0[i]) : "\u2014" }),
        h("td", { text: pct(data.probabilities[i]) }),
        h("td", {}, [h("span", { text: String(data.counts[i]), "data-testid": "lab-count" }), h("span", { class: "lab-share", text: ` (${pct(share)})` })]),
      ]));
    }
    const text = fill("lab.sample.summary", { n: data.n, seed: data.seed });
    summary.textContent = text;
    chart.setAttribute("aria-label", `${text} ${labels.map((l, i) => `${l}: ${data.counts[i]}`).join("; ")}`);
  }

  return {
    update(next, softmaxResult) {
      state = next;
      if (softmaxResult) softmax = softmaxResult;
      show(n, state.n ?? 1000);
      show(seed, state.seed ?? 0);
      show(topK, state.top_k ?? null);
      show(topP, state.top_p ?? null);
      topK.max = String(state.logits.length);
      runner.run({
        logits: state.logits, temperature: state.t, n: state.n ?? 1000, seed: state.seed ?? 0,
        top_k: state.top_k ?? null, top_p: state.top_p ?? null,
      });
      if (last) draw();
    },
    relabel() {
      if (last) draw({ force: true });
    },
    chart: () => chart,
    title: () => t("lab.sample.title"),
    numbers: () => last && { request: last.body, response: last.data },
  };
}
