// When the lab may work. The page's bars come first: the lab's requests (up to three per
// change: cross-entropy, temperature curves, sampling) and its redrawing would otherwise
// compete with /api/softmax on every frame of a drag. So the lab follows the page
//   - only after the page's own answer for the current logits and T is painted
//     (or the page has given up waiting: the API is down or refused the input), and
//   - not while a pointer is held down (a slider being dragged), and only once a logit
//     or T has stopped moving for QUIET_MS (a drag is a burst of inputs, by mouse,
//     touch or a held arrow key; the lab answers its end).
// Changes that do not touch the page's request (the true class, a seed, top-k, a label)
// reach the lab in the task after the frame that painted them.
//
//   const scheduler = createLabScheduler((state, result) => ...update every widget...);
//   store.subscribe(scheduler.render);
//   scheduler.hurry()   the next logit change is the lab's own (a training step): no quiet wait

export const QUIET_MS = 150;
const MOVING = ["logits", "t"];

export function createLabScheduler(run, { quietMs = QUIET_MS, now = () => performance.now() } = {}) {
  let latest = null; // the last render's {state, result, info}
  let dirty = false; // the lab has not seen `latest` yet
  let lastMove = -Infinity;
  let urgent = false;
  let timer = 0;
  let held = false; // a pointer is down: a drag may be under way

  const release = () => {
    held = false;
    plan();
  };
  addEventListener("pointerdown", () => { held = true; }, true);
  addEventListener("pointerup", release, true);
  addEventListener("pointercancel", release, true);
  // A release the page never heard of (outside the window): the next move says so.
  addEventListener("pointermove", (event) => { if (held && event.buttons === 0) release(); }, true);

  // The page is still waiting for its own answer: its next render (with the answer) calls plan() again.
  const waiting = () => !latest.info.exact && (latest.info.status === "pending" || latest.info.status === "slow");

  function plan() {
    if (!dirty || timer || held || waiting()) return;
    // A task, never inside the page's animation frame: the bars paint first.
    timer = setTimeout(flush, Math.max(0, lastMove + quietMs - now()));
  }

  function flush() {
    timer = 0;
    if (!dirty || held || waiting()) return; // pointerup or the page's answer calls plan() again
    if (now() < lastMove + quietMs) {
      plan(); // still moving
      return;
    }
    dirty = false;
    run(latest.state, latest.result);
  }

  return {
    /** A store subscriber: (state, result, info) as in state.js. */
    render(state, result, info) {
      const seen = latest;
      latest = { state, result, info };
      if (MOVING.some((key) => info.changed.has(key))) {
        if (!urgent) lastMove = now();
        urgent = false;
      }
      if (!seen || info.changed.size || result !== seen.result || info.status !== seen.info.status) dirty = true;
      plan();
    },
    hurry() {
      urgent = true;
    },
  };
}
