// Numerical stability: the naive e^(z/T) / sum e^(z/T) (which overflows) beside the
// stable version that subtracts the max first. Every number comes from POST /api/softmax
// (steps.exp_scaled is null where e^(z/T) overflows); the page only says what the
// naive division then gives (inf/inf = NaN, x/inf = 0, 0/0 = NaN).

import { t } from "../i18n.js";
import { clear, fill, h, nextId, num, tr } from "./dom.js";

const INF = "\u221e";

function makeTable(captionKey, columns) {
  const head = h("tr");
  for (const key of columns) head.append(tr(h("th", { scope: "col" }), key));
  const body = h("tbody");
  const foot = h("tfoot");
  const table = h("table", { class: "lab-table" }, [tr(h("caption"), captionKey), h("thead", {}, [head]), body, foot]);
  return { table, body, foot };
}

export function createStability(root, { store }) {
  const toggleId = nextId("naive");
  const toggle = h("input", { id: toggleId, type: "checkbox", class: "lab-switch", "data-testid": "lab-naive-toggle" });
  const demo = tr(h("button", { type: "button", class: "lab-button" }), "lab.stab.demo");
  const verdict = h("p", { class: "lab-verdict", role: "status", "data-testid": "lab-naive-verdict" });
  const naive = makeTable("lab.stab.naiveCaption", ["lab.col.class", "lab.stab.colScaled", "lab.stab.colExp", "lab.stab.colResult"]);
  const stable = makeTable("lab.stab.stableCaption", ["lab.col.class", "lab.stab.colShifted", "lab.stab.colExpShifted", "lab.col.p"]);
  const naiveWrap = h("div", { class: "lab-table-wrap", hidden: true, "data-testid": "lab-naive" }, [naive.table]);
  const stableWrap = h("div", { class: "lab-table-wrap" }, [stable.table]);

  root.append(
    tr(h("p", { class: "lab-note" }), "lab.stab.explain"),
    h("div", { class: "lab-controls" }, [
      h("div", { class: "lab-field lab-check" }, [toggle, tr(h("label", { for: toggleId }), "lab.stab.toggle")]),
      h("div", { class: "lab-buttons" }, [demo]),
    ]),
    verdict,
    h("div", { class: "lab-pair" }, [naiveWrap, stableWrap]),
  );

  let state = null;
  let result = null;

  toggle.addEventListener("change", () => draw());
  demo.addEventListener("click", () => {
    const k = Math.max(3, state ? state.logits.length : 3);
    const logits = Array.from({ length: k }, (_, i) => (i === 0 ? 1000 : i === 1 ? 999 : -1000));
    const patch = { logits };
    if (state && state.labels.length !== k) patch.labels = logits.map((_, i) => `${i + 1}`);
    store.set(patch, { history: "push" }); // Back returns to the logits before the demo
    toggle.checked = true;
    draw();
  });

  function row(label, cells) {
    return h("tr", {}, [h("th", { scope: "row", text: label }), ...cells.map((c) => h("td", { text: c }))]);
  }

  /** What the naive division gives for class i, said symbolically from the API's numbers. */
  function naiveResult(steps, i, p) {
    const top = steps.exp_scaled[i];
    const sum = steps.sum_exp_scaled;
    if (sum === null) return top === null ? `${INF} / ${INF} = NaN` : `${num(top, 3)} / ${INF} = 0`;
    if (sum === 0) return "0 / 0 = NaN";
    return num(p[i], 3);
  }

  let drawn = { result: null, labels: "" };

  function draw({ force = true } = {}) {
    naiveWrap.hidden = !toggle.checked;
    if (!result || !state) return;
    const labelsKey = JSON.stringify(state.labels);
    if (!force && drawn.result === result && drawn.labels === labelsKey) return;
    drawn = { result, labels: labelsKey };
    const steps = result.steps;
    clear(naive.body); clear(naive.foot); clear(stable.body); clear(stable.foot);
    if (!steps || Array.isArray(result.probabilities[0])) {
      verdict.textContent = t("lab.stab.hard");
      return;
    }
    const labels = state.labels;
    const p = result.probabilities;
    labels.forEach((label, i) => {
      if (i >= p.length) return;
      naive.body.append(row(label, [num(steps.scaled[i], 3),
        steps.exp_scaled[i] === null ? `${INF} (${t("lab.stab.overflow")})` : num(steps.exp_scaled[i], 3),
        naiveResult(steps, i, p)]));
      stable.body.append(row(label, [num(steps.shifted[i], 3), num(steps.exponentials[i], 3), num(p[i], 3)]));
    });
    naive.foot.append(row(t("lab.stab.sum"), ["", steps.sum_exp_scaled === null ? INF : num(steps.sum_exp_scaled, 3), ""]));
    stable.foot.append(row(t("lab.stab.sum"), ["", num(steps.sum_exponentials, 3), ""]));
    const overflow = steps.exp_scaled.filter((v) => v === null).length;
    if (steps.sum_exp_scaled === null) {
      verdict.textContent = fill(overflow ? "lab.stab.verdictOverflow" : "lab.stab.verdictSum", { count: overflow });
    } else if (steps.sum_exp_scaled === 0) {
      verdict.textContent = t("lab.stab.verdictUnderflow");
    } else {
      verdict.textContent = t("lab.stab.verdictFine");
    }
    verdict.classList.toggle("lab-bad", steps.sum_exp_scaled === null || steps.sum_exp_scaled === 0);
  }

  return {
    update(next, softmaxResult) {
      state = next;
      if (softmaxResult) {
        result = softmaxResult;
        draw({ force: false });
      }
    },
    relabel: () => draw(),
    numbers: () => result && { steps: result.steps, probabilities: result.probabilities },
  };
}
