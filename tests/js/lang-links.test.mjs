// lang-links.js: the links to the other pages carry the reader's language.
import assert from "node:assert/strict";
import { test } from "node:test";
import { langHref } from "../../static/js/lang-links.js";

test("a link gets ?lang=, replacing an old one and keeping the rest", () => {
  assert.equal(langHref("classifier", "ru"), "classifier?lang=ru");
  assert.equal(langHref("classifier?lang=en", "ru"), "classifier?lang=ru");
  assert.equal(langHref("./?lang=ru", "en"), "./?lang=en");
  assert.equal(langHref("digits?t=2&lang=ru#pad", "en"), "digits?t=2&lang=en#pad");
});
