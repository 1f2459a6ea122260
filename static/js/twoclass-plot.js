// The two-class picture: both shares against z1 - z2, each class in its colour, the current
// point on the curves (a step at T = 0). Loaded by twoclass.js when two classes show.
import { classColor } from "./colors.js";
import { logit, num } from "./format.js";
import { registerStrings, t } from "./i18n.js";
import { createPlot } from "./svgplot.js";

registerStrings({
  en: {
    "two.x": "z₁ − z₂ (the gap between the logits)",
    "two.plotLabel": "Sigmoid curves of p({a}) and p({b}) against z₁ − z₂ at T = {t}; now z₁ − z₂ = {d} and p({a}) = {p}.",
    "two.legendA": "p({a}) rises along the sigmoid as {a} pulls ahead;",
    "two.legendB": "p({b}) = 1 − p({a}) falls. The dots are your logits.",
  },
  ru: {
    "two.x": "z₁ − z₂ (разрыв между логитами)",
    "two.plotLabel": "Сигмоиды p({a}) и p({b}) в зависимости от z₁ − z₂ при T = {t}; сейчас z₁ − z₂ = {d}, p({a}) = {p}.",
    "two.legendA": "p({a}) растёт по сигмоиде, когда «{a}» уходит вперёд;",
    "two.legendB": "p({b}) = 1 − p({a}) падает. Точки — ваши логиты.",
  },
});

/** p(first class) for a gap d between the logits at temperature T (T = 0: the hard max). */
export function share(d, T) {
  if (T === 0) return d > 0 ? 1 : d < 0 ? 0 : 0.5;
  return 1 / (1 + Math.exp(-d / T));
}

/** The x range: the curve's bend (about +-6 T) and the current gap, with room around it. */
export function gapRange(d, T) {
  const w = Math.min(Math.max(6 * (T > 0 ? T : 1), 1.25 * Math.abs(d), 1), 1e300);
  return [-w, w];
}

function swatch(i) {
  const mark = Object.assign(document.createElement("span"), { className: "plot-swatch" });
  mark.setAttribute("aria-hidden", "true");
  mark.style.background = classColor(i);
  return mark;
}

/** A picture in `box` with its key in `legend`: draw(state) redraws it. */
export function createTwoClassPlot(box, legend) {
  const plot = createPlot(box);

  function draw(state) {
    const [a, b] = state.labels;
    const T = state.t;
    const d = state.logits[0] - state.logits[1];
    const p = share(d, T);
    plot.draw({
      x: gapRange(d, T),
      xTitle: t("two.x"),
      label: t("two.plotLabel", { a, b, t: logit(T), d: num(d), p: num(p, 4) }),
      curves: [
        { f: (x) => share(x, T), color: classColor(0) },
        { f: (x) => 1 - share(x, T), color: classColor(1), dash: true },
      ],
      dots: [
        { x: d, y: p, color: classColor(0), current: true },
        { x: d, y: 1 - p, color: classColor(1), current: true },
      ],
    });
    const nb = "\u00a0"; // keeps each swatch with its words
    legend.replaceChildren(swatch(0), nb + t("two.legendA", { a }) + " ", swatch(1), nb + t("two.legendB", { a, b }));
  }

  return { draw };
}
