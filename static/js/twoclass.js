// With exactly two classes: softmax([a, b])[0] = sigmoid((a - b) / T), in words and as a
// picture (twoclass-plot.js, loaded the first time two classes show; its room is kept).
import { num } from "./format.js";
import { registerStrings, setText, t } from "./i18n.js";
import { createLoadNote, stylesheet } from "./lazy.js";

registerStrings({
  en: { "two.hardValues": "At T = 0 the sigmoid is a step: the class with the larger logit takes all (a tie shares it). Here p({a}) = {p}." },
  ru: { "two.hardValues": "При T = 0 сигмоида становится ступенькой: класс с большим логитом забирает всё (при ничьей поровну). Здесь p({a}) = {p}." },
});

export function createTwoClass(root, panel) {
  const lines = [0, 1].map(() => Object.assign(document.createElement("p"), { className: "formula-line" }));
  const box = Object.assign(document.createElement("div"), { className: "plot-box", id: "two-class-plot" });
  box.style.minHeight = "200px"; // the picture's height (svgplot.js), before it arrives
  const legend = Object.assign(document.createElement("p"), { className: "plot-legend muted" });
  root.replaceChildren(...lines, box, legend);
  let plot = null; // the picture; null after a failure until its note's Try again
  let last = null;
  const track = createLoadNote((note) => root.insertBefore(note, box));

  function picture(state) {
    last = state;
    const retry = () => {
      plot = null;
      picture(last);
    };
    plot ||= track(Promise.all([import("./twoclass-plot.js"), stylesheet("static/css/pictures.css")]), retry)
      .then((loaded) => loaded && loaded[0].createTwoClassPlot(box, legend));
    plot.then((p) => p && p.draw(last)); // the latest state, once it is there
  }

  function update(state, result) {
    const show = state.logits.length === 2;
    panel.hidden = !show || state.hide.includes("two-class");
    if (!show) return;
    picture(state);
    if (!result || result.probabilities.length !== 2) return;
    const [a, b] = state.labels;
    setText(lines[0], t("two.general", { a, b })); // e^{−x}: a real superscript
    const tc = result.two_class;
    if (!tc) { // T = 0: the hard max, no sigmoid to evaluate
      lines[1].textContent = t("two.hardValues", { a, p: num(result.probabilities[0], 4) });
      return;
    }
    lines[1].textContent = t("two.values", { a, d: num(tc.difference), s: num(tc.sigmoid, 4), p: num(result.probabilities[0], 4) });
  }

  return { update };
}
