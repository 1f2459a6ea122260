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

/** The colour of a probability vector: the classes' colours mixed in those shares. */
export function mixColour(probabilities, colours) {
  const out = [0, 0, 0];
  probabilities.forEach((p, k) => {
    for (let c = 0; c < 3; c++) out[c] += p * colours[k][c];
  });
  return out;
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
