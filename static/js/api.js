// Talking to the REST API. Paths are relative ("api/softmax") so the page also
// works behind a proxy prefix (root_path).

/** An error from the API or the network; `status` is 0 when nothing answered. */
export class ApiError extends Error {
  constructor(message, status, detail = null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.detail = detail;
  }
}

async function request(path, init) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: "application/json" }, ...init });
  } catch (err) {
    if (err && err.name === "AbortError") throw err;
    throw new ApiError("network", 0);
  }
  let data = null;
  try {
    data = await response.json();
  } catch (err) {
    if (err && err.name === "AbortError") throw err;
    data = null;
  }
  if (!response.ok) {
    const detail = data && Array.isArray(data.detail) ? data.detail : null;
    const message = detail && detail[0] && detail[0].msg ? detail[0].msg : `HTTP ${response.status}`;
    throw new ApiError(message, response.status, detail);
  }
  if (data === null) throw new ApiError("bad response", response.status);
  return data;
}

/** POST a JSON body; resolves to the parsed JSON, rejects with ApiError (or AbortError). */
export function postJSON(path, body, { signal } = {}) {
  return request(path, {
    method: "POST",
    headers: { Accept: "application/json", "Content-Type": "application/json" },
    body: JSON.stringify(body),
    signal,
  });
}

/** GET and parse JSON. */
export function getJSON(path, { signal } = {}) {
  return request(path, { method: "GET", signal });
}
