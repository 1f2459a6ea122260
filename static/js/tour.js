// The guided tour of the article: a card that walks through it step by step. Each step writes
// its state into the address (tour=N with labels, logits, t, target), points at a panel and
// asks for a prediction before it reveals the answer with the page's own numbers. The address
// is the truth: Back/Forward, a reload or a shared link show the same step. Loaded on demand
// by tour-start.js; createTour(store, {opener}) -> {open}.
import { registerStrings, t } from "./i18n.js";
import { build, el, paintChoices, rich } from "./tour-card.js";
import { createSpotlight } from "./tour-place.js";
import { AFTER, STEPS, belongsTo, clampStep, fillText, isRevealed, relabel, stepPatch, stepValues } from "./tour-steps.js";
import { TOUR_STRINGS } from "./tour-strings.js";

// After a colon a choice reads on in lower case ("the answer: twice", "ответ: в несколько
// раз", "a few"), but a symbol keeps its case ("T = 0").
const LEADING_CAPITAL = /^([A-ZА-ЯЁ](?=[a-zа-яё])|[AА-ЯЁ](?=\s))/;

registerStrings(TOUR_STRINGS);

const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The API's answer if it belongs to the state on screen, else null (numbers wait for it). */
function fresh(state, result, info) {
  const request = info && info.request;
  return result && request && request.temperature === state.t && same(request.logits, state.logits) ? result : null;
}

function paintLinks(ui, last, lang) {
  const links = last ? AFTER.map(({ href, key }) => [`${href}?lang=${lang}`, t(key)]) : [];
  if (ui.links.dataset.shown === JSON.stringify(links)) return; // keep a focused link
  ui.links.dataset.shown = JSON.stringify(links);
  ui.links.hidden = !last;
  ui.links.replaceChildren(...links.map(([href, text]) => el("li", {}, [el("a", { href, textContent: text })])));
}

/** Show step `s` (number n) for `state`, its numbers from `result` (null: "…" meanwhile);
 *  `answered`: the choice picked, or null. Returns whether the answer is shown. */
function paintStep(ui, { s, n, state, result, answered }) {
  const values = stepValues(s, state, result);
  const text = (key) => fillText(t(key), values);
  ui.card.dataset.numbers = result ? "ready" : "waiting"; // "…" stands for a number meanwhile
  ui.name.textContent = t("tour.label");
  ui.count.textContent = `${n} / ${STEPS.length}`;
  ui.close.textContent = t("tour.close");
  ui.back.textContent = t("tour.back");
  ui.next.textContent = t("tour.next");
  ui.title.textContent = t(`tour.${s.id}.title`);
  rich(ui.text, text(`tour.${s.id}.text`));
  const asks = s.answer !== null;
  const revealed = asks && (answered !== null || isRevealed(s, state));
  ui.ask.hidden = !asks;
  if (asks) {
    rich(ui.question, text(`tour.${s.id}.ask`));
    paintChoices(ui, s, values, answered, revealed);
  }
  ui.answer.hidden = !revealed;
  if (revealed) {
    const answer = text(`tour.${s.id}.c${s.answer}`).replace(LEADING_CAPITAL, (c) => c.toLowerCase());
    let verdict = t("tour.shown", { answer });
    if (answered !== null) verdict = answered === s.answer ? t("tour.right") : t("tour.wrong", { answer });
    rich(ui.verdict, verdict);
    rich(ui.explain, text(`tour.${s.id}.reveal`));
  }
  paintLinks(ui, n === STEPS.length, state.lang);
  // aria-disabled, not disabled: the focused Next stays focused on the last step.
  ui.back.setAttribute("aria-disabled", String(n === 1));
  ui.next.setAttribute("aria-disabled", String(n === STEPS.length));
  return revealed;
}

