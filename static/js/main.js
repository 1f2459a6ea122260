// Wires the page: inputs -> store.set; store -> every widget's update (one render path).
import { createBars } from "./bars.js";
import { createEntropy } from "./entropy.js";
import { createFormula } from "./formula.js";
import { initHardmax } from "./hardmax.js";
import { createHero } from "./hero.js";
import { getLanguage, registerStrings, setLanguage, t } from "./i18n.js";
import { createInvariance, plusOne } from "./invariance.js";
import { createLabLoader } from "./lab-loader.js";
import { createLoadNote } from "./lazy.js";
import { createLogits } from "./logits.js";
import { neighbours } from "./prefetch.js";
import { createPresets } from "./presets.js";
import { softmax } from "./softmax.js";
import { store } from "./state.js";
import { createSteps } from "./steps.js";
import { STRINGS } from "./strings.js";
import { createTemperature } from "./temperature.js";
import { initTour } from "./tour-start.js";
import { createTwoClass } from "./twoclass.js";
import { defaultLabel, MIN_K } from "./url.js";

const $ = (id) => document.getElementById(id);

registerStrings(STRINGS);
setLanguage(store.get().lang);
document.title = t("page.title");

function withLogit(i, x) {
  const logits = store.get().logits.slice();
  logits[i] = x;
  return logits;
}

function freshLabel(labels) {
  for (let i = labels.length; ; i++) {
    const name = defaultLabel(i);
    if (!labels.includes(name)) return name;
  }
}

const presets = createPresets($("presets"), $("preset-description"), {
  onPick(preset) {
    const lang = store.get().lang;
    store.set(
      { labels: (preset.labels[lang] || preset.labels.en).slice(), logits: preset.logits.slice(), t: preset.temperature, target: null, top_k: null },
      { history: "push" },
    );
  },
});

function setLogit(i, x) {
  const next = withLogit(i, x);
  store.set({ logits: next }, { ahead: neighbours(next, i) });
}

const hero = createHero($("figure"), {
  onLogit: setLogit,
  onReach: (i) => store.prefetch(neighbours(store.get().logits, i)),
});

const logits = createLogits($("logits"), {
  onLogit: setLogit,
  onLabel(i, text, done) {
    const labels = store.get().labels.slice();
    labels[i] = done && !text.trim() ? defaultLabel(i) : text;
    store.set({ labels });
  },
  onAdd() {
    const s = store.get();
    const patch = { labels: [...s.labels, freshLabel(s.labels)], logits: [...s.logits, 0] };
    if (Array.isArray(s.target)) patch.target = [...s.target, 0]; // a distribution still adds up to 1
    store.set(patch, { history: "push" });
  },
  onRemove(i) {
    const s = store.get();
    if (s.logits.length <= MIN_K) return;
    // A distribution loses that class's share (the lab then says it no longer adds up to 1).
    const target = Array.isArray(s.target) ? s.target.filter((_, j) => j !== i)
      : s.target === null || s.target === i ? null : s.target > i ? s.target - 1 : s.target;
    store.set(
      { labels: s.labels.filter((_, j) => j !== i), logits: s.logits.filter((_, j) => j !== i), target },
      { history: "push" },
    );
  },
});

const temperature = createTemperature($("temperature"), {
  onT: (T, discrete) => store.set({ t: T }, { history: discrete ? "push" : "replace" }),
});
const invariance = createInvariance($("invariance"), $("invariance-note"), {
  onShift: () => store.set({ logits: store.get().logits.map(plusOne) }, { history: "push" }),
  onDouble() {
    const logits = store.get().logits.map((x) => 2 * x);
    if (!logits.every(Number.isFinite)) return false; // not past float64's 1.8e308
    store.set({ logits }, { history: "push" });
  },
});
const shareButton = $("share-open");
const shareNote = createLoadNote((note) => shareButton.after(note));
function openShare() {
  shareNote(import("./share.js"), openShare).then((m) => m && m.openShare(shareButton, store.get));
}
shareButton.addEventListener("click", openShare);
const bars = createBars($("bars"));
const entropy = createEntropy($("entropy"));
const formula = createFormula($("formula"));
const twoClass = createTwoClass($("two-class"), $("two-class-panel"));
const steps = createSteps($("steps"));

for (const button of document.querySelectorAll(".lang-btn")) {
  button.addEventListener("click", () => {
    const s = store.get();
    const lang = button.dataset.lang;
    if (lang === s.lang) return;
    const labels = presets.translate(s.labels, s.lang, lang) || s.labels;
    store.set({ lang, labels }, { history: "push" });
  });
}

function applyLanguage(lang) {
  setLanguage(lang);
  document.title = t("page.title");
  for (const button of document.querySelectorAll(".lang-btn")) {
    button.setAttribute("aria-pressed", String(button.dataset.lang === lang));
  }
  logits.relabel();
  bars.relabel();
}

function applyPanels(state) {
  document.body.classList.toggle("embed", state.embed);
  for (const panel of document.querySelectorAll("[data-panel]")) {
    if (state.hide.includes(panel.dataset.panel)) {
      panel.hidden = true;
      panel.dataset.hiddenByUrl = "1";
    } else if (panel.dataset.hiddenByUrl) {
      panel.hidden = false;
      delete panel.dataset.hiddenByUrl;
    }
  }
}

const status = $("api-status");
let statusKey = "";

// A notice over the page (fixed, out of the flow: nothing moves under a dragging finger).
// The bars keep moving (local softmax); the rest waits for the server.
function showStatus(info) {
  const key = info.status === "slow" || info.status === "down" || info.status === "invalid" ? info.status : "";
  const text = key ? t("status." + key, { message: info.message }) : "";
  if (key + text === statusKey) return;
  statusKey = key + text;
  status.textContent = text;
  status.classList.toggle("shown", Boolean(key));
  document.body.classList.toggle("api-stale", Boolean(key));
}

const labSoon = createLabLoader($("lab"), () => store.get().embed);

/** The local shares and the API's agree to float64 rounding (else the figure says so). */
const agrees = (p, q) => p.every((x, i) => Math.abs(x - q[i]) <= 1e-12 * Math.max(1, Math.abs(q[i])));

let firstRender = true;
function render(state, result, info) {
  if (state.lang !== getLanguage() || firstRender) applyLanguage(state.lang);
  if (firstRender || info.changed.has("hide") || info.changed.has("embed")) applyPanels(state);
  firstRender = false;
  const local = softmax(state.logits, state.t); // painted now; the API's answer confirms it
  if (result && info.exact) $("figure").dataset.confirmed = String(agrees(local.p, result.probabilities));
  hero.update(state, local);
  temperature.update(state);
  bars.update(state, local);
  invariance.update(state);
  presets.update(state, local);
  logits.update(state);
  entropy.update(state, result);
  formula.update(state, result);
  twoClass.update(state, result);
  steps.update(state, result, info.request);
  showStatus(info);
  if (result) {
    document.body.dataset.ready = "1";
    labSoon();
  }
}

// Build every widget's rows now (numbers follow with the first answer), then follow the store.
render(store.get(), null, { status: "pending", message: "", request: null, changed: new Set() });
store.subscribe(render);
initHardmax(store); // the hard max beside softmax, drawn when its panel comes near
initTour(store); // "Take the tour" and ?tour=N; the tour itself loads on demand
