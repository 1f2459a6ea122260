// Wires the classifier page: the address <-> state; the dataset from GET api/datasets/{name};
// sliders -> the map (painted here, in the same frame); Step / Train -> POST api/classifier/step.
import { getJSON, postJSON } from "../api.js";
import { getLanguage, registerStrings, setLanguage, t } from "../i18n.js";
import { parseNumber } from "../parse.js";
import { createTemperature, fillSelect, initialLanguage, wireLanguage } from "./common.js";
import { createSliders } from "./controls.js";
import { createLoss } from "./loss.js";
import { createMap } from "./map.js";
import { zeros } from "./model.js";
import { addPoint, bounds, fitPoints } from "./points.js";
import { createReadout, fillClassPicker } from "./readout.js";
import { STRINGS } from "./strings.js";
import { readState, writeQuery } from "./url.js";

const $ = (id) => document.getElementById(id);
const TRAIN_CALLS = 20; // Train: 20 requests of 25 steps, the curve drawn after each
const TRAIN_STEPS = 25;

registerStrings(STRINGS);
const state = readState(location.search);
setLanguage(state.lang || initialLanguage());
let data = null; // the dataset as the API sent it
let losses = [];
let accuracy = null;
let run = 0; // a Reset or a new dataset ends a training run in progress
let chosen = 0; // class of a new point

const map = createMap($("clf-map"), { onHover: showReadout, onAdd: clickPoint });
const sliders = createSliders($("clf-sliders"), {
  onChange(kind, k, j, value) {
    if (kind === "w") state.w[k][j] = value;
    else state.b[k] = value;
    modelChanged();
  },
});
const temperature = createTemperature($("clf-temperature"), {
  id: "clf-t",
  onT(T) {
    state.t = T;
    modelChanged();
  },
});
const loss = createLoss($("clf-loss"));

const names = (list) => list.map((n) => n[getLanguage()] || n.en);
const K = () => data.classes.length;

/** The dataset's points on the two chosen axes, then the added ones (state.pts). */
function points() {
  const base = data.x.map((row, i) => ({ x: [row[state.fx], row[state.fy]], y: data.y[i], added: false }));
  return base.concat(state.pts.map((p) => ({ ...p, added: true })));
}

let frozenBounds = null; // the map's bounds, kept while points are added
const refreshView = () => map.setView({ points: points(), bounds: frozenBounds, K: K() });

/** The map's view of new data or axes: bounds from the data's points (not the added ones, so that
 *  a reload shows the same view), and the added points that fit it. */
function newView() {
  frozenBounds = bounds(points().filter((p) => !p.added));
  state.pts = fitPoints(state.pts, K(), frozenBounds);
  relabel();
  refreshView();
}

/** The state into the address; push: a new history entry for a new view (dataset, seed, axes),
 *  so that Back returns to the last. */
function saveAddress(push = false) {
  clearTimeout(saveTimer);
  state.lang = getLanguage();
  history[push ? "pushState" : "replaceState"](null, "", "?" + writeQuery(state));
}

let saveTimer = 0;
function saveSoon() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => saveAddress(), 150); // not on every frame of a drag
}

function modelChanged() {
  sliders.update(state.w, state.b);
  temperature.update(state.t);
  map.setModel({ w: state.w, b: state.b, T: state.t });
  saveSoon();
}

function showStatus(text) {
  const status = $("clf-status");
  status.textContent = text;
  status.classList.toggle("shown", Boolean(text));
}

const readout = createReadout($("clf-readout"));
function showReadout(cross) {
  const info = data && {
    points: points(), dataRows: data.x.length, classNames: names(data.classes), w: state.w, b: state.b, T: state.t,
  };
  readout.show(cross, info);
}

function clickPoint(at) {
  state.pts = addPoint(state.pts, at, chosen, frozenBounds);
  refreshView();
  saveSoon();
}

function relabel() {
  document.title = t("page.title");
  temperature.relabel();
  loss.relabel();
  if (!data) return;
  const features = names(data.features);
  fillSelect($("clf-fx"), features.map((f, i) => [String(i), f]), String(state.fx));
  fillSelect($("clf-fy"), features.map((f, i) => [String(i), f]), String(state.fy));
  sliders.relabel(names(data.classes), [features[state.fx], features[state.fy]]);
  fillClassPicker($("clf-class-pick"), names(data.classes), chosen, (k) => (chosen = k));
  $("clf-source").textContent = data.source;
  showReadout(null);
  map.redraw();
}

