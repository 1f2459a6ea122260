// Training by hand: a gradient step moves the logits by -lr * gradient; "train" repeats it
// and plots the loss falling. Every loss and gradient comes from POST /api/cross-entropy.

import { postJSON } from "../api.js";
import { t } from "../i18n.js";
import { clear, fill, h, nextId, num, reducedMotion, s, tr } from "./dom.js";
import { errorText } from "./net.js";

const W = 400;
const H = 180;
const PAD = { left: 44, right: 12, top: 12, bottom: 30 };
const TRAIN_STEPS = 30;
const DELAY_MS = 120;

const round = (x) => Math.round(x * 1e4) / 1e4;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const keyOf = (body) => JSON.stringify(body);

export function createTraining(root, { store, getBody }) {
  const lrId = nextId("lr");
  const lr = h("input", { id: lrId, type: "range", min: "0.05", max: "5", step: "0.05", value: "1" });
  const lrOut = h("output", { for: lrId, class: "lab-value" });
  const stepButton = tr(h("button", { type: "button", class: "lab-button", "data-testid": "lab-step" }), "lab.train.step");
  const trainButton = h("button", { type: "button", class: "lab-button", "data-testid": "lab-train" });
  const resetButton = tr(h("button", { type: "button", class: "lab-button lab-quiet" }), "lab.train.reset");
  const status = h("p", { class: "lab-status", role: "status", "aria-live": "polite" });
  const chart = s("svg", { class: "lab-chart", role: "img", viewBox: `0 0 ${W} ${H}` });
  const explain = tr(h("p", { class: "lab-note" }), "lab.train.explain");

  root.append(
    explain,
    h("div", { class: "lab-controls" }, [
      h("div", { class: "lab-field" }, [tr(h("label", { for: lrId }), "lab.train.lr"), lr, lrOut]),
      h("div", { class: "lab-buttons" }, [stepButton, trainButton, resetButton]),
    ]),
    status,
    tr(h("p", { class: "lab-chart-title" }), "lab.train.chartTitle"),
    chart,
  );

  let history = []; // losses: before the first step, then after each step
  let expectedKey = null; // the loss problem (state) the history belongs to
  let running = false;
  let stopToken = 0;
  let selfUpdate = false;
  let runningKey = null; // the problem as the running loop last left it
  let beforeStep = () => {}; // tells the lab's scheduler that the next logits are the lab's own

  function problemKey(body) {
    return body && keyOf({ z: body.logits, y: body.target, t: body.temperature, s: body.label_smoothing });
  }

  lr.addEventListener("input", () => store.set({ lr: Number(lr.value) }));
  stepButton.addEventListener("click", () => run(1));
  trainButton.addEventListener("click", () => {
    if (running) stopToken += 1;
    else run(TRAIN_STEPS);
  });
  resetButton.addEventListener("click", () => {
    history = [];
    draw();
    status.textContent = "";
  });

  /** history "push" for a run's first move: Back undoes a step or a whole run, as it undoes a preset. */
  function setLogits(logits, history = "replace") {
    beforeStep();
    selfUpdate = true;
    try {
      store.set({ logits }, { history });
    } finally {
      selfUpdate = false;
    }
  }

  async function run(count) {
    if (running) return;
    let body = getBody();
    if (!body) return;
    running = true;
    const token = stopToken;
    const animate = !reducedMotion();
    const rate = store.get().lr; // the URL may ask for more than the slider shows
    runningKey = problemKey(body);
    // Stopped, or the person changed the logits, the class or T: their input wins at once
    // (update() hears of it only after the lab's scheduler lets it through).
    const interrupted = () => token !== stopToken || problemKey(getBody()) !== runningKey;
    sync();
    try {
      let answer = await postJSON("api/cross-entropy", body);
      if (problemKey(body) !== expectedKey || history.length === 0) history = [answer.loss];
      for (let i = 0; i < count && !interrupted(); i += 1) {
        const logits = body.logits.map((z, j) => round(z - rate * answer.gradient[j]));
        if (animate) {
          setLogits(logits, i === 0 ? "push" : "replace");
          body = { ...body, logits: store.get().logits };
          runningKey = problemKey(body);
        } else {
          body = { ...body, logits };
        }
        answer = await postJSON("api/cross-entropy", body);
        history.push(answer.loss);
        expectedKey = problemKey(body);
        if (animate) {
          draw();
          say();
          if (count > 1) await sleep(DELAY_MS);
        }
      }
      const theirs = problemKey(getBody()) !== runningKey; // the person's new problem: the curve is not for it
      if (!animate && !theirs) setLogits(body.logits, "push");
      expectedKey = theirs ? null : problemKey({ ...body, logits: store.get().logits });
      draw();
      say();
    } catch (err) {
      status.textContent = errorText(err);
    } finally {
      running = false;
      sync();
    }
  }

  function say() {
    if (history.length < 2) return;
    status.textContent = fill("lab.train.status", {
      steps: history.length - 1, from: num(history[0], 3), to: num(history[history.length - 1], 3),
    });
  }

  function sync() {
    tr(trainButton, running ? "lab.train.stop" : "lab.train.train");
    trainButton.setAttribute("aria-pressed", running ? "true" : "false");
    stepButton.disabled = running || !getBody();
    trainButton.disabled = !running && !getBody();
  }

  function draw() {
    clear(chart);
    const iw = W - PAD.left - PAD.right;
    const ih = H - PAD.top - PAD.bottom;
    const steps = Math.max(10, history.length - 1);
    const top = history.length ? Math.max(1e-9, ...history) * 1.05 : 1;
    const x = (i) => PAD.left + (i / steps) * iw;
    const y = (v) => PAD.top + ih - (v / top) * ih;
    s("line", { class: "lab-axis", x1: PAD.left, x2: PAD.left + iw, y1: PAD.top + ih, y2: PAD.top + ih }, chart);
    s("line", { class: "lab-axis", x1: PAD.left, x2: PAD.left, y1: PAD.top, y2: PAD.top + ih }, chart);
    if (history.length) {
      s("text", { class: "lab-tick", x: PAD.left - 4, y: PAD.top + 4, "text-anchor": "end", text: num(top, 2) }, chart);
    }
    s("text", { class: "lab-tick", x: PAD.left - 4, y: PAD.top + ih, "text-anchor": "end", text: "0" }, chart);
    s("text", { class: "lab-tick", x: PAD.left, y: H - 8, text: "0" }, chart);
    s("text", { class: "lab-tick", x: PAD.left + iw, y: H - 8, "text-anchor": "end", text: String(steps) }, chart);
    s("text", { class: "lab-tick", x: PAD.left + iw / 2, y: H - 8, "text-anchor": "middle", text: t("lab.train.axisStep") }, chart);
    if (history.length) {
      const points = history.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
      s("polyline", { class: "lab-line lab-line-loss", points }, chart);
      history.forEach((v, i) => s("circle", { class: "lab-dot", cx: x(i), cy: y(v), r: 2.5 }, chart));
    }
    chart.setAttribute("aria-label", history.length < 2 ? t("lab.train.empty")
      : fill("lab.train.status", { steps: history.length - 1, from: num(history[0], 3), to: num(history[history.length - 1], 3) }));
  }

  draw();
  sync();

  return {
    update(state) {
      lr.value = String(state.lr);
      lrOut.textContent = num(state.lr, 2);
      const body = getBody();
      const key = problemKey(body);
      if (running && !selfUpdate && key !== runningKey) {
        stopToken += 1; // the person changed the logits, the class or T: their input wins
        expectedKey = null;
      }
      if (!selfUpdate && !running && key !== expectedKey && history.length) {
        history = []; // the person changed the problem: the old curve no longer applies
        status.textContent = "";
        draw();
      }
      sync();
    },
    relabel() {
      sync();
      draw();
      say();
    },
    /** fn() runs just before each step writes its logits into the page state. */
    onStep(fn) {
      beforeStep = fn;
    },
    chart: () => chart,
    title: () => t("lab.train.chartTitle"),
    numbers: () => ({ learning_rate: store.get().lr, losses: history.slice() }),
  };
}
