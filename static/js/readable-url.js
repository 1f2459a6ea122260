// A link people can read: the percent-escapes of letters, digits and accents beyond ASCII are
// shown as the characters themselves (labels=пицца, not labels=%D0%BF%D0%B8...). Browsers and
// chat apps open such a link by encoding it again as UTF-8, so it loads the same state.
// Everything else stays escaped: every ASCII escape (%20 space, %26 &, %23 #, %25 %, %2B +,
// %2C a comma inside a label), invisible characters (spaces, controls, bidi and zero-width
// marks), and punctuation, symbols and emoji, at which some chat apps end a link. Pure: no DOM.

const RUN = /(?:%[0-9A-Fa-f]{2})+/g;
// Invisible letters (the Hangul fillers) and marks (variation selectors) are "default ignorable".
const SHOWN = /^(?!\p{Default_Ignorable_Code_Point})[\p{L}\p{N}]$/u;
const MARK = /^(?!\p{Default_Ignorable_Code_Point})\p{M}$/u; // an accent: after a shown character

/** Every UTF-8 byte of `ch` as %XX (what encodeURIComponent does to the characters kept). */
function escape(ch) {
  return [...new TextEncoder().encode(ch)].map((b) => "%" + b.toString(16).toUpperCase().padStart(2, "0")).join("");
}

function readableRun(run, afterLetter) {
  let text;
  try {
    text = decodeURIComponent(run);
  } catch {
    return run; // not UTF-8: leave it as it came
  }
  let out = "";
  let shownBefore = afterLetter;
  for (const ch of text) {
    const show = ch.codePointAt(0) > 0x7f && (SHOWN.test(ch) || (MARK.test(ch) && shownBefore));
    out += show ? ch : escape(ch);
    shownBefore = show;
  }
  return out;
}

/**
 * readableQuery("?labels=%D0%BA%D0%BE%D1%82%20%26") -> "?labels=кот%20%26".
 * Only the escapes change; the rest of `query` is returned as it is.
 */
export function readableQuery(query) {
  return query.replace(RUN, (run, at) => readableRun(run, /[A-Za-z0-9]/.test(query[at - 1] ?? "")));
}
