// The temperature slider's scale: integer positions whose steps land exactly on the
// temperatures the article uses, log-scaled between them; position -1 is T = 0 (hard max).

export const DETENTS = [0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 3, 5, 10, 20];
export const SUBSTEPS = 4; // slider steps from one detent to the next
export const HARD = -1;
export const MAX = (DETENTS.length - 1) * SUBSTEPS;

/** Slider position -> T: a detent exactly, or a log-scaled value between, 2 significant digits. */
export function positionToT(v) {
  if (v <= HARD) return 0;
  const pos = Math.min(MAX, Math.max(0, Math.round(v)));
  const i = Math.floor(pos / SUBSTEPS);
  const k = pos % SUBSTEPS;
  if (k === 0) return DETENTS[i];
  const lo = DETENTS[i];
  const hi = DETENTS[i + 1];
  return Number((lo * (hi / lo) ** (k / SUBSTEPS)).toPrecision(2));
}

/** T -> the nearest slider position on the log scale (T = 0: the hard max position). */
export function tToPosition(T) {
  if (!(T > 0)) return HARD;
  if (T <= DETENTS[0]) return 0;
  if (T >= DETENTS[DETENTS.length - 1]) return MAX;
  const i = DETENTS.findIndex((d, j) => T >= d && T <= DETENTS[j + 1]);
  const lo = DETENTS[i];
  const hi = DETENTS[i + 1];
  const k = Math.round((SUBSTEPS * Math.log(T / lo)) / Math.log(hi / lo));
  return i * SUBSTEPS + k;
}
