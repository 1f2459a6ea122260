// The learning lab: builds each widget once inside templates/_lab.html and feeds them the
// page state (and the latest /api/softmax answer) after every render.

import { store } from "../state.js";
import { onLanguageChange } from "../i18n.js";
import "./strings.js";
import { retranslate } from "./dom.js";
import { createCrossEntropy } from "./crossentropy.js";
import { createTraining } from "./training.js";
import { createCurves } from "./curves.js";
import { createSampling } from "./sampling.js";
import { createStability } from "./stability.js";
import { createExport } from "./export.js";
import { createLabScheduler } from "./schedule.js";

/** Build the lab inside its section (templates/_lab.html); the page's main.js calls this once
 * lab.css has loaded. */
export function start(root) {
  const part = (name) => root.querySelector(`[data-lab="${name}"]`);
  const xent = createCrossEntropy(part("cross-entropy"), { store, onResult: () => {} });
  const training = createTraining(part("training"), { store, getBody: () => xent.body() });
  const curves = createCurves(part("curves"), { store });
  const sampling = createSampling(part("sampling"), { store });
  const stability = createStability(part("stability"), { store });
  const widgets = [xent, training, curves, sampling, stability];

  const labels = () => store.get().labels;
  createExport(part("export"), {
    charts: [
      { id: "curves", key: "lab.export.chartCurves", chart: curves.chart, csv: () => curvesCsv(curves.numbers(), labels()) },
      { id: "gradient", key: "lab.export.chartGradient", chart: xent.chart, csv: () => gradientCsv(xent.numbers(), labels()) },
      { id: "loss", key: "lab.export.chartLoss", chart: training.chart, csv: () => lossCsv(training.numbers()) },
      { id: "histogram", key: "lab.export.chartHistogram", chart: sampling.chart, csv: () => histogramCsv(sampling.numbers(), labels()) },
    ],
    everything: () => ({
      state: store.get(),
      softmax: store.result(),
      cross_entropy: xent.numbers(),
      training: training.numbers(),
      temperature: curves.numbers(),
      sampling: sampling.numbers(),
    }),
  });

  // Panels (data-panel="lab", "cross-entropy", ...) are hidden by ?hide= in the page's main.js.
  const scheduler = createLabScheduler((state, result) => {
    for (const widget of widgets) widget.update(state, result);
  });
  training.onStep(scheduler.hurry);
  store.subscribe(scheduler.render);
  // This module loads after the page's first render: start from what is there now.
  const now = store.get();
  const shown = store.result();
  const exact = store.current() && shown.probabilities.length === now.logits.length;
  scheduler.render(now, exact ? shown : null, { status: exact ? "ok" : "pending", exact, changed: new Set() });
  onLanguageChange(() => {
    retranslate(root);
    for (const widget of widgets) widget.relabel();
  });
}

function gradientCsv(numbers, labels) {
  if (!numbers) return null;
  const { request, response } = numbers;
  const rows = [["class", "logit", "target", "probability", "gradient"]];
  labels.forEach((label, i) => {
    const y = Array.isArray(request.target) ? request.target[i] : i === request.target ? 1 : 0;
    rows.push([label, request.logits[i], y, response.probabilities[i], response.gradient[i]]);
  });
  rows.push(["loss", "", "", "", response.loss]);
  return rows;
}

function lossCsv(numbers) {
  if (!numbers.losses.length) return null;
  return [["step", "loss"], ...numbers.losses.map((loss, i) => [i, loss])];
}

function curvesCsv(data, labels) {
  if (!data) return null;
  const k = data.probabilities[0].length;
  const head = ["temperature", ...Array.from({ length: k }, (_, c) => labels[c] ?? String(c + 1)), "entropy_nats"];
  return [head, ...data.temperatures.map((temp, i) => [temp, ...data.probabilities[i], data.entropy[i]])];
}

function histogramCsv(numbers, labels) {
  if (!numbers) return null;
  const { request, response } = numbers;
  const rows = [["class", "probability_after_filtering", "count"]];
  response.counts.forEach((count, i) => rows.push([labels[i] ?? String(i + 1), response.probabilities[i], count]));
  rows.push(["n", "", response.n], ["seed", "", response.seed], ["temperature", "", request.temperature]);
  return rows;
}