export function createTour(store, { opener = null } = {}) {
  const ui = build();
  const spotlight = createSpotlight(ui.card);
  let shown = 0; // the step on screen, 0 while closed
  let pointed = 0; // the step whose panel the spotlight has found
  let answered = null; // the choice picked in this step
  let toAnswer = false; // scroll a short sheet to the answer once its numbers are in
  let toAsk = false; // ...and a new step's question and choices
  let returnTo = null;
  let latest = { result: null, info: null };

  const step = () => STEPS[shown - 1];
  const go = (n) => {
    if (n >= 1 && n <= STEPS.length) store.set(stepPatch(n, store.get().lang), { history: "push" });
  };

  function close() {
    hide();
    store.set({ tour: null }, { history: "push" });
  }

  function hide() {
    if (!shown) return;
    const hadFocus = ui.card.contains(document.activeElement);
    shown = pointed = 0;
    ui.card.hidden = true;
    document.body.classList.remove("touring");
    spotlight.clear();
    const back = returnTo && returnTo.isConnected ? returnTo : opener;
    if (hadFocus && back) back.focus();
  }

  function paint(state) {
    const result = fresh(state, latest.result, latest.info);
    const revealed = paintStep(ui, { s: step(), n: shown, state, result, answered });
    if (revealed && toAnswer) requestAnimationFrame(showAnswer);
    else if (toAsk && !ui.ask.hidden) requestAnimationFrame(() => scrollTo(ui.ask));
    if (result) toAnswer = toAsk = false;
  }

  function render(state, result, info) {
    latest = { result, info };
    if (!state.tour) return hide();
    const n = clampStep(state.tour);
    if (n !== state.tour) return store.set({ tour: n }, { history: "replace" });
    if (n !== shown) {
      shown = n;
      answered = null;
      toAsk = true;
      // A link with only tour=N (or a state changed since) gets the step's own example.
      if (!belongsTo(step(), state)) store.set(stepPatch(n, state.lang), { history: "replace" });
    }
    const names = info && info.changed.has("lang") ? relabel(step(), store.get()) : null;
    if (names) store.set({ labels: names }, { history: "replace" });
    if (ui.card.hidden) {
      ui.card.hidden = false;
      document.body.classList.add("touring");
      ui.title.focus({ preventScroll: true });
    }
    if (pointed !== n) ui.body.scrollTop = 0; // before paint, which may scroll to the question
    paint(store.get());
    if (pointed !== n) {
      pointed = n;
      spotlight.point(step().panel, step().look);
    } else spotlight.refresh();
  }

  ui.choices.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button || !shown) return;
    answered = Number(button.dataset.i);
    toAnswer = true;
    if (step().reveal) store.set(step().reveal, { history: "replace" });
    paint(store.get());
  });

  /** Scroll the card's text just enough to show `part`, never past its top (a phone's
   *  sheet is short: the text above it may scroll away, the choices must not hide below). */
  function scrollTo(part) {
    const top = part.offsetTop - ui.body.offsetTop - 8;
    const bottom = top + part.offsetHeight + 16;
    const { clientHeight: view, scrollTop } = ui.body;
    if (bottom - scrollTop > view) ui.body.scrollTop = Math.min(top, bottom - view);
  }

  function showAnswer() {
    scrollTo(ui.answer);
    spotlight.refresh(true);
  }
  ui.back.addEventListener("click", () => go(shown - 1));
  ui.next.addEventListener("click", () => go(shown + 1));
  ui.close.addEventListener("click", close);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && shown && !event.defaultPrevented) close();
  });

  store.subscribe(render);
  const first = store.get();
  if (first.tour) {
    const request = store.current() ? { logits: first.logits, temperature: first.t } : null;
    render(first, store.result(), { request, changed: new Set() });
  }

  return {
    /** Open at step 1 (or, if it is open, move focus to it), from the "Take the tour" button. */
    open() {
      returnTo = document.activeElement;
      if (shown) ui.title.focus();
      else go(1);
    },
  };
}
