// Training by hand: the learning rate, a gradient step, a run of 30 (./trainer.js), and the
// loss falling (./losschart.js).

import { t } from "../i18n.js";
import { h, nextId, reducedMotion, say, sayAttr } from "./dom.js";
import { createLossChart } from "./losschart.js";
import { num } from "./num.js";
import { createNumberBox } from "./numberbox.js";
import { createTrainer } from "./trainer.js";

const TRAIN_STEPS = 30;

export function createTraining(root, { store, getBody }) {
  const lrId = nextId("lr");
  const lr = h("input", { id: lrId, type: "range", min: "0.05", max: "5", step: "0.05", value: "1" });
  const status = h("p", { class: "lab-status", role: "status", "aria-live": "polite" });
  const lrBox = createNumberBox({ id: nextId("lr-box"), rules: { min: 1e-6, max: 1000 },
    onValue(v) {
      if (status.textContent === t("lab.train.badLr")) status.textContent = "";
      store.set({ lr: v });
    },
    onRefuse: () => { status.textContent = t("lab.train.badLr"); } });
  sayAttr(lrBox.input, "aria-label", "lab.train.lrBox");
  const button = (key, extra = {}) => h("button", { type: "button", class: "lab-button", i18n: key, ...extra });
  const stepButton = button("lab.train.step", { "data-testid": "lab-step" });
  const trainButton = button("lab.train.train", { "data-testid": "lab-train" });
  const resetButton = button("lab.train.reset", { class: "lab-button lab-quiet" });
  const loss = createLossChart();
  root.append(
    h("p", { class: "lab-note", i18n: "lab.train.explain" }),
    h("div", { class: "lab-controls" }, [
      h("div", { class: "lab-field" }, [h("label", { for: lrId, i18n: "lab.train.lr" }),
        h("div", { class: "lab-slider-row" }, [lr, lrBox.input])]),
      h("div", { class: "lab-buttons" }, [stepButton, trainButton, resetButton]),
    ]),
    status,
    h("p", { class: "lab-chart-title", i18n: "lab.train.chartTitle" }),
    loss.root,
  );

  const trainer = createTrainer({
    store, getBody, animate: () => !reducedMotion(),
    onChange({ failed = false, cleared = false } = {}) {
      if (cleared) status.textContent = "";
      show({ failed });
      sync();
    },
    onStatus(text) {
      status.textContent = text;
    },
  });

  lr.addEventListener("input", () => store.set({ lr: Number(lr.value) }));
  stepButton.addEventListener("click", () => trainer.start(1));
  trainButton.addEventListener("click", () => (trainer.running() ? trainer.stop() : trainer.start(TRAIN_STEPS)));
  resetButton.addEventListener("click", () => {
    trainer.clear();
    status.textContent = "";
  });

  function show({ failed = false } = {}) {
    const history = trainer.history();
    loss.draw(history);
    if (history.length > 1 && !failed) {
      status.textContent = t("lab.train.status", { steps: history.length - 1, from: num(history[0], 3), to: num(history[history.length - 1], 3) });
    }
  }

  function sync() {
    const running = trainer.running();
    say(trainButton, running ? "lab.train.stop" : "lab.train.train");
    trainButton.setAttribute("aria-pressed", running ? "true" : "false");
    stepButton.disabled = running || !getBody();
    trainButton.disabled = !running && !getBody();
  }

  show();
  sync();

  return {
    update(state) {
      lr.value = String(state.lr);
      lrBox.show(state.lr);
      trainer.stateChanged();
      sync();
    },
    relabel: () => show(),
    /** fn() runs just before each step writes its logits into the page state. */
    onStep: (fn) => trainer.onStep(fn),
    chart: () => loss.chart,
    numbers: () => ({ learning_rate: store.get().lr, losses: trainer.history() }),
  };
}
