// The lab's numbers are written by the page's one formatter (../format.js); only the
// variants the lab needs are added here.

import { logit, num, pct } from "../format.js";

export { num, pct };

/** A table cell: `digits` decimals kept ("1.000"), so a column's decimals line up. */
export function cell(x, digits = 3) {
  return num(x, digits, { fixed: true });
}

/** A gradient: "+0.118" or "−0.124" (its sign is its direction). */
export function signed(x, digits = 3, { fixed = false } = {}) {
  const text = num(Object.is(x, -0) ? 0 : x, digits, { fixed });
  return x > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}

/** A number for an input box, in full, as the page's language writes it ("0,3" in Russian). */
export function boxText(x) {
  return x === null || x === undefined ? "" : logit(x);
}
