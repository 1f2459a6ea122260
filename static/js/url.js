// The URL contract: parse a query string into a state object and back.
// Links in course notes use these names, so they never change:
//   labels  comma list, each percent-encoded (a comma inside a label is %2C)
//   logits  comma list of numbers          t     temperature, t=0 is the hard max
//   lang    en | ru (else the browser's)   target  true class index, or a comma list of
//                                                  target probabilities, one per class (lab)
//   smoothing 0..1, lr, n, seed, top_k, top_p   (lab)
//   embed   1 = compact view              hide  comma list of panel ids to hide
//   tour    the guided tour's step, from 1 (absent: no tour)

export const MIN_K = 2;
export const MAX_K = 16;
export const MAX_T = 1000;
export const MAX_LABEL = 60;
export const LANGS = ["en", "ru"];

export const FOOD = {
  labels: { en: ["pizza", "burger", "salad"], ru: ["пицца", "бургер", "салат"] },
  logits: [4, 2, -1],
};

/** Values the lab parameters take when the URL does not mention them. */
export const DEFAULTS = Object.freeze({
  t: 1, target: null, smoothing: 0, lr: 0.5, n: 1000, seed: 0,
  top_k: null, top_p: null, embed: false, hide: [], tour: null,
});
export const MAX_TOUR = 99;

/** "A", "B", ... "P": names for classes that have none. */
export function defaultLabel(i) {
  return String.fromCharCode(65 + (i % 26));
}

function decode(part) {
  try {
    return decodeURIComponent(part.replace(/\+/g, " "));
  } catch {
    return part;
  }
}

function rawParams(search) {
  const out = new Map();
  for (const pair of search.replace(/^\?/, "").split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    if (!out.has(key)) out.set(key, eq < 0 ? "" : pair.slice(eq + 1));
  }
  return out;
}

function num(raw, { min = -Infinity, max = Infinity, int = false } = {}) {
  if (raw === undefined || raw.trim() === "") return undefined;
  const x = Number(decode(raw));
  if (!Number.isFinite(x) || x < min || x > max) return undefined;
  if (int && !Number.isInteger(x)) return undefined;
  return x;
}

/** The browser's preferred language among ours. */
export function browserLang() {
  const prefs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || "en"];
  for (const p of prefs) {
    const base = String(p).toLowerCase().split("-")[0];
    if (LANGS.includes(base)) return base;
  }
  return "en";
}

/** Bring any partial state to a valid one (lengths agree, numbers in range). */
export function normalize(s) {
  const lang = LANGS.includes(s.lang) ? s.lang : "en";
  let logits = Array.isArray(s.logits) ? s.logits.filter(Number.isFinite).slice(0, MAX_K) : [];
  let labels = Array.isArray(s.labels) ? s.labels.map((l) => String(l).slice(0, MAX_LABEL)) : [];
  if (logits.length < MIN_K) {
    if (labels.length >= MIN_K) logits = labels.slice(0, MAX_K).map(() => 0);
    else {
      logits = FOOD.logits.slice();
      labels = FOOD.labels[lang].slice();
    }
  }
  const k = logits.length;
  labels = Array.from({ length: k }, (_, i) => (i < labels.length ? labels[i] : defaultLabel(i)));
  const t = Number.isFinite(s.t) && s.t >= 0 ? Math.min(s.t, MAX_T) : DEFAULTS.t;
  const target = Array.isArray(s.target)
    // a distribution: one number >= 0 per class (whether they add up to 1, the lab says)
    ? (s.target.length === k && s.target.every((x) => Number.isFinite(x) && x >= 0) ? s.target.slice() : null)
    : Number.isInteger(s.target) && s.target >= 0 && s.target < k ? s.target : null;
  const inRange = (x, lo, hi, d) => (Number.isFinite(x) && x >= lo && x <= hi ? x : d);
  return {
    labels, logits, t, lang, target,
    smoothing: inRange(s.smoothing, 0, 1, DEFAULTS.smoothing),
    lr: inRange(s.lr, 1e-6, 1000, DEFAULTS.lr),
    n: Number.isInteger(s.n) ? inRange(s.n, 1, 10000, DEFAULTS.n) : DEFAULTS.n,
    seed: Number.isInteger(s.seed) ? inRange(s.seed, 0, Number.MAX_SAFE_INTEGER, DEFAULTS.seed) : DEFAULTS.seed,
    top_k: Number.isInteger(s.top_k) && s.top_k >= 1 ? Math.min(s.top_k, k) : null,
    top_p: Number.isFinite(s.top_p) && s.top_p > 0 && s.top_p <= 1 ? s.top_p : null,
    embed: s.embed === true,
    hide: Array.isArray(s.hide) ? s.hide.filter((h) => /^[a-z0-9-]{1,40}$/.test(h)) : [],
    tour: Number.isInteger(s.tour) && s.tour >= 1 && s.tour <= MAX_TOUR ? s.tour : null,
  };
}

/** Query string (with or without "?") to a full, valid state. */
export function parse(search, fallbackLang = "en") {
  const p = rawParams(search);
  const s = {};
  if (p.has("labels") && p.get("labels") !== "") s.labels = p.get("labels").split(",").map(decode);
  if (p.has("logits")) {
    // A logit that is not a number becomes 0; the others are kept.
    s.logits = p.get("logits").split(",").map((x) => num(x) ?? 0);
  }
  s.t = num(p.get("t"), { min: 0 });
  const lang = decode(p.get("lang") || "").toLowerCase();
  s.lang = LANGS.includes(lang) ? lang : fallbackLang;
  const target = p.get("target");
  s.target = target && target.includes(",")
    ? target.split(",").map((x) => num(x, { min: 0 }) ?? NaN) // a bad share drops the target
    : num(target, { min: 0, int: true });
  s.smoothing = num(p.get("smoothing"), { min: 0, max: 1 });
  s.lr = num(p.get("lr"), { min: 0 });
  s.n = num(p.get("n"), { min: 1, int: true });
  s.seed = num(p.get("seed"), { min: 0, int: true });
  s.top_k = num(p.get("top_k"), { min: 1, int: true });
  s.top_p = num(p.get("top_p"), { min: 0, max: 1 });
  s.embed = p.get("embed") === "1" || p.get("embed") === "true";
  if (p.get("hide")) s.hide = p.get("hide").split(",").map(decode);
  s.tour = num(p.get("tour"), { min: 1, max: MAX_TOUR, int: true });
  return normalize(s);
}

/** A full state to a query string (starting with "?"); lab values only when not default. */
export function serialize(s) {
  const parts = [
    "labels=" + s.labels.map(encodeURIComponent).join(","),
    "logits=" + s.logits.map(String).join(","),
    "t=" + String(s.t),
    "lang=" + s.lang,
  ];
  if (s.target !== null) parts.push("target=" + (Array.isArray(s.target) ? s.target.map(String).join(",") : s.target));
  for (const key of ["smoothing", "lr", "n", "seed", "top_k", "top_p"]) {
    if (s[key] !== DEFAULTS[key] && s[key] !== null) parts.push(`${key}=${s[key]}`);
  }
  if (s.embed) parts.push("embed=1");
  if (s.hide.length) parts.push("hide=" + s.hide.map(encodeURIComponent).join(","));
  if (s.tour) parts.push("tour=" + s.tour);
  return "?" + parts.join("&");
}
