// Beside the map: the probabilities under the cross (a data point's, or a place's), and the
// picker of the class a new point gets.
import { classColor } from "../colors.js";
import { num, pct } from "../format.js";
import { t } from "../i18n.js";
import { drawSwatch } from "./marks.js";
import { probabilitiesAt } from "./model.js";

const el = (tag, props = {}) => Object.assign(document.createElement(tag), props);

/** show(cross, info): info = {points, dataRows, classNames, w, b, T}; show(null) for the hint. */
export function createReadout(root) {
  return {
    show(cross, info) {
      if (!cross || !info) {
        root.replaceChildren(el("p", { textContent: t("readout.none") }));
        return;
      }
      const head = el("p", { className: "readout-head" });
      if (cross.point >= 0) {
        const pt = info.points[cross.point];
        const n = pt.added ? cross.point - info.dataRows + 1 : cross.point + 1;
        head.textContent = t(pt.added ? "readout.added" : "readout.point", { n, cls: info.classNames[pt.y] });
      } else {
        const [x, y] = cross.at.map((v) => num(v, 2, { fixed: true }));
        head.textContent = t("readout.at", { x, y });
      }
      const list = el("ul", { className: "readout-list" });
      probabilitiesAt(info.w, info.b, cross.at, info.T).forEach((p, k) => {
        const li = el("li");
        li.style.setProperty("--c", classColor(k));
        li.append(el("span", { className: "readout-name", textContent: info.classNames[k] }),
          el("span", { className: "readout-p", textContent: pct(p) }));
        list.append(li);
      });
      root.replaceChildren(head, list);
    },
  };
}

/** Radio buttons, one per class with its marker; onPick(k). */
export function fillClassPicker(root, classNames, chosen, onPick) {
  root.replaceChildren();
  classNames.forEach((name, k) => {
    const radio = el("input", { type: "radio", name: "clf-class", value: String(k) });
    radio.checked = k === chosen;
    radio.addEventListener("change", () => onPick(k));
    const swatch = el("canvas", { width: 18, height: 18, className: "swatch" });
    swatch.setAttribute("aria-hidden", "true");
    drawSwatch(swatch, k);
    const label = el("label");
    label.append(radio, swatch, " ", el("span", { textContent: name }));
    root.append(label);
  });
}
