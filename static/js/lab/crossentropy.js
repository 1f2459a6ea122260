// Cross-entropy and its gradient: the target (./targetpicker.js) and label smoothing; the
// loss and the gradient (./gradient.js) come from POST /api/cross-entropy.

import { t } from "../i18n.js";
import { h, nextId, sayAttr } from "./dom.js";
import { createGradientView } from "./gradient.js";
import { makeRunner, errorText } from "./net.js";
import { createNumberBox } from "./numberbox.js";
import { crossEntropyBody, validDistribution } from "./target.js";
import { createTargetPicker } from "./targetpicker.js";

export function createCrossEntropy(root, { store }) {
  const smoothId = nextId("smooth");
  const smooth = h("input", { id: smoothId, type: "range", min: "0", max: "1", step: "0.01", value: "0" });
  const message = h("p", { class: "lab-message", role: "status" });
  const smoothBox = createNumberBox({ id: nextId("smooth-box"), rules: { min: 0, max: 1 },
    onValue(v) {
      if (message.textContent === t("lab.xent.badSmoothing")) message.textContent = "";
      store.set({ smoothing: v });
    },
    onRefuse: () => { message.textContent = t("lab.xent.badSmoothing"); } });
  sayAttr(smoothBox.input, "aria-label", "lab.xent.smoothingBox");
  const picker = createTargetPicker({ store, onInvalid: () => request() });
  const hardZero = h("p", { class: "lab-note", hidden: true, "data-testid": "lab-t0", i18n: "lab.xent.atZero" });
  const hardGrad = h("span", { "data-testid": "lab-hard-grad" });
  const view = createGradientView();
  root.append(
    h("div", { class: "lab-controls" }, [
      picker.field,
      h("div", { class: "lab-field" }, [h("label", { for: smoothId, i18n: "lab.xent.smoothing" }),
        h("div", { class: "lab-slider-row" }, [smooth, smoothBox.input])]),
      picker.customRow,
    ]),
    message, hardZero, view.root,
    h("div", { class: "lab-aside" }, [h("h4", { i18n: "lab.hard.title" }), h("p", { i18n: "lab.hard.text" }),
      h("p", { class: "lab-formula" }, [hardGrad])]),
  );
  smooth.addEventListener("input", () => store.set({ smoothing: Number(smooth.value) }));

  let state = null;
  let last = null; // { data, body }

  const runner = makeRunner("api/cross-entropy", {
    onData(data, body) {
      message.textContent = "";
      last = { data, body };
      draw();
    },
    onError(err) {
      message.textContent = errorText(err);
      last = null;
      view.root.hidden = true; // no number is better than a stale one
    },
    onWait: (err) => { message.textContent = errorText(err); },
  });

  function request() {
    if (!state) return; // the first update() asks
    const body = crossEntropyBody(state, picker.custom());
    hardZero.hidden = body !== null;
    view.root.hidden = body === null;
    hardGrad.textContent = `\u2202 hardmax / \u2202z = [${state.logits.map(() => "0").join(", ")}]`;
    if (body === null || (Array.isArray(body.target) && !validDistribution(body.target, body.logits.length))) {
      // T = 0: nothing to ask. A distribution that does not fit: the API would only refuse
      // it (with the same rule), so it is said here, without a request.
      runner.cancel();
      last = null;
      view.root.hidden = true;
      message.textContent = body === null ? "" : t("lab.xent.badCustom");
      return;
    }
    if (runner.run(body)) view.root.classList.add("lab-stale");
  }

  function draw() {
    view.root.hidden = false;
    view.root.classList.remove("lab-stale");
    view.draw(last.data, last.body, state.labels);
  }

  return {
    /** New page state: rebuild the class list if needed and ask for the loss. */
    update(next) {
      state = next;
      const renamed = picker.update(state);
      // New names (a rename, another language) change no number: redraw what is shown.
      if (renamed && last && last.body.logits.length === state.labels.length) draw();
      smooth.value = String(state.smoothing || 0);
      smoothBox.show(state.smoothing || 0);
      request();
    },
    /** Redraw texts after a language change. */
    relabel() {
      if (last) draw();
    },
    /** The request body for the page's state now (null at T = 0), even before update() has seen it. */
    body: () => crossEntropyBody(store.get(), picker.custom()),
    chart: () => view.chart,
    numbers: () => last && { request: last.body, response: last.data },
  };
}
