// format.js: the one number formatter of the page, in both languages.
import assert from "node:assert/strict";
import { test } from "node:test";
import { compact, logit, logitText, num, pct, sci } from "../../static/js/format.js";
import { registerStrings, setLanguage } from "../../static/js/i18n.js";

globalThis.document ??= { documentElement: {}, querySelectorAll: () => [] }; // setLanguage re-applies the page
registerStrings({ en: { overflow: "overflow" }, ru: { overflow: "переполнение" } });
const NB = "\u00a0";

test("shares: one decimal, a no-break space before %", () => {
  setLanguage("en");
  assert.equal(pct(0.8756005950630876), `87.6${NB}%`);
  assert.equal(pct(5.77e-8), `<${NB}0.1${NB}%`);
  assert.equal(pct(0.99999), `>${NB}99.9${NB}%`);
  setLanguage("ru");
  assert.equal(pct(0.11849965453500959), `11,8${NB}%`);
});

test("values: 3 decimals, scientific when tiny or huge, a real minus, ru comma", () => {
  setLanguage("en");
  assert.equal(num(54.598150033144236), "54.598");
  assert.equal(num(-1.5), "−1.5");
  assert.equal(num(1e-5), "1×10⁻⁵");
  assert.equal(num(1e-5, 3, { fixed: true }), "1.00×10⁻⁵");
  assert.equal(num(5.770170e-8, 4), "5.77×10⁻⁸");
  assert.equal(num(1, 3, { fixed: true }), "1.000");
  assert.equal(num(null), "overflow");
  setLanguage("ru");
  assert.equal(num(62.35513), "62,355");
  assert.equal(num(5.770170e-8, 4), "5,77·10⁻⁸"); // salad at T = 0.3
  assert.equal(num(-2.5e9), "−2,5·10⁹");
  assert.equal(num(null), "переполнение");
});

test("a logit as typed, in the page's format", () => {
  setLanguage("en");
  assert.equal(logit(-1.5), "−1.5");
  assert.equal(logit(0.3), "0.3");
  setLanguage("ru");
  assert.equal(logit(-1.5), "−1,5");
  assert.equal(logit(1e-7), "1e-7");
  setLanguage("en");
});

test("a logit or T to read: exact, with a power of ten rather than e", () => {
  setLanguage("en");
  assert.equal(logitText(1e-300), "1×10⁻³⁰⁰");
  assert.equal(logitText(-1.7976931348623157e308), "−1.7976931348623157×10³⁰⁸");
  assert.equal(logitText(2.5), "2.5");
  setLanguage("ru");
  assert.equal(logitText(1.25e-7), "1,25·10⁻⁷");
  assert.equal(logitText(-0.3), "−0,3");
  setLanguage("en");
});

test("compact values for the figure's narrow columns", () => {
  setLanguage("en");
  assert.equal(compact(54.598150033144236), "54.598");
  assert.equal(compact(-1), "−1");
  assert.equal(compact(9820.67), "9820.7");
  assert.equal(compact(268337.28), "2.7×10⁵");
  assert.equal(compact(-1e308), "−1×10³⁰⁸");
  assert.equal(compact(5.77e-8), "5.8×10⁻⁸");
  assert.equal(compact(0), "0");
  setLanguage("ru");
  assert.equal(compact(268337.28), "2,7·10⁵");
  assert.equal(compact(622494.2), "6,2·10⁵"); // e^{4/0.3}: not "6,2e5", which reads as 6,2·e⁵
  assert.equal(compact(0.717), "0,717");
  setLanguage("en");
});

test("scientific notation: no letter e, superscript power with a real minus", () => {
  for (const lang of ["en", "ru"]) {
    setLanguage(lang);
    for (const x of [6.2e5, 5.77e-8, -1e308, 2.2e4, 1e-300]) {
      const text = sci(x);
      assert.doesNotMatch(text, /e|-/, text);
      assert.match(text, lang === "ru" ? /^−?\d(,\d+)?·10⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/ : /^−?\d(\.\d+)?×10⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/, text);
    }
  }
  setLanguage("en");
});
