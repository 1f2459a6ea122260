// Entropy in nats and bits against its maximum log K, with a bar and words.
import { num } from "./format.js";
import { t } from "./i18n.js";

function el(tag, props = {}) {
  return Object.assign(document.createElement(tag), props);
}

export function createEntropy(root) {
  const text = el("p", { className: "entropy-text" });
  const track = el("span", { className: "track wide" });
  const fill = el("span", { className: "fill entropy" });
  track.append(fill);
  track.setAttribute("aria-hidden", "true");
  const words = el("p", { className: "muted" });
  root.replaceChildren(text, track, words);

  function update(state, result) {
    root.classList.toggle("stale", !result);
    if (!result) return;
    const k = state.labels.length;
    text.textContent = t("entropy.text", {
      nats: num(result.entropy, 3, { fixed: true }), // "1.000 bits", not "1 bits"
      bits: num(result.entropy_bits, 3, { fixed: true }),
      k,
      max: num(result.max_entropy),
    });
    const ratio = result.max_entropy > 0 ? Math.min(1, result.entropy / result.max_entropy) : 0;
    fill.style.transform = `scaleX(${ratio})`;
    let key = "entropy.middle";
    if (ratio < 0.2) key = "entropy.low";
    else if (ratio > 0.9) key = "entropy.high";
    words.textContent = t(key);
  }

  return { update };
}
