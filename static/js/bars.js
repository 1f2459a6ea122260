// Probability bars: a table (its text is the bars' alternative) with softmax and the
// hard max side by side, plus a short spoken summary once input settles. The shares are
// the local softmax's (softmax.js), so they follow the input on any network.
import { classColor } from "./colors.js";
import { pct } from "./format.js";
import { fmt, t } from "./i18n.js";

function el(tag, props = {}) {
  return Object.assign(document.createElement(tag), props);
}

export function createBars(root) {
  const table = el("table", { className: "bars" });
  const caption = el("caption", { className: "sr-only" });
  const head = el("tr");
  const hClass = el("th", { scope: "col" });
  const hSoft = el("th", { scope: "col" });
  const hHard = el("th", { scope: "col", className: "hard-col" });
  head.append(hClass, hSoft, hHard);
  const thead = el("thead");
  thead.append(head);
  const tbody = el("tbody");
  table.append(caption, thead, tbody);
  const summary = el("p", { className: "sr-only" });
  summary.setAttribute("aria-live", "polite");
  root.replaceChildren(table, summary);
  const rows = [];
  let summaryTimer = 0;

  function makeRow(i) {
    const tr = el("tr");
    const name = el("th", { scope: "row", className: "cls" });
    const soft = el("td", { className: "soft" });
    const track = el("span", { className: "track" });
    const fill = el("span", { className: "fill" });
    track.append(fill);
    const value = el("span", { className: "value" });
    const cell = el("span", { className: "bar-cell" });
    cell.append(track, value);
    soft.append(cell);
    const hard = el("td", { className: "hard-col" });
    const htrack = el("span", { className: "track small" });
    const hfill = el("span", { className: "fill hard" });
    htrack.append(hfill);
    const hvalue = el("span", { className: "value" });
    hard.append(htrack, hvalue);
    tr.append(name, soft, hard);
    tr.style.setProperty("--c", classColor(i));
    return { tr, name, fill, value, hfill, hvalue, p: null, h: null };
  }

  function update(state, local) {
    caption.textContent = t("bars.caption");
    hClass.textContent = t("bars.class");
    hSoft.textContent = t("bars.soft");
    hHard.textContent = t("bars.hard");
    const k = state.labels.length;
    while (rows.length < k) {
      const row = makeRow(rows.length);
      rows.push(row);
      tbody.append(row.tr);
    }
    while (rows.length > k) rows.pop().tr.remove();
    rows.forEach((row, i) => {
      if (row.name.textContent !== state.labels[i]) row.name.textContent = state.labels[i];
      const p = local.p[i];
      const h = local.hard[i];
      row.tr.classList.toggle("top", i === local.top);
      if (p !== row.p) {
        row.p = p;
        row.fill.style.transform = `scaleX(${p})`;
        row.value.textContent = pct(p);
      }
      if (h !== row.h) {
        row.h = h;
        row.hfill.style.transform = `scaleX(${h})`;
        row.hvalue.textContent = fmt(h, { maximumFractionDigits: 2 });
      }
    });
    clearTimeout(summaryTimer);
    summaryTimer = setTimeout(() => speak(state, local), 700);
  }

  function speak(state, local) {
    const parts = state.labels.map((label, i) => `${label} ${pct(local.p[i])}`);
    const text = t("bars.summary", { list: parts.join(", "), top: state.labels[local.top] });
    if (summary.textContent !== text) summary.textContent = text;
  }

  function relabel() {
    for (const row of rows) {
      row.p = null;
      row.h = null;
    }
  }

  return { update, relabel };
}
