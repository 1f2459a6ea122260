// The Share dialog: the link to this state and the <iframe> code of the figure
// (?embed=1), both with the panels the reader ticks (the rest go into hide=). Loaded on
// the first click of the Share button (it is not needed for the first paint).
import { embedCode } from "./embed-code.js";
import { t } from "./i18n.js";
import { readableQuery } from "./readable-url.js";
import { serialize } from "./url.js";

function el(tag, props = {}) {
  return Object.assign(document.createElement(tag), props);
}

/** A read-only field of three lines (a long link wraps, on a phone too) with a Copy button. */
function copyField(parent, id) {
  const label = el("label", { htmlFor: id, className: "share-label" });
  const field = el("textarea", { id, rows: 3, readOnly: true, className: "share-field", spellcheck: false });
  const copy = el("button", { type: "button", className: "btn share-copy" });
  copy.addEventListener("click", () => {
    field.select();
    const done = () => (copy.textContent = t("share.copied"));
    if (navigator.clipboard) navigator.clipboard.writeText(field.value).then(done, () => {});
    else done();
  });
  parent.append(label, field, copy);
  return { label, field, copy };
}

let opener = null;

/** Open the dialog for `button` (built on the first call); getState() -> the store's state. */
export function openShare(button, getState) {
  if (!opener) opener = createShare(button, getState);
  opener();
}

function createShare(open, getState) {
  const dialog = el("dialog", { id: "share", className: "share" });
  dialog.setAttribute("aria-labelledby", "share-h");
  const heading = el("h2", { id: "share-h" });
  // The link and the code come first, so they are on screen when the dialog opens (on a
  // phone too); the list of panels below them scrolls in the room that is left.
  const body = el("div", { className: "share-body" });
  const link = copyField(body, "share-link");
  const frame = copyField(body, "share-embed");
  // A group, not a <fieldset>: Chromium does not clip a fieldset that a flex column shrinks.
  const panelsBox = el("div", { className: "share-panels" });
  panelsBox.setAttribute("role", "group");
  panelsBox.setAttribute("aria-labelledby", "share-panels-h");
  const legend = el("p", { id: "share-panels-h", className: "share-legend" });
  const list = el("div", { className: "share-list" });
  panelsBox.append(legend, list);
  const close = el("button", { type: "button", className: "btn", id: "share-close" });
  dialog.append(heading, body, panelsBox, close);
  document.body.append(dialog);
  const boxes = new Map(); // panel name -> checkbox

  function panels() {
    // Panels the reader can keep or hide: every data-panel section with a heading.
    return [...document.querySelectorAll("main [data-panel]")].filter((p) => p.querySelector("h2, h3"));
  }

  function build() {
    for (const panel of panels()) {
      const name = panel.dataset.panel;
      if (!boxes.has(name)) {
        const box = el("input", { type: "checkbox", id: "share-" + name, value: name });
        box.addEventListener("change", fill);
        const label = el("label", { htmlFor: box.id, className: "share-panel" });
        label.append(box, el("span"));
        list.append(label);
        boxes.set(name, box);
      }
      const box = boxes.get(name);
      box.nextSibling.textContent = panel.querySelector("h2, h3").textContent;
      box.checked = !getState().hide.includes(name);
    }
  }

  function fill() {
    const state = getState();
    const hide = [...state.hide.filter((h) => !boxes.has(h))];
    for (const [name, box] of boxes) if (!box.checked) hide.push(name);
    const base = location.origin + location.pathname;
    // The link as people read it (and Copy copies), with Cyrillic labels in letters.
    link.field.value = base + readableQuery(serialize({ ...state, embed: false, hide }));
    frame.field.value = embedCode(base + serialize({ ...state, embed: true, hide }), t("share.frameTitle"));
    for (const part of [link, frame]) part.copy.textContent = t("share.copy");
  }

  function texts() {
    heading.textContent = t("share.h");
    legend.textContent = t("share.panels");
    link.label.textContent = t("share.link");
    frame.label.textContent = t("share.embed");
    close.textContent = t("share.close");
  }

  close.addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => open.focus());

  return () => {
    texts();
    build();
    fill();
    dialog.showModal();
    // Selected for Ctrl+C, and scrolled back to where the link begins (its labels, on a phone).
    link.field.select();
    link.field.scrollTop = 0;
  };
}
