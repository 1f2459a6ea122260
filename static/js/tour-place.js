// Where the tour's card sits and what it points at. Wide screens: the card stands beside the
// page, which makes room for it (tour.css). Phones: a bottom sheet; the page gets that much room
// at its end and scrolls the panel above the sheet. Either way the card never covers the panel.
const PHONE = "(max-width: 40rem)";
const GAP = 8;
const SETTLE_MS = 2500; // a panel may appear or grow after its step starts (an answer, the lab)

const reduced = () => matchMedia("(prefers-reduced-motion: reduce)").matches;

export function createSpotlight(card) {
  const html = document.documentElement;
  let name = null;
  let look = null; // a selector for the part of the panel to keep in view when it all cannot be
  let target = null;
  let settleUntil = 0;
  // The sheet's height changes with its text (the page's room at its end follows); a panel
  // grows when its pictures or the lab arrive (it is brought back into view while settling).
  const resized = new ResizeObserver(() => {
    if (name) refresh();
  });
  resized.observe(card);

  function sheetTop() {
    return matchMedia(PHONE).matches ? card.getBoundingClientRect().top : innerHeight;
  }

  function makeRoom() {
    const phone = matchMedia(PHONE).matches;
    const h = phone ? Math.ceil(card.getBoundingClientRect().height) : 0;
    document.body.style.paddingBottom = phone ? `${h}px` : "";
    html.style.scrollPaddingBottom = phone ? `${h + GAP}px` : "";
  }

  function find() {
    const el = name && document.querySelector(`[data-panel="${name}"]`);
    return el && !el.hidden && el.getClientRects().length > 0 ? el : null;
  }

  /** What to keep in view: the panel if it fits above the sheet, else its `look` part. */
  function subject(bottom) {
    const part = look && target.querySelector(look);
    return target.getBoundingClientRect().height > bottom && part && part.getClientRects().length ? part : target;
  }

  /** Mark the panel and, while its step settles (or `force`), bring it into the part of the
   *  screen the card leaves free. Later renders (the learner dragging a slider elsewhere)
   *  do not scroll the page under them. */
  function refresh(force = false) {
    const el = find();
    if (el !== target) {
      if (target) target.classList.remove("tour-target");
      if (target) resized.unobserve(target);
      target = el;
      if (target) target.classList.add("tour-target");
      if (target) resized.observe(target);
    }
    makeRoom();
    if (!target) return;
    const bottom = sheetTop() - GAP;
    const shown = subject(bottom);
    document.querySelector(".tour-look")?.classList.remove("tour-look");
    shown.classList.add("tour-look"); // for the tests: what must stay clear of the card
    if (!(force || performance.now() < settleUntil)) return;
    const rect = shown.getBoundingClientRect();
    if (rect.top >= 0 && rect.bottom <= bottom) return; // all of it in view already
    const fits = rect.height <= bottom;
    if (!fits && rect.top >= 0 && rect.top < bottom / 2) return; // too tall: its start is in view
    shown.scrollIntoView({ block: fits ? "center" : "start", behavior: reduced() ? "auto" : "smooth" });
  }

  /** Point at [data-panel=panel]; `part`: a selector inside it for when it is too tall. */
  function point(panel, part = null) {
    name = panel;
    look = part;
    settleUntil = performance.now() + SETTLE_MS;
    refresh(true);
  }

  function clear() {
    if (target) target.classList.remove("tour-target");
    if (target) resized.unobserve(target);
    document.querySelector(".tour-look")?.classList.remove("tour-look");
    name = target = null;
    document.body.style.paddingBottom = "";
    html.style.scrollPaddingBottom = "";
  }



  return { point, refresh, clear };
}
