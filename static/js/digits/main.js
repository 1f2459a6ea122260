// Wires the digits page: the pad (or a held-out sample) -> the 8 x 8 counts -> POST
// api/digits/predict (one request in flight, the latest drawing wins) -> the bars and logits.
import { getJSON, postJSON } from "../api.js";
import { createTemperature, initialLanguage, wireLanguage } from "../classifier/common.js";
import { pct } from "../format.js";
import { getLanguage, registerStrings, setLanguage, t } from "../i18n.js";
import { createPad } from "./pad.js";
import { expand, reduce } from "./reduce.js";
import { STRINGS } from "./strings.js";
import { createBars, createWeights, paintCounts } from "./widgets.js";

const $ = (id) => document.getElementById(id);
registerStrings(STRINGS);
setLanguage(initialLanguage());

const query = new URLSearchParams(location.search);
const asked = Number(query.get("t"));
let T = Number.isFinite(asked) && asked >= 0.01 && asked <= 100 ? asked : 1;
let counts = new Array(64).fill(0);
let model = null;
let answer = null;

const bars = createBars($("digit-bars"));
const weights = createWeights($("digit-weights"));
const temperature = createTemperature($("digit-temperature"), {
  id: "digit-t",
  onT(next) {
    T = next;
    temperature.update(T);
    saveAddress();
    predict();
  },
});
const pad = createPad($("pad"), {
  onChange(bitmap) {
    counts = reduce(bitmap);
    paintCounts($("seen"), counts);
    predict();
  },
});

function saveAddress() {
  const q = new URLSearchParams({ lang: getLanguage() });
  if (T !== 1) q.set("t", String(T));
  history.replaceState(null, "", "?" + q.toString());
}

function showStatus(text) {
  $("digit-status").textContent = text;
  $("digit-status").classList.toggle("shown", Boolean(text));
}

function show() {
  const empty = counts.every((c) => c === 0);
  bars.update(empty ? null : answer);
  $("digit-summary").textContent = empty || !answer ? t("probs.empty")
    : t("probs.top", { d: answer.argmax, p: pct(answer.probabilities[answer.argmax]) });
}

let inFlight = false;
let pending = false;
async function predict() {
  pending = true;
  if (inFlight) return;
  while (pending) {
    pending = false;
    inFlight = true;
    const sent = counts.slice();
    try {
      answer = await postJSON("api/digits/predict", { pixels: sent, temperature: T });
      showStatus("");
    } catch (err) {
      showStatus(err.status ? t("status.error", { message: err.message }) : t("status.down"));
    }
    inFlight = false;
  }
  show();
  document.body.dataset.predicted = String(Number(document.body.dataset.predicted || 0) + 1);
}

function relabel() {
  document.title = t("page.title");
  temperature.relabel();
  bars.relabel();
  weights.update();
  if (model) {
    $("intro-p").textContent = t("intro.p", { n: model.held_out_rows, acc: pct(model.held_out_accuracy) });
    const select = $("digit-sample");
    const keep = select.value;
    select.replaceChildren(new Option(t("pad.sample.none"), ""),
      ...model.samples.map((s, i) => new Option(t("pad.sample.item", { n: i + 1, d: s.label }), String(i))));
    select.value = keep;
  }
  show();
}

$("pad-clear").addEventListener("click", () => {
  $("digit-sample").value = "";
  pad.clear();
});
$("digit-sample").addEventListener("change", (e) => {
  if (e.target.value === "") return;
  pad.set(expand(model.samples[Number(e.target.value)].pixels));
});
wireLanguage(() => {
  relabel();
  saveAddress();
});

temperature.update(T);
paintCounts($("seen"), counts);
relabel();
try {
  model = await getJSON("api/digits");
  weights.update(model.weights);
  relabel();
  document.body.dataset.ready = "1";
} catch {
  showStatus(t("status.down"));
}
