// The learning lab (a third of the page's code) loads after the first answer: when its section
// comes within a screen, else when the browser is idle; never while hidden or in an embed.
// If it cannot load, a note under its title says so, with Try again.
import { createLoadNote, stylesheet, whenNear } from "./lazy.js";

/** Returns soon(): call it once the page shows an answer. */
export function createLabLoader(lab, isEmbed) {
  let loading = false;
  let asked = false; // soon() runs on every render with an answer: ask for idle time once
  const track = createLoadNote((note) => lab.querySelector(".lab-intro").after(note));
  function load() {
    if (loading || isEmbed()) return;
    loading = true;
    const parts = Promise.all([import("./lab/main.js"), stylesheet("static/css/lab.css")]);
    track(parts, () => {
      loading = false;
      load();
    }).then((done) => done?.[0].start(lab));
  }
  if (lab) whenNear(lab, load, "100% 0px"); // a hidden section never comes near
  return function soon() {
    if (asked || loading || !lab || lab.hidden || isEmbed()) return;
    asked = true;
    const idle = window.requestIdleCallback || ((callback) => setTimeout(callback, 300));
    idle(load, { timeout: 2000 });
  };
}
