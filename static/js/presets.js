// Example buttons from GET /api/presets; the one matching the current state is pressed.
import { getJSON } from "./api.js";
import { t } from "./i18n.js";

const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

function matches(preset, state) {
  return same(preset.logits, state.logits) && Object.values(preset.labels).some((l) => same(l, state.labels));
}

export function createPresets(root, description, { onPick }) {
  let presets = [];
  let buttons = [];
  let last = null;
  let failed = false;

  // The buttons come rendered by the server (titles only); clicks wait for the data.
  root.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-preset]");
    const preset = button && presets.find((p) => p.id === button.dataset.preset);
    if (preset) onPick(preset);
  });

  function build() {
    const existing = new Map([...root.querySelectorAll("button[data-preset]")].map((b) => [b.dataset.preset, b]));
    buttons = presets.map((preset) => {
      let b = existing.get(preset.id);
      if (!b) {
        b = Object.assign(document.createElement("button"), { type: "button", className: "btn preset" });
        b.dataset.preset = preset.id;
      }
      return b;
    });
    root.replaceChildren(...buttons);
  }

  function load() {
    getJSON("api/presets")
      .then((data) => {
        presets = data.presets;
        failed = false;
        build();
        if (last) update(last);
      })
      .catch(() => {
        failed = true;
        if (last) update(last);
        setTimeout(load, 3000);
      });
  }
  load();

  function update(state) {
    last = state;
    const lang = state.lang;
    let active = null;
    presets.forEach((preset, i) => {
      const b = buttons[i];
      const title = preset.title[lang] || preset.title.en;
      if (b.textContent !== title) b.textContent = title;
      const on = matches(preset, state);
      b.setAttribute("aria-pressed", String(on));
      if (on) active = preset;
    });
    let text = active ? active.description[lang] || active.description.en : t("presets.custom");
    if (failed && !presets.length) text = t("presets.failed");
    if (description.textContent !== text) description.textContent = text;
  }

  /** Labels of a preset in `from` translated to `to`, if `labels` are exactly a preset's. */
  function translate(labels, from, to) {
    for (const preset of presets) {
      if (preset.labels[from] && preset.labels[to] && same(preset.labels[from], labels)) return preset.labels[to].slice();
    }
    return null;
  }

  return { update, translate };
}
