// The lab's one request policy (static/js/lab/runner.js): one in flight, the latest wins,
// retries while the API is down, no retry of a refused input.
import assert from "node:assert/strict";
import { test } from "node:test";

import { createRunner } from "../../static/js/lab/runner.js";

/** A fake API: each send() waits until the test answers it. */
function fakeApi() {
  const calls = [];
  const send = (body) => new Promise((resolve, reject) => calls.push({ body, resolve, reject }));
  return { calls, send };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

test("one request in flight; the latest input waiting replaces older input", async () => {
  const api = fakeApi();
  const seen = [];
  const runner = createRunner(api.send, { onData: (data, body) => seen.push([data, body]) });
  runner.run(1);
  runner.run(2);
  runner.run(3);
  await settle();
  assert.deepEqual(api.calls.map((c) => c.body), [1]);
  api.calls[0].resolve("a");
  await settle();
  assert.deepEqual(seen, [], "the answer for 1 is stale: 3 is waiting");
  assert.deepEqual(api.calls.map((c) => c.body), [1, 3], "2 was replaced by 3");
  api.calls[1].resolve("c");
  await settle();
  assert.deepEqual(seen, [["c", 3]]);
});

test("the same input is sent once unless forced", async () => {
  const api = fakeApi();
  const runner = createRunner(api.send, { onData() {} });
  assert.equal(runner.run({ x: 1 }), true);
  await settle();
  api.calls[0].resolve("ok");
  await settle();
  assert.equal(runner.run({ x: 1 }), false);
  assert.equal(runner.run({ x: 1 }, { force: true }), true);
  await settle();
  assert.equal(api.calls.length, 2);
});

test("when the API does not answer, the same input is sent again by itself", async () => {
  const api = fakeApi();
  const waits = [];
  const seen = [];
  const runner = createRunner(api.send, { onData: (d) => seen.push(d), onWait: (e, body) => waits.push(body) }, { retryMs: 5 });
  runner.run("x");
  await settle();
  api.calls[0].reject(Object.assign(new Error("network"), { status: 0 }));
  await settle();
  assert.deepEqual(waits, ["x"]);
  await new Promise((resolve) => setTimeout(resolve, 60));
  assert.deepEqual(api.calls.map((c) => c.body), ["x", "x"]);
  api.calls[1].resolve("back");
  await settle();
  assert.deepEqual(seen, ["back"]);
});

test("newer input sent while the API is down is what the retry sends", async () => {
  const api = fakeApi();
  const runner = createRunner(api.send, { onData() {} }, { retryMs: 5 });
  runner.run("old");
  await settle();
  api.calls[0].reject(Object.assign(new Error("down"), { status: 503 }));
  await settle();
  runner.run("new");
  await new Promise((resolve) => setTimeout(resolve, 60));
  assert.deepEqual(api.calls.map((c) => c.body), ["old", "new"]);
});

test("a refused input (4xx) is said and not retried; the person may send it again", async () => {
  const api = fakeApi();
  const errors = [];
  const runner = createRunner(api.send, { onData() {}, onError: (e) => errors.push(e.status) }, { retryMs: 5 });
  runner.run("bad");
  await settle();
  api.calls[0].reject(Object.assign(new Error("refused"), { status: 422 }));
  await new Promise((resolve) => setTimeout(resolve, 60));
  assert.deepEqual(errors, [422]);
  assert.equal(api.calls.length, 1);
  assert.equal(runner.run("bad"), true);
});

test("cancel drops the answer on its way and the input waiting", async () => {
  const api = fakeApi();
  const seen = [];
  const runner = createRunner(api.send, { onData: (d) => seen.push(d) });
  runner.run(1);
  runner.run(2);
  runner.cancel();
  await settle();
  api.calls[0].resolve("late");
  await settle();
  assert.deepEqual(seen, []);
  assert.equal(api.calls.length, 1);
  assert.equal(runner.busy(), false);
});
