// Numbers as people type them, in either language: "0,3" and "0.3" are both 0.3 (a Russian
// keyboard types a comma), "−1" with a real minus sign (U+2212) is -1, spaces are ignored.

const MINUS = /[\u2212\u2012\u2013\uFE63\uFF0D]/g; // minus sign and the dashes pasted for it
const SPACES = /[\s\u00a0\u202f\u2009]/g; // also the no-break and thin spaces of grouped digits
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** parseNumber("0,3") -> 0.3; "" or anything that is not one plain number -> NaN. */
export function parseNumber(text) {
  const s = String(text ?? "").replace(SPACES, "").replace(MINUS, "-").replace(",", ".");
  return NUMBER.test(s) ? Number(s) : NaN;
}
