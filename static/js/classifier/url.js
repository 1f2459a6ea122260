// The classifier page's state in the address (?dataset=iris&fx=2&fy=3&t=1&lr=0.1&w=...&b=...
// &pts=...), so that a link shares the model, the view and the points a learner added. Pure: no DOM.
// pts=x1,x2,class;x1,x2,class...: the added points in the axes' units, the class counted from 0;
// a malformed entry is skipped, and only the last MAX_POINTS are kept.
import { MAX_POINTS } from "./points.js";

export const DATASETS = ["iris", "blobs", "moons", "spiral"];
export const T_MIN = 0.01;
export const T_MAX = 100;

const finite = (s) => (s !== null && s.trim() !== "" && Number.isFinite(Number(s)) ? Number(s) : null);

function index(s) {
  const n = finite(s);
  return n !== null && Number.isInteger(n) && n >= 0 && n < 64 ? n : null;
}

function row(s) {
  if (!s) return null;
  const values = s.split(",").map(finite);
  return values.length && values.every((v) => v !== null) ? values : null;
}

function matrix(s) {
  if (!s) return null;
  const rows = s.split(";").map(row);
  return rows.every((r) => r && r.length === rows[0].length) ? rows : null;
}

function points(s) {
  const valid = (v) => v && v.length === 3 && Number.isInteger(v[2]) && v[2] >= 0 && v[2] < 64;
  const pts = (s || "").split(";").map(row).filter(valid);
  return pts.slice(-MAX_POINTS).map((v) => ({ x: [v[0], v[1]], y: v[2] }));
}

/** The state a query string describes; anything missing or invalid is null (the page's default). */
export function readState(search) {
  const q = new URLSearchParams(search);
  const dataset = DATASETS.includes(q.get("dataset")) ? q.get("dataset") : "iris";
  const seed = finite(q.get("seed"));
  const t = finite(q.get("t"));
  const lr = finite(q.get("lr"));
  const lang = ["en", "ru"].includes(q.get("lang")) ? q.get("lang") : null;
  return {
    dataset,
    seed: Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32 ? seed : 0,
    fx: index(q.get("fx")),
    fy: index(q.get("fy")),
    t: t !== null && t >= T_MIN && t <= T_MAX ? t : 1,
    lr: lr !== null && lr > 0 ? lr : null,
    w: matrix(q.get("w")),
    b: row(q.get("b")),
    pts: points(q.get("pts")),
    lang,
  };
}

const short = (x) => String(Number(x.toPrecision(6)));

/** The query string of a state (without "?"); the model's numbers to 6 significant digits.
 *  Commas and semicolons stay as they are, so the address stays readable. */
export function writeQuery(s) {
  const parts = [["dataset", s.dataset]];
  if (s.dataset !== "iris") parts.push(["seed", String(s.seed)]);
  if (s.fx !== null) parts.push(["fx", String(s.fx)]);
  if (s.fy !== null) parts.push(["fy", String(s.fy)]);
  parts.push(["t", short(s.t)]);
  if (s.lr !== null) parts.push(["lr", short(s.lr)]);
  if (s.w) parts.push(["w", s.w.map((r) => r.map(short).join(",")).join(";")]);
  if (s.b) parts.push(["b", s.b.map(short).join(",")]);
  if (s.pts.length) parts.push(["pts", s.pts.map((p) => `${p.x[0]},${p.x[1]},${p.y}`).join(";")]);
  if (s.lang) parts.push(["lang", s.lang]);
  return parts.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ",").replace(/%3B/g, ";")}`).join("&");
}
