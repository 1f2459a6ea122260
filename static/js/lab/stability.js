// Numerical stability: the naive and the stable softmax side by side (./stabtables.js), for
// the learner's logits, or for a demonstration with logits 1000, 999, -1000 at T = 1 asked of
// POST /api/softmax here: the demonstration leaves the learner's logits, T and address alone.

import { t } from "../i18n.js";
import { h, nextId, say, write } from "./dom.js";
import { errorText, makeRunner } from "./net.js";
import { createStabilityTables } from "./stabtables.js";

/** The demonstration's logits for k classes: two huge, close ones, the rest hugely negative. */
export const demoLogits = (k) => Array.from({ length: Math.max(3, k) }, (_, i) => (i === 0 ? 1000 : i === 1 ? 999 : -1000));

export function createStability(root, { store }) {
  const toggleId = nextId("naive");
  const toggle = h("input", { id: toggleId, type: "checkbox", class: "lab-switch", "data-testid": "lab-naive-toggle" });
  const demoButton = h("button", { type: "button", class: "lab-button", "data-testid": "lab-demo", i18n: "lab.stab.demo" });
  const verdict = h("p", { class: "lab-verdict", role: "status", "data-testid": "lab-naive-verdict" });
  const whose = h("p", { class: "lab-demo-note", hidden: true, "data-testid": "lab-demo-note", i18n: "lab.stab.demoNote" });
  const message = h("p", { class: "lab-message", role: "status" });
  const tables = createStabilityTables();
  // texts with a power (e^{z/T}): written in draw(), with a real superscript
  const explain = h("p", { class: "lab-note" });
  const toggleLabel = h("label", { for: toggleId });
  root.append(
    explain,
    h("div", { class: "lab-controls" }, [
      h("div", { class: "lab-field lab-check" }, [toggle, toggleLabel]),
      h("div", { class: "lab-buttons" }, [demoButton]),
    ]),
    whose, message, verdict, tables.root,
  );

  let state = null;
  let result = null; // the page's answer for the learner's logits
  let demo = null; // {labels, result} while the demonstration is shown
  let demoKey = ""; // the learner's logits and T when it began: a change of theirs ends it

  const runner = makeRunner("api/softmax", {
    onData(data) {
      message.textContent = "";
      if (demo) demo.result = data;
      draw();
    },
    onError: (err) => { message.textContent = errorText(err); },
    onWait: (err) => { message.textContent = errorText(err); },
  });

  toggle.addEventListener("change", () => draw());
  demoButton.addEventListener("click", () => (demo ? endDemo() : startDemo()));

  function startDemo() {
    const now = store.get(); // the lab may not have seen the latest state yet
    const logits = demoLogits(now.logits.length);
    demo = { labels: logits.map((_, i) => now.labels[i] ?? String(i + 1)), result: null };
    demoKey = JSON.stringify([now.logits, now.t]);
    toggle.checked = true;
    runner.run({ logits, temperature: 1 }, { force: true });
    draw();
  }

  function endDemo() {
    demo = null;
    runner.cancel();
    message.textContent = "";
    draw();
  }

  function draw() {
    write(explain, t("lab.stab.explain"));
    write(toggleLabel, t("lab.stab.toggle"));
    tables.showNaive(toggle.checked);
    whose.hidden = !demo;
    say(demoButton, demo ? "lab.stab.demoEnd" : "lab.stab.demo");
    const shown = demo ? demo.result : result;
    if (!shown || !state) return;
    const { text, bad } = tables.fill(shown, demo ? demo.labels : state.labels);
    write(verdict, text);
    verdict.classList.toggle("lab-bad", bad);
  }

  draw();

  return {
    update(next, softmaxResult) {
      state = next;
      if (demo && JSON.stringify([state.logits, state.t]) !== demoKey) endDemo(); // the learner's input wins
      if (softmaxResult) result = softmaxResult;
      draw();
    },
    relabel: () => draw(),
    numbers: () => result && { steps: result.steps, probabilities: result.probabilities },
  };
}
