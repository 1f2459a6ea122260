// Links to the site's other pages carry the reader's language (?lang=), kept current when the
// reader switches: a Russian reader of the article lands on a Russian classifier, whatever the
// browser's own language. The links are marked <a data-lang-link>.
import { getLanguage, onLanguageChange } from "./i18n.js";

/** `href` with its ?lang= set to `lang`, its other parameters and #fragment kept:
 *  langHref("classifier", "ru") -> "classifier?lang=ru". */
export function langHref(href, lang) {
  const hashAt = href.indexOf("#");
  const hash = hashAt < 0 ? "" : href.slice(hashAt);
  const rest = hashAt < 0 ? href : href.slice(0, hashAt);
  const [path, query = ""] = rest.split("?", 2);
  const params = new URLSearchParams(query);
  params.set("lang", lang);
  return `${path}?${params}${hash}`;
}

/** Keep every <a data-lang-link> under `root` pointing at the current language. */
export function keepLanguageInLinks(root = document) {
  const links = [...root.querySelectorAll("a[data-lang-link]")];
  const apply = (lang) => {
    for (const a of links) a.setAttribute("href", langHref(a.getAttribute("href"), lang));
  };
  apply(getLanguage());
  return onLanguageChange(apply);
}
