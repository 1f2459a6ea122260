// The hard max beside softmax, as pictures: the top class's share as its own logit moves
// (the others stay). The hard max is a step whose flat pieces have slope 0, so no gradient
// flows through it; softmax rises smoothly through the same place. Loaded by hardmax.js.
import { classColor } from "./colors.js";
import { logit, num } from "./format.js";
import { registerStrings, t } from "./i18n.js";
import { createPlot } from "./svgplot.js";

registerStrings({
  en: {
    "hardmax.hard": "Hard max (T = 0): a step",
    "hardmax.soft": "softmax at T = {t}: smooth",
    "hardmax.x": "{name}'s logit",
    "hardmax.flat": "slope 0",
    "hardmax.hardLabel": "Hard max: p({name}) against {name}'s logit is 0 below {r}, 1 above it, flat on both sides; now p({name}) = {p}.",
    "hardmax.softLabel": "softmax at T = {t}: p({name}) rises smoothly with {name}'s logit; now p({name}) = {p}.",
    "hardmax.legend": "The dashed line is {runner}'s logit, {r}. The hard max jumps there and is flat everywhere else: its slope, the gradient, is 0, so a network cannot learn through it.",
    "hardmax.slope": "softmax changes smoothly; at your logits its slope is p(1 − p) / T = {slope}.",
    "hardmax.atZero": "The page is at T = 0, the hard max itself; the smooth curve is drawn at T = 1 beside it.",
  },
  ru: {
    "hardmax.hard": "Жёсткий максимум (T = 0): ступенька",
    "hardmax.soft": "softmax при T = {t}: гладкая кривая",
    "hardmax.x": "логит «{name}»",
    "hardmax.flat": "наклон 0",
    "hardmax.hardLabel": "Жёсткий максимум: p({name}) в зависимости от логита «{name}» равна 0 левее {r} и 1 правее, по обе стороны ровная; сейчас p({name}) = {p}.",
    "hardmax.softLabel": "softmax при T = {t}: p({name}) плавно растёт вместе с логитом «{name}»; сейчас p({name}) = {p}.",
    "hardmax.legend": "Пунктир — логит «{runner}», {r}. Жёсткий максимум прыгает здесь, а всюду в остальном ровный: его наклон, то есть градиент, равен 0, и сеть не может через него учиться.",
    "hardmax.slope": "softmax меняется плавно; при ваших логитах её наклон p(1 − p) / T = {slope}.",
    "hardmax.atZero": "Страница сейчас при T = 0, это и есть жёсткий максимум; гладкая кривая рядом нарисована при T = 1.",
  },
});

/** The pictures' parameters: the top class, the runner-up and its logit r (where the step
 *  is), how many others tie at r, the soft curve's T and L, where it crosses 1/2. */
export function hardmaxModel(logits, T) {
  let top = 0;
  logits.forEach((z, i) => {
    if (z > logits[top]) top = i;
  });
  const others = logits.filter((_, i) => i !== top);
  const r = Math.max(...others);
  const runner = logits.findIndex((z, i) => i !== top && z === r);
  const Ts = T > 0 ? T : 1;
  // softmax share of the top class as its logit x moves: sigmoid((x - L) / Ts), with
  // L = Ts log sum_{j != top} e^(z_j / Ts), the largest term taken out so nothing overflows.
  const L = r + Ts * Math.log(others.reduce((s, z) => s + Math.exp((z - r) / Ts), 0));
  return { top, runner, r, ties: others.filter((z) => z === r).length, Ts, L };
}

export const softShare = (x, m) => 1 / (1 + Math.exp(-(x - m.L) / m.Ts));
export const hardShare = (x, m) => (x > m.r ? 1 : x < m.r ? 0 : 1 / (m.ties + 1));

/** The x range: centred on the step, wide enough for the soft bend and the current logit. */
export function logitRange(z, m) {
  const w = Math.min(Math.max(5 * m.Ts + (m.L - m.r), 1.25 * Math.abs(z - m.r), 2), 1e300);
  return [m.r - w, m.r + w];
}

/** Where a label on the flat piece [a, b] goes: its middle, or the middle of the longer side
 *  of the current point x, so that the two do not overlap. */
export function noteAt(a, b, x) {
  if (!(x > a && x < b)) return (a + b) / 2;
  return x - a > b - x ? (a + x) / 2 : (x + b) / 2;
}

function figure(grid) {
  const fig = Object.assign(document.createElement("figure"), { className: "plot-figure" });
  const caption = document.createElement("figcaption");
  const box = Object.assign(document.createElement("div"), { className: "plot-box" });
  fig.append(caption, box);
  grid.append(fig);
  return { fig, caption, plot: createPlot(box) };
}

export function createHardmax(root) {
  const grid = Object.assign(document.createElement("div"), { className: "plot-grid-2" });
  const hard = figure(grid);
  const soft = figure(grid);
  hard.fig.id = "hardmax-hard";
  soft.fig.id = "hardmax-soft";
  const legend = Object.assign(document.createElement("p"), { className: "plot-legend" });
  const slope = Object.assign(document.createElement("p"), { className: "plot-legend", id: "hardmax-slope" });
  root.replaceChildren(grid, legend, slope);

  function update(state, result) {
    const z = state.logits;
    const m = hardmaxModel(z, state.t);
    const x = z[m.top];
    const range = logitRange(x, m);
    const name = state.labels[m.top];
    const color = classColor(m.top);
    const mark = [{ x: m.r, color: classColor(m.runner) }];
    const xTitle = t("hardmax.x", { name });
    const [hardP, softP] = [hardShare(x, m), softShare(x, m)];
    hard.caption.textContent = t("hardmax.hard");
    soft.caption.textContent = t("hardmax.soft", { t: logit(m.Ts) });
    hard.plot.draw({
      x: range, xTitle, marks: mark,
      label: t("hardmax.hardLabel", { name, r: logit(m.r), p: num(hardP, 4) }),
      pieces: [{ from: [range[0], 0], to: [m.r, 0], color }, { from: [m.r, 1], to: [range[1], 1], color }],
      notes: [
        { x: noteAt(range[0], m.r, x), y: 0, text: t("hardmax.flat") },
        { x: noteAt(m.r, range[1], x), y: 1, text: t("hardmax.flat"), below: true },
      ],
      dots: [{ x: m.r, y: 0, color, hollow: true }, { x: m.r, y: 1, color, hollow: true }, { x, y: hardP, color, current: true }],
    });
    soft.plot.draw({
      x: range, xTitle, marks: mark,
      label: t("hardmax.softLabel", { name, t: logit(m.Ts), p: num(softP, 4) }),
      curves: [{ f: (v) => softShare(v, m), color }],
      dots: [{ x, y: softP, color, current: true }],
    });
    legend.textContent = t("hardmax.legend", { runner: state.labels[m.runner], r: logit(m.r) });
    // The slope from the API's share, once the answer for this temperature is in.
    const fresh = result && state.t > 0 && result.temperature === state.t && result.probabilities.length === z.length;
    if (state.t === 0) slope.textContent = t("hardmax.atZero");
    else if (fresh) {
      const p = result.probabilities[m.top];
      slope.textContent = t("hardmax.slope", { slope: num((p * (1 - p)) / state.t, 4) });
    }
  }

  return { update };
}
