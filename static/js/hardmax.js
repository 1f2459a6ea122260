// The hard max panel (#hardmax). Its pictures (hardmax-plots.js, svgplot.js, pictures.css)
// load when the panel comes near the screen, so they cost the first paint nothing; if they
// cannot load (offline), the panel says so, with a retry, instead of staying an empty box.
import { registerStrings } from "./i18n.js";
import { createLoadNote, stylesheet, whenNear } from "./lazy.js";

registerStrings({ en: { "hardmax.h": "Hard max against softmax" }, ru: { "hardmax.h": "Жёсткий максимум и softmax" } });

/** Draw the pictures into #hardmax once it is near, then on every render of the store. */
export function initHardmax(store) {
  const root = document.getElementById("hardmax");
  if (!root) return;
  root.classList.add("plots-pending"); // keeps their room meanwhile
  const track = createLoadNote((note) => root.append(note));
  function start() {
    track(Promise.all([import("./hardmax-plots.js"), stylesheet("static/css/pictures.css")]), start).then((loaded) => {
      if (!loaded) return;
      const pictures = loaded[0].createHardmax(root);
      root.classList.remove("plots-pending");
      pictures.update(store.get(), store.current() ? store.result() : null);
      store.subscribe((state, result) => pictures.update(state, result));
    });
  }
  whenNear(root, start);
}
