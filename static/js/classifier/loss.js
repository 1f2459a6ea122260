// The loss curve: the objective after every step so far (from the API), as an SVG line, with
// the latest loss and accuracy in words.
import { num, pct } from "../format.js";
import { t } from "../i18n.js";

const NS = "http://www.w3.org/2000/svg";
const W = 320;
const H = 120;
const PAD = { left: 34, right: 6, top: 6, bottom: 18 };

const el = (name, attrs = {}) => {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
};

/** SVG points of a loss curve in a w x h box: step i at x, loss at y (0 at the bottom). */
export function curvePoints(losses, w, h) {
  const top = Math.max(...losses, 1e-12);
  const n = Math.max(losses.length - 1, 1);
  return losses.map((v, i) => `${((i / n) * w).toFixed(1)},${(h - (v / top) * h).toFixed(1)}`).join(" ");
}

export function createLoss(root) {
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, class: "loss-svg", role: "img" });
  const frame = el("path", { class: "loss-axes", d: `M${PAD.left},${PAD.top} V${H - PAD.bottom} H${W - PAD.right}` });
  const line = el("polyline", { class: "loss-line", fill: "none" });
  const top = el("text", { x: PAD.left - 4, y: PAD.top + 8, "text-anchor": "end", class: "loss-tick" });
  const zero = el("text", { x: PAD.left - 4, y: H - PAD.bottom, "text-anchor": "end", class: "loss-tick" });
  const steps = el("text", { x: W - PAD.right, y: H - 4, "text-anchor": "end", class: "loss-tick" });
  svg.append(frame, line, top, zero, steps);
  const text = Object.assign(document.createElement("p"), { className: "loss-text" });
  root.append(svg, text);
  let last = { losses: [], accuracy: null };

  function update(losses = last.losses, accuracy = last.accuracy) {
    last = { losses, accuracy };
    const n = losses.length - 1;
    zero.textContent = "0";
    if (n < 1) {
      line.setAttribute("points", "");
      top.textContent = "";
      steps.textContent = t("loss.axis");
      text.textContent = t("loss.none");
      svg.setAttribute("aria-label", t("loss.none"));
      return;
    }
    const w = W - PAD.left - PAD.right;
    const h = H - PAD.top - PAD.bottom;
    line.setAttribute("points", curvePoints(losses, w, h));
    line.setAttribute("transform", `translate(${PAD.left},${PAD.top})`);
    top.textContent = num(Math.max(...losses), 2);
    steps.textContent = `${n} ${t("loss.axis")}`;
    text.textContent = t("loss.text", { step: n, loss: num(losses[n], 4, { fixed: true }), acc: pct(accuracy) });
    svg.setAttribute("aria-label", t("loss.label", { first: num(losses[0], 3), last: num(losses[n], 3), steps: n }));
  }
  return { update, relabel: () => update() };
}
