// Sampling: N draws with a shown, settable seed (same seed, same counts, on the server),
// optional top-k / top-p after temperature, and the histogram (./histogram.js).

import { t } from "../i18n.js";
import { h, nextId } from "./dom.js";
import { createHistogram } from "./histogram.js";
import { makeRunner, errorText } from "./net.js";
import { createNumberBox } from "./numberbox.js";

const MAX_N = 10000;
const MAX_SEED = 2 ** 31 - 1;

export function createSampling(root, { store }) {
  const message = h("p", { class: "lab-message", role: "status" });
  let refused = null; // the box whose value is refused, if any
  const box = (name, rules, attrs = {}) => createNumberBox({
    id: nextId(name), rules, attrs,
    onValue(v) {
      if (refused === boxes[name].input) {
        refused = null;
        message.textContent = "";
      }
      store.set({ [name]: v });
    },
    onRefuse(input) {
      // Said in words, not only by aria-invalid: the draws shown stay those of the last valid value.
      refused = input;
      message.textContent = t("lab.sample.badField", { field: input.labels[0].textContent });
    },
  });
  const boxes = {};
  boxes.n = box("n", { min: 1, max: MAX_N, int: true });
  boxes.seed = box("seed", { min: 0, max: Number.MAX_SAFE_INTEGER, int: true }, { "data-testid": "lab-seed" });
  boxes.top_k = box("top_k", { min: 1, max: 100000, int: true, optional: true });
  boxes.top_p = box("top_p", { min: Number.MIN_VALUE, max: 1, optional: true });
  const newSeed = h("button", { type: "button", class: "lab-button", i18n: "lab.sample.newSeed" });
  const field = (key, input) => h("div", { class: "lab-field" }, [h("label", { for: input.id, i18n: key }), input]);
  const summary = h("p", { class: "lab-note", "aria-live": "polite" });
  const histogram = createHistogram();

  root.append(
    h("p", { class: "lab-note", i18n: "lab.sample.explain" }),
    h("div", { class: "lab-controls lab-controls-grid" }, [
      field("lab.sample.n", boxes.n.input),
      field("lab.sample.seed", boxes.seed.input),
      field("lab.sample.topK", boxes.top_k.input),
      field("lab.sample.topP", boxes.top_p.input),
      h("div", { class: "lab-buttons lab-span" }, [newSeed]),
    ]),
    message,
    summary,
    histogram.chart,
    h("p", { class: "lab-note lab-small", i18n: "lab.sample.legendExpect" }),
    h("div", { class: "lab-table-wrap", tabindex: "0" }, [histogram.table]),
  );

  let state = null;
  let softmax = null;
  let last = null;

  const runner = makeRunner("api/sample", {
    onData(data, body) {
      message.textContent = "";
      last = { data, body };
      draw({ force: true });
    },
    onError: (err) => { message.textContent = errorText(err); },
    onWait: (err) => { message.textContent = errorText(err); },
  });
  newSeed.addEventListener("click", () => store.set({ seed: Math.floor(Math.random() * MAX_SEED) }));

  let drawn = { last: null, softmax: null, labels: "", lang: "" };

  function draw({ force = false } = {}) {
    const labels = JSON.stringify(state.labels);
    if (!force && drawn.last === last && drawn.softmax === softmax && drawn.labels === labels && drawn.lang === state.lang) return;
    drawn = { last, softmax, labels, lang: state.lang };
    const k = last.data.counts.length;
    const p = softmax && softmax.probabilities.length === k && !Array.isArray(softmax.probabilities[0]) ? softmax.probabilities : null;
    summary.textContent = histogram.draw(last.data, state.labels, p);
  }

  return {
    update(next, softmaxResult) {
      state = next;
      if (softmaxResult) softmax = softmaxResult;
      boxes.n.show(state.n ?? 1000);
      boxes.seed.show(state.seed ?? 0);
      boxes.top_k.show(state.top_k ?? null);
      boxes.top_p.show(state.top_p ?? null);
      runner.run({
        logits: state.logits, temperature: state.t, n: state.n ?? 1000, seed: state.seed ?? 0,
        top_k: state.top_k ?? null, top_p: state.top_p ?? null,
      });
      if (last) draw();
    },
    relabel() {
      if (last) draw({ force: true });
    },
    chart: () => histogram.chart,
    numbers: () => last && { request: last.body, response: last.data },
  };
}
