// Translations. Any module registers its own strings; elements in the page carry
//   data-i18n="key"                      -> textContent
//   data-i18n-attr="aria-label:key; title:key2"  -> attributes
// t("key", {name: "pizza"}) fills {name} placeholders. Text only, never markup; the one
// notation for a power, "e^{z/T}", is shown with a real superscript (setText below).

const strings = { en: {}, ru: {} };
const listeners = [];
let lang = "en";
// <html lang> as the server chose it (?lang=, Accept-Language), before we write ours over it.
const served = typeof document === "undefined" ? "" : document.documentElement.lang || "";

export function servedLanguage() {
  return served;
}

/** Add strings: registerStrings({en: {key: "..."}, ru: {key: "..."}}); re-applies the page. */
export function registerStrings(table) {
  for (const [code, entries] of Object.entries(table)) {
    strings[code] = { ...(strings[code] || {}), ...entries };
  }
  applyTranslations();
}

/** The current language's text for `key` (English, then the key itself, as fallbacks). */
export function t(key, vars) {
  let text = (strings[lang] && strings[lang][key]) ?? strings.en[key] ?? key;
  if (vars) text = text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
  return text;
}

const known = (key) => key in strings.en || key in (strings[lang] || {});

export function getLanguage() {
  return lang;
}

/** Switch language: updates <html lang>, every data-i18n element and <a data-lang-link>
 *  (?lang=), then calls listeners. */
export function setLanguage(code) {
  if (code === lang || !(code in strings)) return;
  lang = code;
  applyTranslations();
  for (const fn of listeners.slice()) fn(lang);
}

/** fn(lang) after each language change; returns a function that removes it. */
export function onLanguageChange(fn) {
  listeners.push(fn);
  return () => {
    const i = listeners.indexOf(fn);
    if (i >= 0) listeners.splice(i, 1);
  };
}

/** Translate the data-i18n elements under `root` (the whole document by default). */
export function applyTranslations(root = document) {
  document.documentElement.lang = lang;
  // Links to our other pages keep the reader's language.
  for (const a of root.querySelectorAll("a[data-lang-link]")) a.search = "lang=" + lang;
  for (const el of root.querySelectorAll("[data-i18n]")) {
    if (!known(el.dataset.i18n)) continue; // a module that registers it later translates it
    setText(el, t(el.dataset.i18n));
  }
  for (const el of root.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of el.dataset.i18nAttr.split(";")) {
      const [attr, key] = pair.split(":").map((s) => s.trim());
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
}

const formats = new Map();
/** Format a number for the current language: fmt(0.876, {maximumFractionDigits: 3}). */
export function fmt(x, options = { maximumFractionDigits: 3 }) {
  const id = lang + JSON.stringify(options);
  let f = formats.get(id);
  if (!f) {
    f = new Intl.NumberFormat(lang, options);
    formats.set(id, f);
  }
  return f.format(x);
}

const POWER = /\^\{([^}]*)\}/g;
const shownText = new WeakMap();

/** el's text, with each "^{...}" as a <sup> (built as nodes: user text is never markup). */
export function setText(el, text) {
  if (shownText.get(el) === text) return;
  shownText.set(el, text);
  if (!text.includes("^{")) {
    el.textContent = text;
    return;
  }
  const parts = [];
  let at = 0;
  for (const m of text.matchAll(POWER)) {
    parts.push(text.slice(at, m.index), Object.assign(document.createElement("sup"), { textContent: m[1] }));
    at = m.index + m[0].length;
  }
  parts.push(text.slice(at));
  el.replaceChildren(...parts);
}
