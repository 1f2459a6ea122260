// embed-code.js: the Share dialog's <iframe> code is valid HTML and keeps its address encoded.
import assert from "node:assert/strict";
import { test } from "node:test";
import { attribute, embedCode } from "../../static/js/embed-code.js";

test("the characters of an attribute that HTML reads are escaped, & first", () => {
  assert.equal(attribute('a&b "c" <d> &amp;'), "a&amp;b &quot;c&quot; &lt;d&gt; &amp;amp;");
  assert.equal(attribute("Софтмакс"), "Софтмакс");
});

test("the <iframe> code: its src with &amp;, percent-escapes kept, the title escaped", () => {
  const src = "http://127.0.0.1:8000/?labels=%D0%BA%D0%BE%D1%82,a%26b&logits=1,2&embed=1";
  assert.equal(
    embedCode(src, 'Softmax "Explorer"'),
    '<iframe src="http://127.0.0.1:8000/?labels=%D0%BA%D0%BE%D1%82,a%26b&amp;logits=1,2&amp;embed=1"'
      + ' title="Softmax &quot;Explorer&quot;" width="100%" height="640" loading="lazy"></iframe>',
  );
});
