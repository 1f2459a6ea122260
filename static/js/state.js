// The one state object, its URL, and the one render path.
//
//   import { store } from "./state.js";
//   store.get()          the current state (read it, don't mutate it):
//                        {labels, logits, t, lang, target, smoothing, lr, n, seed,
//                         top_k, top_p, embed, hide}   (names as in the URL, see url.js)
//   store.set(patch, {history, ahead})  merge, normalise, write the URL, render.
//                        history: "replace" (default, throttled) | "push" | "none"
//                        ahead: logit vectors likely to come next (a slider's neighbours),
//                        fetched in the same request so the next step paints at once
//   store.subscribe(fn)  fn(state, result, info) after each render; returns unsubscribe.
//                        result: the latest POST /api/softmax response, or null while a
//                        response for the current logits and T is pending or failed.
//                        info: {status: "ok" | "pending" | "slow" | "down" | "invalid",
//                        message, request: {logits, temperature} that result belongs to,
//                        changed: Set of state keys changed since the last render}
//   store.result()       the latest accepted response (may belong to older input).
//   store.current()      whether that response is for the current logits and T.
//   store.prefetch(vectors)  fetch answers for likely next logit vectors when idle.
//
// At most one request is in flight. Newer input replaces older input that is still
// waiting; a response is shown only if it is newer than the one on screen and has as
// many classes as the state. When the API is down it retries by itself.

import { postJSON } from "./api.js";
import { createCache, keyOf as keyFor, rowOf } from "./prefetch.js";
import { browserLang, normalize, parse, serialize } from "./url.js";

const SLOW_MS = 1500;
const TIMEOUT_MS = 10000;
const URL_THROTTLE_MS = 250;

