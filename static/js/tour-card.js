// The tour's card: its DOM, built once (build), and its answer buttons (paintChoices). Text
// goes in as text; what is in ^(...) becomes a <sup> (rich). Used by tour.js.
import { t } from "./i18n.js";
import { fillText } from "./tour-steps.js";

export function el(tag, props = {}, children = []) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

const shownText = new WeakMap();
/** Put text in a node, what is in ^(...) as a superscript (DOM nodes, never markup). */
export function rich(node, text) {
  if (shownText.get(node) === text) return;
  shownText.set(node, text);
  const parts = text.split(/\^\(((?:[^()]|\([^()]*\))*)\)/);
  node.replaceChildren(...parts.map((part, i) => (i % 2 ? el("sup", { textContent: part }) : part)));
}

/** The card (hidden, before <main>) and its parts, built once. */
export function build() {
  const card = el("section", { className: "tour", id: "tour", hidden: true });
  card.setAttribute("role", "dialog");
  card.setAttribute("aria-labelledby", "tour-name tour-title");
  const ui = {
    card,
    name: el("span", { className: "tour-name", id: "tour-name" }),
    count: el("span", { className: "tour-count", id: "tour-count" }),
    close: el("button", { type: "button", className: "btn tour-close" }),
    title: el("h2", { id: "tour-title", tabIndex: -1 }),
    text: el("p", { className: "tour-text" }),
    question: el("p", { className: "tour-q", id: "tour-q" }),
    choices: el("div", { className: "tour-choices" }),
    verdict: el("p", { className: "tour-verdict" }),
    explain: el("p", { className: "tour-explain" }),
    links: el("ul", { className: "tour-links" }),
    back: el("button", { type: "button", className: "btn tour-back" }),
    next: el("button", { type: "button", className: "btn tour-next" }),
  };
  ui.choices.setAttribute("role", "group");
  ui.choices.setAttribute("aria-labelledby", "tour-q");
  ui.ask = el("div", { className: "tour-ask" }, [ui.question, ui.choices]);
  ui.answer = el("div", { className: "tour-answer" }, [ui.verdict, ui.explain]);
  const live = el("div", { className: "tour-live" }, [ui.answer]);
  live.setAttribute("aria-live", "polite");
  ui.body = el("div", { className: "tour-body" }, [ui.title, ui.text, ui.ask, live, ui.links]);
  card.append(
    el("div", { className: "tour-head" }, [el("p", {}, [ui.name, " ", ui.count]), ui.close]),
    ui.body,
    el("div", { className: "tour-nav" }, [ui.back, ui.next]),
  );
  const main = document.querySelector("main");
  if (main) main.before(card);
  else document.body.append(card);
  return ui;
}

const MARKS = { correct: "✓", wrong: "✗" };

/** The choices; once revealed the right one is marked ✓ and a wrong pick ✗ (in colours that
 *  are not the pressed button's, and in words for a screen reader). */
export function paintChoices(ui, s, values, answered, revealed) {
  const keys = [0, 1, 2].map((i) => `tour.${s.id}.c${i}`);
  while (ui.choices.children.length < keys.length) {
    const sign = el("span", { className: "tour-mark" });
    sign.setAttribute("aria-hidden", "true");
    const b = el("button", { type: "button", className: "btn tour-choice" }, [
      el("span", { className: "tour-choice-text" }), sign, el("span", { className: "sr-only" }),
    ]);
    b.dataset.i = String(ui.choices.children.length);
    ui.choices.append(b);
  }
  keys.forEach((key, i) => {
    const b = ui.choices.children[i];
    const mark = !revealed ? null : i === s.answer ? "correct" : i === answered ? "wrong" : null;
    const [text, sign, said] = b.children;
    rich(text, fillText(t(key), values));
    sign.textContent = mark ? MARKS[mark] : "";
    said.textContent = mark ? ` (${t(`tour.mark.${mark}`)})` : "";
    b.setAttribute("aria-pressed", String(answered === i));
    b.classList.toggle("correct", mark === "correct");
    b.classList.toggle("wrong", mark === "wrong");
  });
}