function resetModel(keepFromAddress = false) {
  run += 1;
  const fits = keepFromAddress && state.w && state.b && state.w.length === K() && state.b.length === K()
    && state.w.every((r) => r.length === 2);
  if (!fits) Object.assign(state, zeros(K(), 2));
  losses = [];
  accuracy = null;
  loss.update(losses, accuracy);
  $("clf-train").disabled = false;
  $("clf-step").disabled = false;
  modelChanged();
}

async function loadDataset(keepModel = false) {
  run += 1;
  const name = state.dataset;
  data = await getJSON(`api/datasets/${name}?seed=${state.seed}`);
  chosen = 0;
  const D = data.features.length;
  if (state.fx === null || state.fx >= D) state.fx = D > 2 ? 2 : 0;
  if (state.fy === null || state.fy >= D || state.fy === state.fx) state.fy = D > 2 ? 3 : 1;
  if (state.lr === null) state.lr = name === "iris" ? 0.1 : 0.5;
  $("clf-lr").value = String(state.lr).replace(".", getLanguage() === "ru" ? "," : ".");
  $("clf-reseed").hidden = name === "iris";
  sliders.build(K(), 2);
  newView();
  resetModel(keepModel);
  document.body.dataset.ready = "1";
}

async function train(calls, steps) {
  const lr = parseNumber($("clf-lr").value);
  if (!(lr > 0) || !Number.isFinite(lr)) {
    showStatus(t("status.lr"));
    return;
  }
  state.lr = lr;
  showStatus("");
  const mine = ++run;
  const pts = points();
  const x = pts.map((p) => p.x);
  const y = pts.map((p) => p.y);
  $("clf-train").disabled = $("clf-step").disabled = true;
  document.body.dataset.training = "1";
  try {
    for (let i = 0; i < calls && mine === run; i++) {
      const r = await postJSON("api/classifier/step", {
        x, y, weights: state.w, bias: state.b, learning_rate: lr, steps, temperature: state.t,
      });
      if (mine !== run) return;
      losses = losses.length ? losses.concat(r.losses.slice(1)) : r.losses;
      accuracy = r.accuracy;
      state.w = r.weights;
      state.b = r.bias;
      loss.update(losses, accuracy);
      modelChanged();
    }
  } catch (err) {
    if (mine === run) showStatus(err.status ? t("status.error", { message: err.message }) : t("status.down"));
  } finally {
    if (mine === run) $("clf-train").disabled = $("clf-step").disabled = false;
    delete document.body.dataset.training;
  }
}

$("clf-step").addEventListener("click", () => train(1, 1));
$("clf-train").addEventListener("click", () => train(TRAIN_CALLS, TRAIN_STEPS));
$("clf-reset").addEventListener("click", () => {
  showStatus("");
  state.pts = [];
  refreshView();
  resetModel(false);
});
$("clf-lr").addEventListener("change", () => {
  const lr = parseNumber($("clf-lr").value);
  if (lr > 0 && Number.isFinite(lr)) {
    state.lr = lr;
    saveAddress();
  }
});
$("clf-dataset").addEventListener("change", (e) => {
  Object.assign(state, { dataset: e.target.value, seed: 0, fx: null, fy: null, lr: null, w: null, b: null, pts: [] });
  saveAddress(true);
  loadDataset();
});
$("clf-reseed").addEventListener("click", () => {
  state.seed = (state.seed + 1) % 2 ** 32;
  state.pts = []; // new points of the data: the added ones were placed among the old
  saveAddress(true);
  loadDataset(true);
});
for (const [id, key] of [["clf-fx", "fx"], ["clf-fy", "fy"]]) {
  $(id).addEventListener("change", (e) => {
    state[key] = Number(e.target.value);
    state.pts = []; // they were placed on the other axes
    saveAddress(true);
    newView();
    resetModel(false);
  });
}

const markLanguage = wireLanguage(() => {
  relabel();
  fillDatasets();
  saveAddress();
});

// Back and Forward: the view and the model that address describes.
addEventListener("popstate", () => {
  Object.assign(state, readState(location.search));
  if (state.lang && state.lang !== getLanguage()) {
    setLanguage(state.lang);
    markLanguage();
  }
  fillDatasets();
  loadDataset(true).catch(() => showStatus(t("status.down")));
});

let catalogue = [];
function fillDatasets() {
  fillSelect($("clf-dataset"), catalogue.map((d) => [d.name, d.title[getLanguage()] || d.title.en]), state.dataset);
}

try {
  catalogue = (await getJSON("api/datasets")).datasets;
  fillDatasets();
  relabel();
  await loadDataset(true);
} catch {
  showStatus(t("status.down"));
}
