// The lab's one request policy, the page store's (../state.js): one request in flight; newer
// input replaces input still waiting, so the latest wins; an answer for input that has been
// replaced (or cancelled) is dropped; when the API does not answer (the network, a timeout,
// a 5xx) the same input is sent again by itself, after 1 s, 2 s, 4 s, then every 5 s; a
// refused input (a 4xx) is said, not retried. Pure: `send(body)` returns a promise.

export const RETRY_MS = 1000;
export const MAX_RETRY_MS = 5000;

/** True when the API refused the input: sending it again would not help. */
export const refused = (error) => Boolean(error) && error.status >= 400 && error.status < 500;

/**
 * createRunner(send, {onData(data, body), onError(error, body), onWait(error, body)}).
 * run(body) sends now or as soon as the line is free; the same input as the last is sent
 * once (`force` sends it again); it says whether it will send. cancel() drops what waits
 * and the answer on its way; reset() lets the same input be sent again.
 */
export function createRunner(send, { onData, onError = () => {}, onWait = () => {} }, options = {}) {
  const { retryMs = RETRY_MS, maxRetryMs = MAX_RETRY_MS } = options;
  let inFlight = false;
  let waiting = null; // the latest input, not sent yet
  let lastKey = null; // the input sent last (answered, on its way or waiting)
  let timer = 0; // a retry is due
  let delay = retryMs;
  let epoch = 0; // cancel() makes the answer on its way stale

  function pump() {
    if (inFlight || timer || !waiting) return;
    const body = waiting;
    const mine = epoch;
    waiting = null;
    inFlight = true;
    Promise.resolve()
      .then(() => send(body))
      .then((data) => settle(mine, body, data, null), (error) => settle(mine, body, null, error || new Error("failed")));
  }

  function settle(mine, body, data, error) {
    inFlight = false;
    if (mine !== epoch || waiting) {
      pump(); // stale: newer input waits, or this one was cancelled
      return;
    }
    if (error && !refused(error)) {
      waiting = body; // the API is down: the same input again, later
      timer = setTimeout(() => {
        timer = 0;
        pump();
      }, delay);
      delay = Math.min(delay * 2, maxRetryMs);
      onWait(error, body);
      return;
    }
    delay = retryMs;
    if (error) {
      lastKey = null; // the person may send it again
      onError(error, body);
    } else {
      onData(data, body);
    }
  }

  return {
    run(body, { force = false } = {}) {
      const key = JSON.stringify(body);
      if (!force && key === lastKey) return false;
      lastKey = key;
      waiting = body;
      pump();
      return true;
    },
    cancel() {
      epoch += 1;
      waiting = null;
      lastKey = null;
      clearTimeout(timer);
      timer = 0;
    },
    reset() {
      lastKey = null;
    },
    /** Whether input is on its way or waiting to be sent. */
    busy: () => inFlight || waiting !== null,
  };
}
