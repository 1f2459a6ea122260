// The linear softmax model on the page, for painting only: the map's shading and the
// probabilities under the pointer are computed here, in the frame a slider moves (as the main
// page's bars are); training, the loss and the accuracy come from the API.

/** Logits z_k = w_k · x + b_k of one point x. */
export function logitsAt(w, b, x) {
  return b.map((bk, k) => w[k].reduce((sum, wkj, j) => sum + wkj * x[j], bk));
}

/** softmax(z / T): shift by the max, exp, normalise. T <= 0 is the hard max (ties shared). */
export function softmaxT(z, T) {
  const m = Math.max(...z);
  if (!(T > 0)) {
    const top = z.map((v) => (v === m ? 1 : 0));
    const n = top.reduce((a, c) => a + c, 0);
    return top.map((v) => v / n);
  }
  const e = z.map((v) => Math.exp((v - m) / T));
  const total = e.reduce((a, c) => a + c, 0);
  return e.map((v) => v / total);
}

/** The model's probabilities at point x. */
export function probabilitiesAt(w, b, x, T) {
  return softmaxT(logitsAt(w, b, x), T);
}

/** Shade a gw x gh grid of RGBA pixels (row 0 at the top) over bounds [x0, x1, y0, y1]: each
 *  cell is the classes' colours mixed in the model's probabilities at its centre, laid over
 *  `card` with opacity `alpha`. The arithmetic of probabilitiesAt, inlined without allocation:
 *  it runs ~7,000 times a frame while a slider is dragged. */
export function shadeCells(out, gw, gh, bounds, { w, b, T }, colours, card, alpha) {
  const [x0, x1, y0, y1] = bounds;
  const K = b.length;
  const e = new Float64Array(K);
  const row = new Float64Array(K);
  for (let j = 0; j < gh; j++) {
    const yv = y1 - ((j + 0.5) / gh) * (y1 - y0);
    for (let k = 0; k < K; k++) row[k] = w[k][1] * yv + b[k];
    for (let i = 0; i < gw; i++) {
      const xv = x0 + ((i + 0.5) / gw) * (x1 - x0);
      let m = -Infinity;
      for (let k = 0; k < K; k++) {
        e[k] = row[k] + w[k][0] * xv;
        if (e[k] > m) m = e[k];
      }
      let total = 0;
      for (let k = 0; k < K; k++) {
        e[k] = T > 0 ? Math.exp((e[k] - m) / T) : e[k] === m ? 1 : 0;
        total += e[k];
      }
      const o = 4 * (j * gw + i);
      for (let c = 0; c < 3; c++) {
        let mix = 0;
        for (let k = 0; k < K; k++) mix += e[k] * colours[k][c];
        out[o + c] = card[c] + alpha * (mix / total - card[c]);
      }
      out[o + 3] = 255;
    }
  }
}

/** Zero weights and bias for K classes and D features. */
export function zeros(K, D) {
  return { w: Array.from({ length: K }, () => new Array(D).fill(0)), b: new Array(K).fill(0) };
}

/** "#0072b2" or "rgb(0, 114, 178)" -> [0, 114, 178]; null if neither. */
export function parseColour(text) {
  const s = String(text).trim();
  let m = /^#([0-9a-f]{6})$/i.exec(s);
  if (m) return [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16));
  m = /^#([0-9a-f]{3})$/i.exec(s);
  if (m) return [...m[1]].map((h) => parseInt(h + h, 16));
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(s);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}
