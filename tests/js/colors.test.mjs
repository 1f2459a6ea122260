import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { CLASS_COLOURS, classColor } from "../../static/js/colors.js";

test("each class keeps one colour, repeating after the palette", () => {
  assert.equal(classColor(0), "var(--class-0)");
  assert.equal(classColor(CLASS_COLOURS + 2), classColor(2));
  assert.notEqual(classColor(1), classColor(2));
});

test("every colour is defined in the stylesheet, light and dark", () => {
  const css = readFileSync(new URL("../../static/css/app.css", import.meta.url), "utf8");
  for (let i = 0; i < CLASS_COLOURS; i++) {
    const count = css.split(`--class-${i}:`).length - 1;
    assert.equal(count, 2, `--class-${i} defined ${count} times`);
  }
});
