// One request in flight per widget; the latest input wins; stale answers are dropped.

import { postJSON } from "../api.js";
import { t } from "../i18n.js";

/**
 * A runner for `path`. `run(body)` sends now, or, while a request is in flight, keeps
 * `body` as the one pending request (replacing an older pending one). An answer is
 * delivered only if no newer body is waiting: it would be stale.
 * Identical consecutive bodies are sent once (`force` sends anyway); run() says whether
 * it sent (or queued) anything.
 */
export function makeRunner(path, { onData, onError, onBusy = () => {} }) {
  let inFlight = false;
  let pending = null;
  let lastKey = null;

  async function send(body) {
    inFlight = true;
    onBusy(true);
    let data = null;
    let error = null;
    try {
      data = await postJSON(path, body);
    } catch (err) {
      error = err;
    }
    inFlight = false;
    if (pending) {
      const next = pending;
      pending = null;
      send(next);
      return;
    }
    onBusy(false);
    if (error) {
      lastKey = null; // allow a retry of the same input
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
      if (inFlight) pending = body;
      else send(body);
      return true;
    },
    /** Forget the last body so that the next run() sends even if unchanged. */
    reset() {
      lastKey = null;
    },
  };
}

/** What to tell the person when a request failed (the API's own words for a refused input). */
export function errorText(err) {
  if (err && err.status >= 400 && err.status < 500) return `${t("lab.error.input")} ${err.message}`;
  if (err && err.status >= 500) return t("lab.error.server");
  return t("lab.error.network");
}
