// The learning lab: builds each widget once inside templates/_lab.html and feeds them the
// page state (and the latest /api/softmax answer) after every render.

import { store } from "../state.js";
import { onLanguageChange } from "../i18n.js";
import "./strings.js";
import { createCrossEntropy } from "./crossentropy.js";
import { curvesRows, gradientRows, histogramRows, lossRows } from "./csv.js";
import { createCurves } from "./curves.js";
import { createExport } from "./export.js";
import { createSampling } from "./sampling.js";
import { createLabScheduler } from "./schedule.js";
import { createStability } from "./stability.js";
import { createTraining } from "./training.js";

/** Build the lab inside its section (templates/_lab.html); the page's main.js calls this once
 * lab.css has loaded. */
export function start(root) {
  const part = (name) => root.querySelector(`[data-lab="${name}"]`);
  const xent = createCrossEntropy(part("cross-entropy"), { store });
  const training = createTraining(part("training"), { store, getBody: () => xent.body() });
  const curves = createCurves(part("curves"), { store });
  const sampling = createSampling(part("sampling"), { store });
  const stability = createStability(part("stability"), { store });
  const widgets = [xent, training, curves, sampling, stability];

  const labels = () => store.get().labels;
  createExport(part("export"), {
    charts: [
      { id: "curves", key: "lab.export.chartCurves", chart: curves.chart, csv: () => curvesRows(curves.numbers(), labels()) },
      { id: "gradient", key: "lab.export.chartGradient", chart: xent.chart, csv: () => gradientRows(xent.numbers(), labels()) },
      { id: "loss", key: "lab.export.chartLoss", chart: training.chart, csv: () => lossRows(training.numbers()) },
      { id: "histogram", key: "lab.export.chartHistogram", chart: sampling.chart, csv: () => histogramRows(sampling.numbers(), labels()) },
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
  // Fixed texts follow the language through data-i18n (../i18n.js); texts with numbers are redrawn.
  onLanguageChange(() => {
    for (const widget of widgets) widget.relabel();
  });
}
