// The learning lab (a third of the page's code) loads after the page has shown its first
// answer: when its section comes within a screen of the viewport (at once for a link to
// #lab), else when the browser is next idle, so that the whole page is there to read,
// print or capture without scrolling. Never while ?hide= hides it, nor in an embed (the
// figure alone). Its state (target=, seed=, ...) is in the store from the start.

/** Returns soon(): call it once the page shows an answer. */
export function createLabLoader(lab, isEmbed) {
  let loading = false;
  let asked = false; // soon() runs on every render with an answer: ask for idle time once
  function load() {
    if (loading || isEmbed()) return;
    loading = true;
    const sheet = Object.assign(document.createElement("link"), { rel: "stylesheet", href: "static/css/lab.css" });
    const styled = new Promise((resolve) => {
      sheet.onload = sheet.onerror = resolve;
    });
    document.head.append(sheet);
    Promise.all([import("./lab/main.js"), styled]).then(([module]) => module.start(lab));
  }
  if (lab && "IntersectionObserver" in window) {
    const near = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      near.disconnect();
      load();
    }, { rootMargin: "100% 0px" });
    near.observe(lab); // a hidden section never intersects
  }
  return function soon() {
    if (asked || loading || !lab || lab.hidden || isEmbed()) return;
    asked = true;
    const idle = window.requestIdleCallback || ((callback) => setTimeout(callback, 300));
    idle(load, { timeout: 2000 });
  };
}
