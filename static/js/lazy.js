// Loading on demand: a stylesheet, once, with a promise of its arrival (then draw styled).
const sheets = new Map();

/** Append <link rel=stylesheet href> once; resolves when it has loaded (or failed). */
export function stylesheet(href) {
  if (!sheets.has(href)) {
    const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href });
    sheets.set(href, new Promise((resolve) => {
      link.onload = link.onerror = resolve;
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