function createStore() {
  let state = parse(location.search, browserLang());
  const subscribers = [];
  let changed = new Set(Object.keys(state));
  let frame = 0;

  // Request bookkeeping.
  let inFlight = null; // {key, seq, t} of the one request on the wire
  let sentKey = null; // the key of the last request sent (or in flight)
  let shown = { seq: 0, result: null, request: null, key: null };
  let seq = 0;
  let status = "pending";
  let message = "";
  let retryTimer = 0;
  let retryDelay = 1000;
  let slowTimer = 0;

  const keyOf = (s) => keyFor(s.logits, s.t);
  const cache = createCache();
  let around = []; // logit vectors to fetch ahead with the next request (same T)

  // URL writes are throttled: browsers refuse too many history calls while dragging.
  let urlTimer = 0;
  let urlDue = false;
  function writeUrl(mode) {
    if (mode === "none") return;
    const target = serialize(state);
    if (mode === "push") {
      clearTimeout(urlTimer);
      urlTimer = 0;
      urlDue = false;
      if (target !== location.search) history.pushState(null, "", target);
      return;
    }
    urlDue = true;
    // Leading edge: an edit is in the address at once, so even a reload right after it
    // keeps it (a reload takes the address as it was when it began; pagehide is too
    // late). Then at most one write per URL_THROTTLE_MS while a slider moves: browsers
    // throttle history calls (and Chromium refetches the icon on each).
    if (!urlTimer) flushUrl();
  }
  /** Write the address now if it lags behind the state, then hold writes for a while. */
  function flushUrl() {
    if (!urlDue) return;
    urlDue = false;
    const target = serialize(state);
    if (target !== location.search) history.replaceState(null, "", target);
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      urlTimer = 0;
      flushUrl();
    }, URL_THROTTLE_MS);
  }

  function scheduleRender() {
    if (!frame) frame = requestAnimationFrame(render);
  }

  function render() {
    frame = 0;
    const current = shown.key === keyOf(state);
    const result = shown.result && shown.result.probabilities.length === state.logits.length ? shown.result : null;
    const info = {
      status: current ? "ok" : status,
      message,
      request: result ? shown.request : null,
      exact: current,
      changed,
    };
    changed = new Set();
    for (const fn of subscribers.slice()) {
      try {
        fn(state, result, info);
      } catch (err) {
        setTimeout(() => { throw err; });
      }
    }
  }

  function setStatus(next, text = "") {
    status = next;
    message = text;
    scheduleRender();
  }

  function show(mine, result, request, key) {
    if (mine > shown.seq) shown = { seq: mine, result, request, key };
  }

  function pump() {
    const key = keyOf(state);
    const request = { logits: state.logits, temperature: state.t };
    if (key !== shown.key && cache.has(key)) {
      show(++seq, cache.get(key), request, key);
      setStatus("ok");
    }
    if (inFlight || retryTimer) return;
    const current = key === shown.key || key === sentKey ? [] : [state.logits];
    const ahead = around.filter((v) => v.length === state.logits.length && !cache.has(keyFor(v, state.t)));
    if (!current.length && !ahead.length) return;
    around = [];
    const rows = [...current, ...ahead];
    const body = { logits: rows.length === 1 ? rows[0] : rows, temperature: state.t };
    const mine = { key, seq: ++seq, t: state.t };
    inFlight = mine;
    if (current.length) sentKey = key;
    const controller = new AbortController();
    const abort = setTimeout(() => controller.abort(), TIMEOUT_MS);
    clearTimeout(slowTimer);
    if (current.length) {
      slowTimer = setTimeout(() => setStatus("slow"), SLOW_MS);
      if (status !== "down" && status !== "slow") status = "pending";
    }
    postJSON("api/softmax", body, { signal: controller.signal })
      .then((result) => {
        retryDelay = 1000;
        const answers = rows.length === 1 ? [result] : rows.map((_, i) => rowOf(result, i));
        rows.forEach((v, i) => cache.put(keyFor(v, mine.t), answers[i]));
        if (current.length) {
          show(mine.seq, answers[0], { logits: rows[0], temperature: mine.t }, key);
          setStatus("ok");
        }
      })
      .catch((err) => {
        if (!current.length) return; // a look-ahead that failed costs nothing
        const clientError = err && err.status >= 400 && err.status < 500;
        if (clientError) {
          setStatus("invalid", err.message);
          return;
        }
        sentKey = null; // try this input again
        setStatus("down", err && err.name === "AbortError" ? "timeout" : "network");
        retryTimer = setTimeout(() => {
          retryTimer = 0;
          pump();
        }, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 5000);
      })
      .finally(() => {
        clearTimeout(abort);
        clearTimeout(slowTimer);
        inFlight = null;
        pump();
      });
  }

  function set(patch, { history: mode = "replace", ahead = [] } = {}) {
    const next = normalize({ ...state, ...patch });
    if (ahead.length || keyOf(next) !== keyOf(state)) around = ahead;
    for (const k of Object.keys(next)) {
      if (JSON.stringify(next[k]) !== JSON.stringify(state[k])) changed.add(k);
    }
    state = next;
    writeUrl(mode);
    if (status === "invalid" && keyOf(state) !== sentKey) status = "pending";
    pump();
    scheduleRender();
  }

  addEventListener("popstate", () => set(parse(location.search, state.lang), { history: "none" }));
  addEventListener("pagehide", flushUrl);
  document.addEventListener("visibilitychange", flushUrl);
  // Keep the canonical form of the URL from the start (a shared link stays exact).
  queueMicrotask(() => {
    if (serialize(state) !== location.search) history.replaceState(null, "", serialize(state));
    pump();
    scheduleRender();
  });

  return {
    get: () => state,
    set,
    subscribe(fn) {
      subscribers.push(fn);
      return () => {
        const i = subscribers.indexOf(fn);
        if (i >= 0) subscribers.splice(i, 1);
      };
    },
    result: () => shown.result,
    current: () => shown.key === keyOf(state),
    /** Fetch answers for these logit vectors (same T) ahead of need, when the line is free. */
    prefetch(vectors) {
      around = vectors;
      pump();
    },
    flushUrl,
  };
}

export const store = createStore();
