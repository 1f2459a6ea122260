// Cross-entropy and its gradient: the true class (or a target distribution), label
// smoothing, the loss with its numbers, and the gradient as signed bars.

import { t } from "../i18n.js";
import { clear, fill, h, nextId, num, s, short, tr } from "./dom.js";
import { makeRunner, errorText } from "./net.js";

const W = 400;
const ROW = 26;
const LEFT = 110;
const RIGHT = 72;

/** The true class of the state: its `target` when that is a class, else the first. */
function targetIndex(state) {
  if (Array.isArray(state.target)) return state.target.indexOf(Math.max(...state.target));
  const k = state.logits.length;
  return Number.isInteger(state.target) && state.target >= 0 && state.target < k ? state.target : 0;
}

/** The request body for the current state, or null at T = 0 (no gradient to show). */
export function crossEntropyBody(state, custom) {
  if (!(state.t > 0)) return null;
  return {
    logits: state.logits,
    target: custom !== null ? custom : targetIndex(state),
    temperature: state.t,
    label_smoothing: state.smoothing || 0,
  };
}

function sameNumbers(a, b) {
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);
}

/** One finite, non-negative number per class, adding up to 1 (within the API's 1e-6). */
function validDistribution(target, k) {
  if (target.length !== k || target.some((x) => !Number.isFinite(x) || x < 0)) return false;
  return Math.abs(target.reduce((a, b) => a + b, 0) - 1) <= 1e-6;
}

