// Cross-entropy and its gradient: the true class (or a target distribution) and label
// smoothing; the loss and the gradient (./gradient.js) come from POST /api/cross-entropy.

import { t } from "../i18n.js";
import { clear, h, nextId, sayAttr } from "./dom.js";
import { createGradientView } from "./gradient.js";
import { makeRunner, errorText } from "./net.js";
import { boxText } from "./num.js";
import { createNumberBox } from "./numberbox.js";
import { crossEntropyBody, distributionText, parseDistribution, sameNumbers, targetIndex, validDistribution } from "./target.js";

export function createCrossEntropy(root, { store }) {
  const ids = { select: nextId("target"), custom: nextId("custom"), smooth: nextId("smooth") };
  const select = h("select", { id: ids.select, class: "lab-input" });
  const customOption = h("option", { value: "custom", i18n: "lab.xent.custom" });
  const customInput = h("input", { id: ids.custom, class: "lab-input", type: "text", inputmode: "decimal",
    autocomplete: "off", spellcheck: "false" });
  const customRow = h("div", { class: "lab-field lab-span", hidden: true }, [
    h("label", { for: ids.custom, i18n: "lab.xent.customLabel" }), customInput]);
  const smooth = h("input", { id: ids.smooth, type: "range", min: "0", max: "1", step: "0.01", value: "0" });
  const smoothBox = createNumberBox({ id: nextId("smooth-box"), rules: { min: 0, max: 1 },
    onValue: (v) => store.set({ smoothing: v }), onRefuse: () => { message.textContent = t("lab.xent.badSmoothing"); } });
  sayAttr(smoothBox.input, "aria-label", "lab.xent.smoothingBox");
  const message = h("p", { class: "lab-message", role: "status" });
  const hardZero = h("p", { class: "lab-note", hidden: true, "data-testid": "lab-t0", i18n: "lab.xent.atZero" });
  const hardGrad = h("span", { "data-testid": "lab-hard-grad" });
  const view = createGradientView();
  root.append(
    h("div", { class: "lab-controls" }, [
      h("div", { class: "lab-field" }, [h("label", { for: ids.select, i18n: "lab.xent.target" }), select]),
      h("div", { class: "lab-field" }, [h("label", { for: ids.smooth, i18n: "lab.xent.smoothing" }),
        h("div", { class: "lab-slider-row" }, [smooth, smoothBox.input])]),
      customRow,
    ]),
    message, hardZero, view.root,
    h("div", { class: "lab-aside" }, [h("h4", { i18n: "lab.hard.title" }), h("p", { i18n: "lab.hard.text" }),
      h("p", { class: "lab-formula" }, [hardGrad])]),
  );

  let state = null;
  let last = null; // { data, body }
  let labelsKey = "";
  let custom = null; // a parsed target distribution, or null for a class index
  let stored = null; // the last distribution this panel put into the state

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

  select.addEventListener("change", () => {
    if (select.value === "custom") {
      customRow.hidden = false;
      // Start from the one-hot target of the class chosen so far, unless the box still
      // holds a distribution that fits: the state then holds one from the start.
      readCustom();
      if (state && !validDistribution(custom, state.logits.length)) {
        const index = targetIndex(state);
        writeBox(state.logits.map((_, i) => (i === index ? 1 : 0)));
        readCustom();
      }
      keepCustom();
    } else {
      customRow.hidden = true;
      custom = null;
      store.set({ target: Number(select.value) });
    }
  });
  customInput.addEventListener("input", () => {
    readCustom();
    keepCustom();
  });
  smooth.addEventListener("input", () => store.set({ smoothing: Number(smooth.value) }));

  /** A valid distribution goes into the state (and the address); anything else is only said. */
  function keepCustom() {
    if (state && validDistribution(custom, state.logits.length)) {
      stored = custom.slice();
      store.set({ target: stored });
    } else {
      request();
    }
  }

  /** Show the state's distribution in the box when it came from elsewhere (the address, Back,
   *  a new class); the echo of what was typed leaves the box alone, the person may type on. */
  function showCustom(target) {
    select.value = "custom";
    customRow.hidden = false;
    if (sameNumbers(target, stored)) return;
    writeBox(target);
    custom = target.slice();
    stored = target.slice();
  }

  /** Numbers into the box, separated as parseDistribution reads them in the page's language. */
  function writeBox(values) {
    customInput.value = distributionText(values, state.lang, boxText);
  }

  function readCustom() {
    custom = parseDistribution(customInput.value);
  }

  function request() {
    const body = state && crossEntropyBody(state, select.value === "custom" ? custom : null);
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

  /** Rebuild the class list when the names change; true if they did. */
  function syncLabels() {
    const key = JSON.stringify(state.labels);
    if (key === labelsKey) return false;
    labelsKey = key;
    const keep = select.value;
    clear(select);
    state.labels.forEach((label, i) => select.append(h("option", { value: String(i), text: label })));
    select.append(customOption);
    // Say which option is chosen: a rebuilt list may otherwise show any of them.
    select.value = keep === "custom" ? "custom" : String(targetIndex(state));
    return true;
  }

  function draw() {
    view.root.hidden = false;
    view.root.classList.remove("lab-stale");
    view.draw(last.data, last.body, state.labels);
  }

  return {
    /** New page state: rebuild the class list if needed and ask for the loss. */
    update(next) {
      const relang = state && state.lang !== next.lang;
      state = next;
      const renamed = syncLabels();
      if (Array.isArray(state.target)) {
        if (relang && sameNumbers(state.target, stored) && document.activeElement !== customInput) writeBox(stored);
        showCustom(state.target);
      } else {
        // A class from elsewhere (a preset, Back, a removed class): the menu follows it.
        customRow.hidden = true;
        custom = stored = null;
        select.value = String(targetIndex(state));
      }
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
    body: () => crossEntropyBody(store.get(), select.value === "custom" ? custom : null),
    chart: () => view.chart,
    numbers: () => last && { request: last.body, response: last.data },
  };
}
