// The <iframe> code of the Share dialog. Its address stays percent-encoded: a page that embeds
// it may not be UTF-8 (an old windows-1251 site), and a browser encodes a query written in
// Cyrillic in the page's own encoding, which the figure could not read. Pure: no DOM.

/** Text made safe inside a double-quoted HTML attribute. */
export function attribute(text) {
  return String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** embedCode("https://x/?a=1&b=2", "T") -> '<iframe src="https://x/?a=1&amp;b=2" title="T" ...>'. */
export function embedCode(src, title) {
  return `<iframe src="${attribute(src)}" title="${attribute(title)}" width="100%" height="640" loading="lazy"></iframe>`;
}
