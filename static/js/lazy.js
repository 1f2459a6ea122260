// Loading on demand: a stylesheet, once, with a promise of its arrival (then draw styled); a
// part when it comes near; a word for the reader while it loads or if it fails.
import { registerStrings, t } from "./i18n.js";

registerStrings({
  en: { "load.busy": "Loading…", "load.failed": "This part did not load (is the network down?).", "load.retry": "Try again" },
  ru: { "load.busy": "Загрузка…", "load.failed": "Эта часть не загрузилась (нет сети?).", "load.retry": "Повторить" },
});

const sheets = new Map();

/** Append <link rel=stylesheet href> once; resolves when it has loaded (or failed: a later
 *  call tries again). */
export function stylesheet(href) {
  if (!sheets.has(href)) {
    const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href });
    sheets.set(href, new Promise((resolve) => {
      link.onload = resolve;
      link.onerror = () => {
        sheets.delete(href);
        link.remove();
        resolve();
      };
    }));
    document.head.append(link);
  }
  return sheets.get(href);
}

/** Call `start` once `element` comes within `margin` of the viewport (never while hidden). */
export function whenNear(element, start, margin = "50% 0px") {
  if (!("IntersectionObserver" in window)) return start();
  const near = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    near.disconnect();
    start();
  }, { rootMargin: margin });
  near.observe(element);
}

/** A note on a part loaded on demand, put in the page by place(note) when needed. Returns
 *  track(promise, retry): "Loading…" if the promise is slow; if it fails, says so with a
 *  Try again button (retry). Resolves to the promise's value, or null if it failed. */
export function createLoadNote(place) {
  let note = null;
  function say(key, retry) {
    if (!note) {
      note = Object.assign(document.createElement("p"), { className: "load-note" });
      note.setAttribute("role", "status");
      place(note);
    }
    note.dataset.state = key;
    note.replaceChildren(t(`load.${key}`));
    if (!retry) return;
    const again = Object.assign(document.createElement("button"), { type: "button", className: "btn", textContent: t("load.retry") });
    again.onclick = retry;
    note.append(" ", again);
  }
  return (promise, retry) => {
    const timer = setTimeout(say, 250, "busy"); // a quick load shows no "Loading…"
    return promise.then(
      (value) => {
        clearTimeout(timer);
        note?.remove();
        note = null;
        return value;
      },
      () => {
        clearTimeout(timer);
        say("failed", retry);
        return null;
      },
    );
  };
}
