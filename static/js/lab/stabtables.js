// The stability panel's two tables: the naive e^(z/T) / sum e^(z/T) and the stable version
// that subtracts the max first, from a POST /api/softmax answer's steps (exp_scaled is null
// where e^(z/T) overflows); the page only says what the naive division then gives.

import { t } from "../i18n.js";
import { classCell, clear, h, write } from "./dom.js";
import { cell } from "./num.js";

const INF = "\u221e";

// Headers with a power (e^{z/T}) are written here, with a real superscript, on each fill.
function makeTable(captionKey, columns) {
  const head = h("tr");
  for (const key of columns) head.append(write(h("th", { scope: "col", "data-key": key }), t(key)));
  const body = h("tbody");
  const foot = h("tfoot");
  const caption = h("caption", { i18n: captionKey });
  const table = h("table", { class: "lab-table" }, [caption, h("thead", {}, [head]), body, foot]);
  const relabel = () => head.querySelectorAll("th").forEach((th) => write(th, t(th.dataset.key)));
  return { table, caption, body, foot, relabel };
}

const row = (label, i, cells) => h("tr", {}, [i === null ? h("th", { scope: "row", text: label }) : classCell(label, i),
  ...cells.map((c) => h("td", { text: c }))]);

/** What the naive division gives for class i, said symbolically from the API's numbers. */
function naiveResult(steps, i, p) {
  const top = steps.exp_scaled[i];
  const sum = steps.sum_exp_scaled;
  if (sum === null) return top === null ? `${INF} / ${INF} = NaN` : `${cell(top)} / ${INF} = 0`;
  if (sum === 0) return "0 / 0 = NaN";
  return cell(p[i]);
}

export function createStabilityTables() {
  const naive = makeTable("lab.stab.naiveCaption", ["lab.col.class", "lab.stab.colScaled", "lab.stab.colExp", "lab.stab.colResult"]);
  const stable = makeTable("lab.stab.stableCaption", ["lab.col.class", "lab.stab.colShifted", "lab.stab.colExpShifted", "lab.col.p"]);
  const naiveWrap = h("div", { class: "lab-table-wrap", tabindex: "0", hidden: true, "data-testid": "lab-naive" }, [naive.table]);
  const stableWrap = h("div", { class: "lab-table-wrap", tabindex: "0" }, [stable.table]);
  const root = h("div", { class: "lab-pair" }, [naiveWrap, stableWrap]);

  /** Fill both tables from `result` (steps and probabilities) for `labels`; returns the verdict's
   *  words and whether the naive way failed, or null where there is nothing to compare (T = 0). */
  function fill(result, labels) {
    for (const part of [naive.body, naive.foot, stable.body, stable.foot]) clear(part);
    naive.relabel();
    stable.relabel();
    const steps = result.steps;
    if (!steps || Array.isArray(result.probabilities[0])) return { text: t("lab.stab.hard"), bad: false };
    const p = result.probabilities;
    labels.forEach((label, i) => {
      if (i >= p.length) return;
      naive.body.append(row(label, i, [cell(steps.scaled[i]),
        steps.exp_scaled[i] === null ? `${INF} (${t("lab.stab.overflow")})` : cell(steps.exp_scaled[i]),
        naiveResult(steps, i, p)]));
      stable.body.append(row(label, i, [cell(steps.shifted[i]), cell(steps.exponentials[i]), cell(p[i])]));
    });
    naive.foot.append(row(t("lab.stab.sum"), null, ["", steps.sum_exp_scaled === null ? INF : cell(steps.sum_exp_scaled), ""]));
    stable.foot.append(row(t("lab.stab.sum"), null, ["", cell(steps.sum_exponentials), ""]));
    const overflow = steps.exp_scaled.filter((v) => v === null).length;
    if (steps.sum_exp_scaled === null) {
      return { text: t(overflow ? "lab.stab.verdictOverflow" : "lab.stab.verdictSum", { count: overflow }), bad: true };
    }
    if (steps.sum_exp_scaled === 0) return { text: t("lab.stab.verdictUnderflow"), bad: true };
    return { text: t("lab.stab.verdictFine"), bad: false };
  }

  return {
    root,
    fill,
    showNaive(on) {
      naiveWrap.hidden = !on;
    },
  };
}
