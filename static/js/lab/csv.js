// The charts' numbers as CSV. Pure (no DOM), tested in tests/js/lab-csv.test.mjs.

/** Excel reads a CSV file as UTF-8 (class names in Cyrillic, say) only after this mark. */
export const BOM = "\ufeff";

/** A CSV cell: quoted when needed; text that a spreadsheet would run as a formula is defused. */
function cell(value) {
  let text = value === null || value === undefined ? "" : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells -> the text of a CSV file, with the byte-order mark and CRLF line ends. */
export function toCsv(rows) {
  return `${BOM}${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}

const name = (labels, i) => labels[i] ?? String(i + 1);

/** The gradient panel's numbers ({request, response} of POST /api/cross-entropy), or null. */
export function gradientRows(numbers, labels) {
  if (!numbers) return null;
  const { request, response } = numbers;
  const rows = [["class", "logit", "target", "probability", "gradient"]];
  labels.forEach((label, i) => {
    const y = Array.isArray(request.target) ? request.target[i] : i === request.target ? 1 : 0;
    rows.push([label, request.logits[i], y, response.probabilities[i], response.gradient[i]]);
  });
  rows.push(["loss", "", "", "", response.loss]);
  return rows;
}

/** The training losses ({losses}), or null before the first. */
export function lossRows(numbers) {
  if (!numbers.losses.length) return null;
  return [["step", "loss"], ...numbers.losses.map((loss, i) => [i, loss])];
}

/** The temperature curves (POST /api/temperature's answer), or null. */
export function curvesRows(data, labels) {
  if (!data) return null;
  const k = data.probabilities[0].length;
  const head = ["temperature", ...Array.from({ length: k }, (_, c) => name(labels, c)), "entropy_nats"];
  return [head, ...data.temperatures.map((temp, i) => [temp, ...data.probabilities[i], data.entropy[i]])];
}

/** The sampling histogram ({request, response} of POST /api/sample), or null. */
export function histogramRows(numbers, labels) {
  if (!numbers) return null;
  const { request, response } = numbers;
  const rows = [["class", "probability_after_filtering", "count"]];
  response.counts.forEach((count, i) => rows.push([name(labels, i), response.probabilities[i], count]));
  rows.push(["n", "", response.n], ["seed", "", response.seed], ["temperature", "", request.temperature]);
  return rows;
}
