// The step-by-step table: z, z/T, e^{z/T}, z/T - max, e^{z/T - max}, and p = e / sum.
import { classColor } from "./colors.js";
import { num, pct } from "./format.js";
import { setText as setRich, t } from "./i18n.js";

const COLS = ["steps.class", "steps.z", "steps.scaled", "steps.exp", "steps.shifted", "steps.expShifted", "steps.p"];

function el(tag, props = {}) {
  return Object.assign(document.createElement(tag), props);
}

export function createSteps(root) {
  const note = el("p", { className: "muted steps-note" });
  const wrap = el("div", { className: "table-wrap", tabIndex: 0 });
  const table = el("table", { className: "steps", id: "steps-table" });
  const caption = el("caption");
  const title = el("span");
  const more = el("span", { className: "steps-more" }); // shown where the table scrolls (CSS)
  more.setAttribute("aria-hidden", "true"); // a hint for the eyes; the cells are all there
  caption.append(title, more);
  const thead = el("thead");
  const head = el("tr");
  const heads = COLS.map(() => el("th", { scope: "col" }));
  head.append(...heads);
  thead.append(head);
  const tbody = el("tbody");
  const tfoot = el("tfoot");
  const foot = el("tr");
  const footCells = COLS.map((_, i) => el(i ? "td" : "th", i ? {} : { scope: "row" }));
  foot.append(...footCells);
  tfoot.append(foot);
  table.append(caption, thead, tbody, tfoot);
  wrap.append(table);
  root.replaceChildren(note, wrap);
  const rows = [];

  function setText(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  function update(state, result, request) {
    setText(title, t("steps.caption"));
    setText(more, t("steps.more"));
    wrap.setAttribute("aria-label", t("steps.caption"));
    COLS.forEach((key, i) => setRich(heads[i], t(key))); // e^{z/T} with a real superscript
    const k = state.labels.length;
    while (rows.length < k) {
      const tr = el("tr");
      const cells = COLS.map((_, i) => el(i ? "td" : "th", i ? {} : { scope: "row" }));
      tr.append(...cells);
      tr.style.setProperty("--c", classColor(rows.length)); // the class's colour, as in the figure
      tbody.append(tr);
      rows.push(cells);
    }
    while (rows.length > k) rows.pop()[0].parentElement.remove();
    table.classList.toggle("stale", !result);
    if (!result) return;
    const s = result.steps;
    const z = request.logits;
    let words = t("steps.hard");
    if (s) words = s.max_scaled === null ? t("steps.noteHuge") : t("steps.note", { max: num(s.max_scaled) });
    setText(note, words);
    rows.forEach((cells, i) => {
      const values = [
        state.labels[i],
        num(z[i]),
        s ? num(s.scaled[i]) : "—",
        s ? num(s.exp_scaled[i]) : "—",
        s ? (s.shifted[i] === null ? "−∞" : num(s.shifted[i])) : "—", // null: below -1.8e308
        s ? num(s.exponentials[i], 4) : "—",
        `${num(result.probabilities[i], 4)} (${pct(result.probabilities[i])})`,
      ];
      values.forEach((v, j) => setText(cells[j], v));
    });
    const total = result.probabilities.reduce((a, b) => a + b, 0);
    const footer = [
      t("steps.sum"),
      "",
      "",
      s ? num(s.sum_exp_scaled) : "—",
      "",
      s ? num(s.sum_exponentials, 4) : "—",
      num(total, 4),
    ];
    footer.forEach((v, j) => setText(footCells[j], v));
  }

  return { update };
}
