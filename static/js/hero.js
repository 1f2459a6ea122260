// The hero figure: logits -> e^(z/T) -> shares as three linked bands of bars, one row per
// class in its own colour. Each logit bar is a range input for the keys, dragged by the pointer.
// The shares come from the local softmax, so they move in the frame of the input.
import { classColor } from "./colors.js";
import { compact, logitText, num, pct } from "./format.js";
import { setText, t } from "./i18n.js";
import { dragBar } from "./zdrag.js";

export const Z_MIN = -10;
export const Z_MAX = 10;

function el(tag, className = "", props = {}) {
  return Object.assign(document.createElement(tag), { className, ...props });
}

function band(key) {
  const root = el("div", `band band-${key}`);
  const head = el("h3", "band-h");
  const list = el("ol", "band-rows");
  root.append(head, list);
  return { root, head, list };
}

/** A bar row: the class name, a bar, its value. */
function barRow(extra) {
  const li = el("li", "brow");
  const name = el("span", "bname");
  const track = el("span", "track");
  const fill = el("span", "fill");
  track.append(fill, ...extra);
  const value = el("span", "bval");
  li.append(name, track, value);
  return { li, name, track, fill, value };
}

/** @param {{onLogit(i, x), onReach(i)}} handlers */
export function createHero(root, handlers) {
  const bands = { z: band("z"), e: band("e"), p: band("p") };
  const sum = el("div", "band-sum");
  const sumValue = el("span", "sum-value");
  const sumWords = el("span", "sum-words");
  sum.append(sumValue, sumWords);
  const fig = el("div", "fig");
  fig.append(bands.z.root, bands.e.root, sum, bands.p.root);
  // On a phone the top share stays in view above the temperature slider (sticky).
  const top = el("p", "hero-top");
  top.setAttribute("aria-hidden", "true");
  root.replaceChildren(fig);
  root.after(top); // in the hero's section, so it sticks for as long as the slider shows
  const rows = [];

  function makeRow(i) {
    const slider = el("input", "zslider", { type: "range", min: Z_MIN, max: Z_MAX, step: 0.1 });
    slider.addEventListener("input", () => handlers.onLogit(i, Number(slider.value)));
    slider.addEventListener("focus", () => handlers.onReach(i));
    const z = barRow([el("span", "zero"), slider]);
    z.track.classList.add("ztrack");
    // The bar takes the pointer (./zdrag.js): a finger scrolls past it unless it drags sideways.
    dragBar(z.track, slider, { onValue: (x) => handlers.onLogit(i, x), onReach: () => handlers.onReach(i) });
    z.fill.classList.add("zfill");
    const e = barRow([]);
    const p = barRow([]);
    for (const part of [z, e, p]) part.li.style.setProperty("--c", classColor(i));
    bands.z.list.append(z.li);
    bands.e.list.append(e.li);
    bands.p.list.append(p.li);
    return { z, e, p, slider, key: {} };
  }

  /** Set a text only when it changed (a MutationObserver then sees real changes only). */
  function put(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  function update(state, local) {
    const k = state.logits.length;
    while (rows.length < k) rows.push(makeRow(rows.length));
    while (rows.length > k) {
      const row = rows.pop();
      for (const part of [row.z, row.e, row.p]) part.li.remove();
    }
    const hard = !(state.t > 0);
    const shifted = !hard && !local.e; // e^(z/T) overflows: show e^(z/T - max)
    setText(bands.z.head, t("hero.z"));
    setText(bands.e.head, t(hard ? "hero.eHard" : shifted ? "hero.eShifted" : "hero.e"));
    setText(bands.p.head, t("hero.p"));
    setText(sumValue, hard ? "" : shifted ? t("hero.sumShifted") : t("hero.sum", { sum: num(local.sum) }));
    setText(sumWords, t(hard ? "hero.sumHard" : "hero.divide"));
    rows.forEach((row, i) => {
      const name = state.labels[i].trim() || t("logits.class", { n: i + 1 });
      for (const part of [row.z, row.e, row.p]) if (part.name.textContent !== name) part.name.textContent = name;
      const x = state.logits[i];
      const clamped = Math.min(Z_MAX, Math.max(Z_MIN, x));
      if (Number(row.slider.value) !== clamped) row.slider.value = String(clamped);
      if (row.key.label !== name + state.lang) {
        row.key.label = name + state.lang;
        row.slider.setAttribute("aria-label", t("logits.slider", { name }));
      }
      row.slider.setAttribute("aria-valuetext", logitText(x));
      row.z.fill.style.transform = `scaleX(${clamped / Z_MAX})`;
      put(row.z.value, compact(x));
      row.e.fill.style.transform = `scaleX(${local.shifted[i]})`;
      put(row.e.value, hard ? "—" : compact(shifted ? local.shifted[i] : local.e[i]));
      row.p.fill.style.transform = `scaleX(${local.p[i]})`;
      put(row.p.value, pct(local.p[i]));
      row.p.li.classList.toggle("top", i === local.top);
    });
    const best = t("hero.top", { name: state.labels[local.top], p: pct(local.p[local.top]) });
    if (top.textContent !== best) top.textContent = best;
  }

  return { update };
}
