// With exactly two classes: softmax([a, b])[0] = sigmoid((a - b) / T).
import { num } from "./format.js";
import { t } from "./i18n.js";

export function createTwoClass(root, panel) {
  const lines = [0, 1].map(() => Object.assign(document.createElement("p"), { className: "formula-line" }));
  root.replaceChildren(...lines);

  function update(state, result) {
    const show = Boolean(result && result.two_class);
    panel.hidden = !show || state.hide.includes("two-class");
    if (!show) return;
    const [a, b] = state.labels;
    const tc = result.two_class;
    lines[0].textContent = t("two.general", { a, b });
    lines[1].textContent = t("two.values", {
      a,
      d: num(tc.difference),
      s: num(tc.sigmoid, 4),
      p: num(result.probabilities[0], 4),
    });
  }

  return { update };
}
