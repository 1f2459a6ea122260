// How a pointer moves a logit bar of the hero (hero.js). The range input stays for the keyboard
// and screen readers; the bar itself takes the pointer, so that a finger can scroll past it:
// - mouse or pen: a press sets the value under the pointer, as a native slider does (a press on
//   the handle leaves it where it is), and the value follows the pointer;
// - touch: a tap changes nothing and a vertical swipe scrolls the page (touch-action: pan-y);
//   a horizontal drag moves the value by as much as the finger moves, wherever it started, so
//   the handle never jumps to the finger and a bar that fills the screen is still easy to scroll.

export const INSET = 7; // px: the handle's centre runs this far in from each end of the bar
const SLOP = 6; // px a finger moves before its direction is read

function snap(v, { min, max, step }) {
  const k = 1 / step; // steps per unit: 10 for 0.1, so 3.3 stays 3.3 (not 3.3000000000000003)
  return Math.min(max, Math.max(min, Math.round(v * k) / k));
}

/** The value at pixel x of a bar starting at `left`, `width` wide, for a range {min, max, step}. */
export function valueAt(x, left, width, range) {
  const share = (x - left - INSET) / (width - 2 * INSET);
  return snap(range.min + share * (range.max - range.min), range);
}

/** The value `dx` pixels away from `start` on a bar `width` wide. */
export function valueMoved(start, dx, width, range) {
  return snap(start + (dx / (width - 2 * INSET)) * (range.max - range.min), range);
}

/** Whether pixel x is on the handle of a bar showing `value`. */
export function onHandle(x, value, left, width, range) {
  const at = left + INSET + ((value - range.min) / (range.max - range.min)) * (width - 2 * INSET);
  return Math.abs(x - at) <= INSET + 2;
}

/** Which way a finger that moved (dx, dy) goes: null while it is within the slop, "x" or "y". */
export function direction(dx, dy) {
  if (Math.max(Math.abs(dx), Math.abs(dy)) < SLOP) return null;
  return Math.abs(dx) > Math.abs(dy) ? "x" : "y";
}

/**
 * Let pointers drag `slider` (a range input with pointer-events: none) through its bar `track`.
 * onValue(v) gets each new value; onReach() hears that a drag may start (to fetch ahead).
 */
export function dragBar(track, slider, { onValue, onReach }) {
  const range = { min: Number(slider.min), max: Number(slider.max), step: Number(slider.step) };
  let drag = null; // the pointer in charge: {id, x0, y0, start, first, moving}

  function set(v) {
    if (v === Number(slider.value)) return;
    slider.value = String(v);
    onValue(v);
  }
  function begin() {
    drag.moving = true;
    slider.focus({ preventScroll: true }); // as a press on a native slider does
  }

  track.addEventListener("pointerdown", (e) => {
    if (drag || (e.pointerType === "mouse" && e.button !== 0)) return;
    const value = Number(slider.value);
    drag = { id: e.pointerId, x0: e.clientX, y0: e.clientY, start: value, first: value, moving: false };
    track.setPointerCapture(e.pointerId);
    if (e.pointerType === "touch") return; // a tap or a scroll: wait for the finger to move
    e.preventDefault(); // no text selection while dragging
    onReach();
    begin();
    const { left, width } = track.getBoundingClientRect();
    if (!onHandle(e.clientX, value, left, width, range)) {
      drag.start = valueAt(e.clientX, left, width, range);
      set(drag.start);
    }
  });
  track.addEventListener("pointermove", (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    const dx = e.clientX - drag.x0;
    if (!drag.moving) {
      const way = direction(dx, e.clientY - drag.y0);
      if (way === "y") drag = null; // the page scrolls; this finger changes nothing
      if (way !== "x") return;
      onReach();
      begin();
    }
    set(valueMoved(drag.start, dx, track.getBoundingClientRect().width, range));
  });
  const end = (e) => {
    if (drag && e.pointerId === drag.id) drag = null;
  };
  track.addEventListener("pointerup", end);
  track.addEventListener("lostpointercapture", end);
  // The browser took the finger for a scroll after all: a scroll never changes a value.
  track.addEventListener("pointercancel", (e) => {
    if (drag && e.pointerId === drag.id) set(drag.first);
    end(e);
  });
}
