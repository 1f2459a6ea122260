// Points a learner adds by clicking on the map: rounded so that the address stays short, at most
// MAX_POINTS of them, and only those the dataset's view can show. Pure: no DOM.

export const MAX_POINTS = 200; // 200 points are about 3,000 characters of address

/** The map's bounds [x0, x1, y0, y1] around points {x: [x1, x2]}, with a margin of 8 %. */
export function bounds(pts) {
  const xs = pts.map((p) => p.x[0]);
  const ys = pts.map((p) => p.x[1]);
  const pad = (lo, hi) => [lo - 0.08 * (hi - lo || 1), hi + 0.08 * (hi - lo || 1)];
  return [...pad(Math.min(...xs), Math.max(...xs)), ...pad(Math.min(...ys), Math.max(...ys))];
}

/** v rounded to about a thousandth of `span` (3 decimals on a map 1 to 10 wide): a pixel or
 *  less on the map, and a short number in the address. */
export function roundTo(v, span) {
  const digits = Math.min(12, Math.max(0, 3 - Math.floor(Math.log10(span))));
  return Number(v.toFixed(Number.isFinite(digits) ? digits : 12));
}

/** pts with a point of class y added at `at` (rounded to the map in `box`); beyond MAX_POINTS
 *  the oldest point goes, so a click always shows. */
export function addPoint(pts, at, y, box) {
  const x = [roundTo(at[0], box[1] - box[0]), roundTo(at[1], box[3] - box[2])];
  return pts.concat([{ x, y }]).slice(-MAX_POINTS);
}

/** The points (from an address) that fit a dataset of K classes shown in `box`: a class it
 *  has, and a place on the map (a point nobody could have clicked is dropped). */
export function fitPoints(pts, K, box) {
  const [x0, x1, y0, y1] = box;
  return pts.filter((p) => p.y < K && p.x[0] >= x0 && p.x[0] <= x1 && p.x[1] >= y0 && p.x[1] <= y1);
}