export function createCrossEntropy(root, { store, onResult }) {
  const selectId = nextId("target");
  const customId = nextId("custom");
  const smoothId = nextId("smooth");

  const select = h("select", { id: selectId, class: "lab-input" });
  const customOption = h("option", { value: "custom" });
  tr(customOption, "lab.xent.custom");
  const customInput = h("input", { id: customId, class: "lab-input", type: "text", inputmode: "decimal",
    autocomplete: "off", spellcheck: "false" });
  const customRow = h("div", { class: "lab-field", hidden: true }, [
    tr(h("label", { for: customId }), "lab.xent.customLabel"), customInput,
  ]);
  const smooth = h("input", { id: smoothId, type: "range", min: "0", max: "1", step: "0.01", value: "0" });
  const smoothOut = h("output", { for: smoothId, class: "lab-value" });

  const controls = h("div", { class: "lab-controls" }, [
    h("div", { class: "lab-field" }, [tr(h("label", { for: selectId }), "lab.xent.target"), select]),
    customRow,
    h("div", { class: "lab-field" }, [tr(h("label", { for: smoothId }), "lab.xent.smoothing"), smooth, smoothOut]),
  ]);

  const formula = h("p", { class: "lab-formula", "data-testid": "lab-loss-formula" });
  const lossValue = h("span", { class: "lab-big", "data-testid": "lab-loss" });
  const lossLine = h("p", { class: "lab-loss" }, [tr(h("span"), "lab.xent.loss"), " ", lossValue]);
  const gradNote = h("p", { class: "lab-note", "data-testid": "lab-grad-note" });
  const message = h("p", { class: "lab-message", role: "status" });
  const hardZero = h("p", { class: "lab-note", hidden: true, "data-testid": "lab-t0" });
  tr(hardZero, "lab.xent.atZero");

  const chart = s("svg", { class: "lab-chart", role: "img", viewBox: `0 0 ${W} 100` });
  const chartTitle = h("p", { class: "lab-chart-title" });
  const table = h("table", { class: "lab-table" });
  const caption = tr(h("caption"), "lab.xent.tableCaption");
  const headRow = h("tr");
  for (const key of ["lab.col.class", "lab.col.p", "lab.col.y", "lab.col.grad"]) {
    headRow.append(tr(h("th", { scope: "col" }), key));
  }
  const tbody = h("tbody");
  table.append(caption, h("thead", {}, [headRow]), tbody);

  const hardBox = h("div", { class: "lab-aside" }, [
    tr(h("h4"), "lab.hard.title"),
    tr(h("p"), "lab.hard.text"),
    h("p", { class: "lab-formula" }, [h("span", { "data-testid": "lab-hard-grad" })]),
  ]);
  const hardGrad = hardBox.querySelector("[data-testid=lab-hard-grad]");

  const results = h("div", { class: "lab-results" }, [
    lossLine, formula, chartTitle, chart, gradNote, h("div", { class: "lab-table-wrap" }, [table]),
  ]);
  root.append(controls, message, hardZero, results, hardBox);

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
      onResult(last);
    },
    onError(err) {
      message.textContent = errorText(err);
      last = null;
      results.hidden = true; // no number is better than a stale one
      onResult(null);
    },
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

  /** Numbers into the box, separated as readCustom reads them in the page's language. */
  function writeBox(values) {
    customInput.value = values.map(String).join(state.lang === "ru" ? "; " : ", ");
  }
  smooth.addEventListener("input", () => store.set({ smoothing: Number(smooth.value) }));

  function readCustom() {
    // "0.7, 0.2, 0.1" or, with decimal commas, "0,7; 0,2; 0,1".
    const text = customInput.value;
    const pieces = text.includes(";") ? text.split(";") : text.split(/[,\s]+/);
    const parts = pieces.map((x) => x.trim()).filter(Boolean).map((x) => Number(x.replace(",", ".")));
    custom = parts.length ? parts : [];
  }

  function request() {
    const body = state && crossEntropyBody(state, select.value === "custom" ? custom : null);
    hardZero.hidden = body !== null;
    results.hidden = body === null;
    hardGrad.textContent = `\u2202 hardmax / \u2202z = [${state.logits.map(() => "0").join(", ")}]`;
    if (body === null) {
      last = null;
      message.textContent = "";
      onResult(null);
      runner.reset();
      return;
    }
    const target = body.target;
    if (Array.isArray(target) && !validDistribution(target, body.logits.length)) {
      // the API would only refuse it (with the same rule): say so here, without a request
      runner.reset();
      last = null;
      results.hidden = true;
      message.textContent = t("lab.xent.badCustom");
      onResult(null);
      return;
    }
    if (runner.run(body)) results.classList.add("lab-stale");
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
    results.hidden = false;
    results.classList.remove("lab-stale");
    const { data, body } = last;
    const labels = state.labels;
    const p = data.probabilities;
    const g = data.gradient;
    const index = Number.isInteger(body.target) ? body.target : null;
    const plain = index !== null && !body.label_smoothing;
    lossValue.textContent = num(data.loss, 3);
    if (plain) {
      formula.textContent = fill("lab.xent.formulaIndex", {
        label: labels[index], p: num(p[index], 3), loss: num(data.loss, 3),
      });
    } else {
      formula.textContent = fill("lab.xent.formulaSoft", { loss: num(data.loss, 3) });
    }
    // "The true class is pulled up" holds for a one-hot target only: with smoothing or a
    // target distribution, every class with p below its target is. T then scales it.
    const direction = t(plain ? "lab.xent.gradPlain" : "lab.xent.gradSoft");
    gradNote.textContent = body.temperature === 1 ? direction
      : `${direction} ${fill("lab.xent.gradT", { t: num(body.temperature, 2) })}`;
    chartTitle.textContent = t("lab.xent.chartTitle");
    clear(tbody);
    const eps = body.label_smoothing || 0;
    labels.forEach((label, i) => {
      // the target as the loss sees it: (1 - eps) y + eps / K
      const raw = index !== null ? Number(i === index) : body.target[i];
      const y = plain ? String(raw) : num((1 - eps) * raw + eps / labels.length, 3);
      tbody.append(h("tr", {}, [
        h("th", { scope: "row", text: label }),
        h("td", { text: num(p[i], 3) }),
        h("td", { text: y }),
        h("td", { text: num(g[i], 3, { sign: true }), "data-testid": "lab-grad" }),
      ]));
    });
    drawBars(labels, g);
  }

  function drawBars(labels, g) {
    clear(chart);
    const height = labels.length * ROW + 8;
    chart.setAttribute("viewBox", `0 0 ${W} ${height}`);
    const extent = Math.max(1e-12, ...g.map(Math.abs));
    const mid = LEFT + (W - LEFT - RIGHT) / 2;
    const half = (W - LEFT - RIGHT) / 2;
    s("line", { class: "lab-axis", x1: mid, x2: mid, y1: 0, y2: height }, chart);
    labels.forEach((label, i) => {
      const y = 4 + i * ROW;
      const w = (Math.abs(g[i]) / extent) * half;
      const x = g[i] < 0 ? mid - w : mid;
      s("text", { class: "lab-tick", x: LEFT - 6, y: y + ROW / 2 + 4, "text-anchor": "end", text: short(label) }, chart);
      s("rect", { class: g[i] < 0 ? "lab-bar-neg" : "lab-bar-pos", x, y: y + 4, width: Math.max(w, 0.5), height: ROW - 8 }, chart);
      s("text", { class: "lab-tick", x: W - RIGHT + 6, y: y + ROW / 2 + 4, text: num(g[i], 3, { sign: true }) }, chart);
    });
    chart.setAttribute("aria-label", `${t("lab.xent.chartTitle")}: ${labels.map((l, i) => `${l} ${num(g[i], 3, { sign: true })}`).join("; ")}`);
  }

  return {
    /** New page state: rebuild the class list if needed and ask for the loss. */
    update(next) {
      state = next;
      const renamed = syncLabels();
      if (Array.isArray(state.target)) {
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
      smoothOut.textContent = num(state.smoothing || 0, 2);
      request();
    },
    /** Redraw texts after a language change. */
    relabel() {
      if (last) draw();
      else if (state) request();
    },
    /** The request body for the page's state now (null at T = 0), even before update() has seen it. */
    body: () => crossEntropyBody(store.get(), select.value === "custom" ? custom : null),
    chart: () => chart,
    title: () => t("lab.xent.chartTitle"),
    numbers: () => last && { request: last.body, response: last.data },
  };
}
