// Example buttons from GET /api/presets; the one matching the current state is pressed.
// A preset's description quotes its numbers at its own T: at another T the caption gives
// the shares shown instead.
import { getJSON } from "./api.js";
import { logit, pct } from "./format.js";
import { t } from "./i18n.js";

const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

function matches(preset, state) {
  return same(preset.logits, state.logits) && Object.values(preset.labels).some((l) => same(l, state.labels));
}

function caption(preset, state, local) {
  const lang = state.lang;
  if (preset.temperature === state.t) return preset.description[lang] || preset.description.en;
  const list = state.labels.map((label, i) => `${label} ${pct(local.p[i])}`).join(", ");
  const title = preset.title[lang] || preset.title.en;
  return t(state.t > 0 ? "presets.atT" : "presets.atZero", { title, t: logit(state.t), list });
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
        if (last) update(...last);
      })
      .catch(() => {
        failed = true;
        if (last) update(...last);
        setTimeout(load, 3000);
      });
  }
  load();

  function update(state, local) {
    last = [state, local];
    const lang = state.lang;
    let active = null;
    presets.forEach((preset, i) => {
      const b = buttons[i];
      const title = preset.title[lang] || preset.title.en;
      if (b.textContent !== title) b.textContent = title;
      const on = matches(preset, state);
      b.setAttribute("aria-pressed", String(on && preset.temperature === state.t));
      if (on) active = preset;
    });
    let text = active ? caption(active, state, local) : t("presets.custom");
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
