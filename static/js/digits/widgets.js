// The digits page's read-outs: ten probability bars with the logits beside them, the 8 x 8
// image the model reads, and each digit's weights drawn as an 8 x 8 image.
import { cssRGB } from "../classifier/common.js";
import { num, pct } from "../format.js";
import { t } from "../i18n.js";

const el = (tag, props = {}) => Object.assign(document.createElement(tag), props);

/** Ten rows: the digit, a bar with its share, the share in words, the logit. */
export function createBars(root) {
  const table = el("table", { className: "digit-bars" });
  const caption = el("caption", { className: "sr-only" });
  const head = el("thead");
  const headRow = el("tr");
  const cols = ["bars.digit", "bars.p", "bars.logit"].map((key) => {
    const th = el("th", { scope: "col" });
    th.dataset.key = key;
    return th;
  });
  cols.forEach((th) => headRow.append(th));
  head.append(headRow);
  const body = el("tbody");
  const rows = [];
  for (let d = 0; d < 10; d++) {
    const tr = el("tr");
    const name = el("th", { scope: "row", textContent: String(d), className: "digit-name" });
    const cell = el("td", { className: "bar-cell" });
    const track = el("span", { className: "track" });
    const fill = el("span", { className: "fill" });
    track.append(fill);
    const value = el("span", { className: "value" });
    cell.append(track, value);
    const logit = el("td", { className: "logit" });
    tr.append(name, cell, logit);
    body.append(tr);
    rows.push({ tr, fill, value, logit });
  }
  table.append(caption, head, body);
  root.append(table);
  let last = null;
  return {
    update(answer) {
      last = answer;
      rows.forEach((row, d) => {
        const p = answer ? answer.probabilities[d] : 0;
        row.fill.style.transform = `scaleX(${p})`;
        row.value.textContent = answer ? pct(p) : "–";
        row.logit.textContent = answer ? num(answer.logits[d], 2, { fixed: true }) : "–";
        row.tr.classList.toggle("top", Boolean(answer) && answer.argmax === d);
      });
    },
    relabel() {
      caption.textContent = t("bars.caption");
      cols.forEach((th) => (th.textContent = t(th.dataset.key)));
      this.update(last);
    },
  };
}

function diverging(value, scale, pos, neg, card) {
  const f = Math.min(1, Math.abs(value) / scale);
  const c = value >= 0 ? pos : neg;
  return card.map((v, i) => Math.round(v + f * (c[i] - v)));
}

/** Paint 64 values as an 8 x 8 image on `canvas` with colour(value) -> [r, g, b]. */
export function paint8x8(canvas, values, colour) {
  const ctx = canvas.getContext("2d");
  const image = ctx.createImageData(8, 8);
  values.forEach((v, i) => {
    const [r, g, b] = colour(v);
    image.data.set([r, g, b, 255], 4 * i);
  });
  canvas.width = canvas.height = 8;
  ctx.putImageData(image, 0, 0);
}

/** The 8 x 8 counts the model reads, as grey levels (0 = card, 16 = ink). */
export function paintCounts(canvas, counts) {
  const card = cssRGB("--card", [255, 255, 255]);
  const ink = cssRGB("--text", [0, 0, 0]);
  paint8x8(canvas, counts, (v) => card.map((c, i) => Math.round(c + (v / 16) * (ink[i] - c))));
}

/** One 8 x 8 image per digit: blue where ink raises the digit's logit, orange where it lowers it. */
export function createWeights(root) {
  const figures = [];
  for (let d = 0; d < 10; d++) {
    const figure = el("figure", { className: "weight-fig" });
    const canvas = el("canvas", { className: "weight-img", width: 8, height: 8 });
    canvas.setAttribute("role", "img");
    const cap = el("figcaption", { textContent: String(d) });
    figure.append(canvas, cap);
    root.append(figure);
    figures.push(canvas);
  }
  let weights = null;
  return {
    update(next = weights) {
      weights = next;
      if (!weights) return;
      // One scale for all ten (they compare), set by the 95th percentile of |w| so that a few
      // extreme weights do not wash out the rest.
      const sorted = weights.flat().map(Math.abs).sort((a, b) => a - b);
      const scale = sorted[Math.floor(0.95 * (sorted.length - 1))] || 1;
      const [pos, neg, card] = [cssRGB("--soft"), cssRGB("--hard"), cssRGB("--card", [255, 255, 255])];
      figures.forEach((canvas, d) => {
        paint8x8(canvas, weights[d], (v) => diverging(v, scale, pos, neg, card));
        canvas.setAttribute("aria-label", t("weights.label", { d }));
      });
    },
  };
}
