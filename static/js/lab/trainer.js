// Gradient descent on the logits, one step or a run of them: each step moves the logits by
// -lr * gradient, with the loss and the gradient from POST /api/cross-entropy (the lab's one
// request policy, ./runner.js: while the API is down the run waits and goes on).

import { errorText, makeRunner } from "./net.js";

const DELAY_MS = 120; // between animated steps of a run
const round = (x) => Math.round(x * 1e4) / 1e4;
export const problemKey = (b) => b && JSON.stringify({ z: b.logits, y: b.target, t: b.temperature, s: b.label_smoothing });

/** onChange({failed}) after the losses or the running state change; onStatus(text) for trouble. */
export function createTrainer({ store, getBody, animate, onChange, onStatus }) {
  let history = []; // losses: before the first step, then after each step
  let expectedKey = null; // the loss problem (state) the history belongs to
  let run = null; // the run under way
  let selfUpdate = false;
  let beforeStep = () => {}; // tells the lab's scheduler that the next logits are the lab's own

  const runner = makeRunner("api/cross-entropy", {
    onData: (answer, body) => next(answer, body),
    onError(err, body) {
      onStatus(errorText(err));
      if (run) finish(body, true);
    },
    onWait(err) {
      onStatus(errorText(err));
      if (run) run.down = true;
    },
  });

  /** history "push" for a run's first move: Back undoes a step or a whole run, as it undoes a preset. */
  function setLogits(logits, mode) {
    beforeStep();
    selfUpdate = true;
    try {
      store.set({ logits }, { history: mode });
    } finally {
      selfUpdate = false;
    }
  }

  function start(count) {
    const body = getBody();
    if (run || !body) return;
    // the URL may ask for a rate the slider cannot show
    run = { count, left: count, started: false, rate: store.get().lr, animate: animate(),
      key: problemKey(body), body, stopped: false, moved: false, down: false };
    onChange({});
    runner.run(body, { force: true });
  }

  function stop() {
    if (!run) return;
    run.stopped = true;
    if (run.down) {
      runner.cancel(); // no answer is coming soon: stop now
      finish(run.body, true);
    }
  }

  // Stopped, or the person changed the logits, the class or T: their input wins at once
  // (update() hears of it only after the lab's scheduler lets it through).
  const interrupted = () => run.stopped || problemKey(getBody()) !== run.key;

  /** An answer for `body`: note its loss, then (after a pause, while animated) the next step. */
  function next(answer, body) {
    if (!run) return;
    run.down = false;
    if (!run.started) {
      run.started = true;
      if (problemKey(body) !== expectedKey || history.length === 0) history = [answer.loss];
      advance(answer, body);
      return;
    }
    history.push(answer.loss);
    expectedKey = problemKey(body);
    if (!run.animate) {
      advance(answer, body);
      return;
    }
    onChange({});
    const mine = run;
    setTimeout(() => run === mine && advance(answer, body), run.count > 1 ? DELAY_MS : 0);
  }

  function advance(answer, body) {
    if (run.left === 0 || interrupted()) {
      finish(body, false);
      return;
    }
    run.left -= 1;
    let step = { ...body, logits: body.logits.map((z, j) => round(z - run.rate * answer.gradient[j])) };
    if (run.animate) {
      setLogits(step.logits, run.moved ? "replace" : "push");
      run.moved = true;
      step = { ...step, logits: store.get().logits };
      run.key = problemKey(step);
    }
    run.body = step;
    runner.run(step, { force: true });
  }

  function finish(body, failed) {
    const theirs = problemKey(getBody()) !== run.key; // the person's new problem: the curve is not for it
    if (!failed && !run.animate && !theirs && run.started) setLogits(body.logits, "push");
    expectedKey = theirs ? null : problemKey({ ...body, logits: store.get().logits });
    run = null;
    onChange({ failed });
  }

  return {
    start,
    stop,
    running: () => run !== null,
    history: () => history.slice(),
    clear() {
      history = [];
      onChange({});
    },
    /** The page's state changed: a change of the person's own stops a run and clears the curve. */
    stateChanged() {
      if (selfUpdate) return;
      const key = problemKey(getBody());
      if (run && key !== run.key) {
        stop(); // their input wins
        expectedKey = null;
      }
      if (!run && key !== expectedKey && history.length) {
        history = []; // the old curve no longer applies
        onChange({ cleared: true });
      }
    },
    onStep(fn) {
      beforeStep = fn;
    },
  };
}
