// The cross-entropy panel's target: a class from a menu, or a distribution typed in a box
// ("0.7, 0.2, 0.1"; "0,7; 0,2; 0,1" in Russian). Valid distributions go into the state and
// the address; anything else is left to the panel to say (onInvalid).

import { clear, h, nextId, say } from "./dom.js";
import { boxText } from "./num.js";
import { distributionText, parseDistribution, sameNumbers, targetIndex, validDistribution } from "./target.js";

export function createTargetPicker({ store, onInvalid }) {
  const ids = { select: nextId("target"), custom: nextId("custom") };
  const customOption = h("option", { value: "custom", i18n: "lab.xent.custom" });
  const select = h("select", { id: ids.select, class: "lab-input" }, [customOption]);
  const input = h("input", { id: ids.custom, class: "lab-input", type: "text", inputmode: "decimal",
    autocomplete: "off", spellcheck: "false" });
  const field = h("div", { class: "lab-field" }, [h("label", { for: ids.select, i18n: "lab.xent.target" }), select]);
  const customRow = h("div", { class: "lab-field lab-span", hidden: true }, [
    h("label", { for: ids.custom, i18n: "lab.xent.customLabel" }), input]);

  let state = null;
  let labelsKey = "";
  let custom = null; // a parsed target distribution, or null for a class index
  let stored = null; // the last distribution this picker put into the state

  select.addEventListener("change", () => {
    if (select.value === "custom") {
      customRow.hidden = false;
      // Start from the one-hot target of the class chosen so far, unless the box still
      // holds a distribution that fits: the state then holds one from the start.
      read();
      if (state && !validDistribution(custom, state.logits.length)) {
        const index = targetIndex(state);
        write(state.logits.map((_, i) => (i === index ? 1 : 0)));
        read();
      }
      keep();
    } else {
      customRow.hidden = true;
      custom = null;
      store.set({ target: Number(select.value) });
    }
  });
  input.addEventListener("input", () => {
    read();
    keep();
  });

  /** A valid distribution goes into the state (and the address); anything else is only said. */
  function keep() {
    if (state && validDistribution(custom, state.logits.length)) {
      stored = custom.slice();
      store.set({ target: stored });
    } else {
      onInvalid();
    }
  }

  /** Numbers into the box, separated as parseDistribution reads them in the page's language. */
  function write(values) {
    input.value = distributionText(values, state.lang, boxText);
  }

  function read() {
    custom = parseDistribution(input.value);
  }

  /** Show the state's distribution in the box when it came from elsewhere (the address, Back,
   *  a new class); the echo of what was typed leaves the box alone, the person may type on. */
  function showCustom(target, relang) {
    select.value = "custom";
    customRow.hidden = false;
    if (sameNumbers(target, stored)) {
      if (relang && document.activeElement !== input) write(stored); // the new language's format
      return;
    }
    write(target);
    custom = target.slice();
    stored = target.slice();
  }

  /** Rebuild the class list when the names change; true if they did. */
  function syncLabels() {
    const key = JSON.stringify(state.labels);
    if (key === labelsKey) return false;
    labelsKey = key;
    const keepValue = select.value;
    clear(select);
    state.labels.forEach((label, i) => select.append(h("option", { value: String(i), text: label })));
    // out of the document a moment, it may have missed a change of language
    select.append(say(customOption, "lab.xent.custom"));
    // Say which option is chosen: a rebuilt list may otherwise show any of them.
    select.value = keepValue === "custom" ? "custom" : String(targetIndex(state));
    return true;
  }

  return {
    field,
    customRow,
    /** New page state; says whether the class names changed. */
    update(next) {
      const relang = state !== null && state.lang !== next.lang;
      state = next;
      const renamed = syncLabels();
      if (Array.isArray(state.target)) {
        showCustom(state.target, relang);
      } else {
        // A class from elsewhere (a preset, Back, a removed class): the menu follows it.
        customRow.hidden = true;
        custom = stored = null;
        select.value = String(targetIndex(state));
      }
      return renamed;
    },
    /** The distribution being asked about, or null for a class (then the state's target). */
    custom: () => (select.value === "custom" ? custom : null),
  };
}
