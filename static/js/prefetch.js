// Answers fetched ahead of the input: while a logit slider moves, each request also asks
// for the slider's neighbouring positions (one batch: the API takes a list of rows), so
// the next step is painted from an API answer already at hand instead of a round trip.

const MAX_ENTRIES = 400;

export const keyOf = (logits, t) => JSON.stringify([logits, t]);

/** Row i of a batch response, in the shape of a one-vector response. */
export function rowOf(r, i) {
  const steps = r.steps && Object.fromEntries(Object.entries(r.steps).map(([k, v]) => [k, v[i]]));
  const two = r.two_class && { difference: r.two_class.difference[i], sigmoid: r.two_class.sigmoid[i] };
  return {
    probabilities: r.probabilities[i],
    log_probabilities: r.log_probabilities[i],
    hardmax: r.hardmax[i],
    argmax: r.argmax[i],
    entropy: r.entropy[i],
    entropy_bits: r.entropy_bits[i],
    max_entropy: r.max_entropy,
    temperature: r.temperature,
    steps,
    two_class: two,
  };
}

/** A small LRU map from (logits, t) to the API's answer. */
export function createCache() {
  const map = new Map();
  return {
    get(key) {
      const hit = map.get(key);
      if (hit) {
        map.delete(key);
        map.set(key, hit);
      }
      return hit;
    },
    has: (key) => map.has(key),
    put(key, value) {
      map.delete(key);
      map.set(key, value);
      if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value);
    },
    clear: () => map.clear(),
  };
}

/** Logit vectors 0.1 (one slider step) apart from `logits` at index i, `reach` steps each way.
 * n / 10 is the same double as the slider's value "4.2" parsed, so the keys match. */
export function neighbours(logits, i, { reach = 8, min = -10, max = 10 } = {}) {
  const out = [];
  const base = Math.round(logits[i] * 10);
  for (let d = 1; d <= reach; d++) {
    for (const n of [base + d, base - d]) {
      const x = n / 10;
      if (x < min || x > max) continue;
      const v = logits.slice();
      v[i] = x;
      out.push(v);
    }
  }
  return out;
}
