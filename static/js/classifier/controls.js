// W and b as sliders: one block per class (its colour, its name), a slider per weight and one
// for the bias. The value beside a slider is the model's true value, also beyond the slider's
// range (training can go further than a hand would).
import { classColor } from "../colors.js";
import { num } from "../format.js";
import { t } from "../i18n.js";

export const W_RANGE = 10;
export const B_RANGE = 30;

export function createSliders(root, { onChange }) {
  let rows = [];

  function slider(k, j, isBias) {
    const wrap = Object.assign(document.createElement("div"), { className: "w-line" });
    const id = isBias ? `b-${k}` : `w-${k}-${j}`;
    const tag = Object.assign(document.createElement("span"), { className: "w-tag" });
    tag.textContent = isBias ? "b" : `w${"₁₂₃₄"[j]}`;
    tag.setAttribute("aria-hidden", "true");
    const range = isBias ? B_RANGE : W_RANGE;
    const input = Object.assign(document.createElement("input"), {
      type: "range", id, min: -range, max: range, step: isBias ? 0.05 : 0.01,
    });
    const out = Object.assign(document.createElement("output"), { className: "w-value" });
    out.htmlFor = id;
    input.addEventListener("input", () => onChange(isBias ? "b" : "w", k, j, Number(input.value)));
    wrap.append(tag, input, out);
    return { wrap, input, out, k, j, isBias };
  }

  return {
    build(K, D) {
      root.replaceChildren();
      rows = [];
      for (let k = 0; k < K; k++) {
        const block = Object.assign(document.createElement("div"), { className: "w-class" });
        block.style.setProperty("--c", classColor(k));
        const name = Object.assign(document.createElement("p"), { className: "w-name" });
        block.append(name);
        const lines = [];
        for (let j = 0; j < D; j++) lines.push(slider(k, j, false));
        lines.push(slider(k, 0, true));
        for (const line of lines) block.append(line.wrap);
        root.append(block);
        rows.push({ name, lines });
      }
    },
    relabel(classNames, featureNames) {
      rows.forEach((row, k) => {
        row.name.textContent = classNames[k];
        for (const line of row.lines) {
          const label = line.isBias ? t("slider.b", { cls: classNames[k] })
            : t("slider.w", { cls: classNames[k], feature: featureNames[line.j] });
          line.input.setAttribute("aria-label", label);
        }
      });
    },
    update(w, b) {
      rows.forEach((row, k) => {
        for (const line of row.lines) {
          const v = line.isBias ? b[k] : w[k][line.j];
          const range = line.isBias ? B_RANGE : W_RANGE;
          const shown = String(Math.max(-range, Math.min(range, v)));
          if (document.activeElement !== line.input && line.input.value !== shown) line.input.value = shown;
          line.out.textContent = num(v, 2);
          line.input.setAttribute("aria-valuetext", num(v, 3));
        }
      });
    },
  };
}
