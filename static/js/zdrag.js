// A pointer on a logit bar (hero.js). The range input serves the keys; the bar takes the
// pointer, so a finger can scroll past it. Mouse/pen: a press sets the value under it (a press
// on the handle keeps it) and the value follows. Touch: a tap does nothing, a vertical swipe
// scrolls (touch-action: pan-y), a sideways drag moves the value as far as the finger moves.

export const INSET = 7; // px from each end of the bar to the handle's centre at min and max
const SLOP = 6; // px a finger moves before its direction is read

function snap(v, { min, max, step }) {
  const k = 1 / step; // 3.3 stays 3.3, not 3.3000000000000003
  return Math.min(max, Math.max(min, Math.round(v * k) / k));
}

/** The value at pixel x of a bar at `left`, `width` wide, for a range {min, max, step}. */
export const valueAt = (x, left, width, r) =>
  snap(r.min + ((x - left - INSET) / (width - 2 * INSET)) * (r.max - r.min), r);

/** The value `dx` pixels away from `start` on a bar `width` wide. */
export const valueMoved = (start, dx, width, r) => snap(start + (dx / (width - 2 * INSET)) * (r.max - r.min), r);

/** Whether pixel x is on the handle of a bar showing `value`. */
export const onHandle = (x, value, left, width, r) =>
  Math.abs(x - left - INSET - ((value - r.min) / (r.max - r.min)) * (width - 2 * INSET)) <= INSET + 2;

/** Where a finger that moved (dx, dy) goes: null within the slop, else "x" or "y". */
export function direction(dx, dy) {
  if (Math.max(Math.abs(dx), Math.abs(dy)) < SLOP) return null;
  return Math.abs(dx) > Math.abs(dy) ? "x" : "y";
}

/** Pointers on `track` drag `slider`; onValue(v) gets each value, onReach() a drag's start. */
export function dragBar(track, slider, { onValue, onReach }) {
  const range = { min: +slider.min, max: +slider.max, step: +slider.step };
  let drag = null; // {id, x0, y0, start, first, moving}
  const set = (v) => {
    if (v === +slider.value) return;
    slider.value = String(v);
    onValue(v);
  };
  const begin = () => {
    drag.moving = true;
    onReach();
    slider.focus({ preventScroll: true, focusVisible: false }); // as a press on a native slider does
  };
  track.addEventListener("pointerdown", (e) => {
    if (drag || (e.pointerType === "mouse" && e.button !== 0)) return;
    const v = +slider.value;
    drag = { id: e.pointerId, x0: e.clientX, y0: e.clientY, start: v, first: v, moving: false };
    track.setPointerCapture(e.pointerId);
    if (e.pointerType === "touch") return; // a tap or a scroll, until the finger moves
    e.preventDefault(); // no text selection
    begin();
    const { left, width } = track.getBoundingClientRect();
    if (!onHandle(e.clientX, v, left, width, range)) set((drag.start = valueAt(e.clientX, left, width, range)));
  });
  track.addEventListener("pointermove", (e) => {
    if (e.pointerId !== drag?.id) return;
    const dx = e.clientX - drag.x0;
    if (!drag.moving) {
      const way = direction(dx, e.clientY - drag.y0);
      if (way === "y") drag = null; // the page scrolls
      if (way !== "x") return;
      begin();
    }
    set(valueMoved(drag.start, dx, track.getBoundingClientRect().width, range));
  });
  const end = (e) => {
    if (e.pointerId === drag?.id) drag = null;
  };
  track.addEventListener("pointerup", end);
  track.addEventListener("lostpointercapture", end);
  // The browser took the finger for a scroll after all: a scroll never changes a value.
  track.addEventListener("pointercancel", (e) => {
    if (e.pointerId === drag?.id) set(drag.first);
    end(e);
  });
  // Keys after a press show the ring, as on a native slider.
  slider.addEventListener("keydown", () => {
    if (slider.matches(":focus-visible")) return;
    slider.blur(); // else focus() changes nothing
    slider.focus({ preventScroll: true, focusVisible: true });
  });
}
