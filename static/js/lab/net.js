// The lab's requests: runner.js's policy over POST, with the page store's 10 s timeout.

import { postJSON } from "../api.js";
import { t } from "../i18n.js";
import { createRunner } from "./runner.js";

const TIMEOUT_MS = 10000;

function poster(path) {
  return (body) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    return postJSON(path, body, { signal: controller.signal }).finally(() => clearTimeout(timer));
  };
}

/** A runner (./runner.js) for POST `path`. */
export function makeRunner(path, handlers) {
  return createRunner(poster(path), handlers);
}

/** What to tell the person when a request failed (the API's own words for a refused input). */
export function errorText(err) {
  if (err && err.status >= 400 && err.status < 500) return `${t("lab.error.input")} ${err.message}`;
  if (err && err.status >= 500) return t("lab.error.server");
  return t("lab.error.network");
}
