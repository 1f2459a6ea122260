// The bars' shares, computed in the browser so a drag paints in the same frame on any
// network (the API's answer fills in the rest and confirms them). The textbook algorithm:
// shift by the max, divide by T, exp, normalise; T = 0 is the hard max, a tie shared.

/**
 * softmax([4, 2, -1], 1) -> {p, hard, top, e, scaled, shifted, sum, overflow}
 *   p        the shares (add up to 1)
 *   hard     the hard max (one-hot; a tie split equally)
 *   top      the index of the largest logit (the first of a tie)
 *   e        e^(z/T), or null where it overflows a float64 (and at T = 0)
 *   shifted  e^((z - max z)/T), each in [0, 1]: the bars' lengths
 *   sum      the sum of e (null if any overflows), the denominator the page quotes
 */
export function softmax(logits, T) {
  const max = Math.max(...logits);
  const top = logits.indexOf(max);
  const ties = logits.filter((z) => z === max).length;
  const hard = logits.map((z) => (z === max ? 1 / ties : 0));
  if (!(T > 0)) return { p: hard, hard, top, e: null, shifted: hard, sum: null };
  // (z - max) can overflow to -Infinity for logits ~1e308 apart: e of it is 0, as it should be.
  const shifted = logits.map((z) => Math.exp((z - max) / T));
  const total = shifted.reduce((a, b) => a + b, 0);
  const p = shifted.map((x) => x / total);
  const e = logits.map((z) => Math.exp(z / T));
  const finite = e.every((x) => Number.isFinite(x) && x > 0);
  const sum = finite ? e.reduce((a, b) => a + b, 0) : null;
  return { p, hard, top, e: finite && Number.isFinite(sum) ? e : null, shifted, sum: Number.isFinite(sum) ? sum : null };
}
