// When the lab may work (static/js/lab/schedule.js): after the page's own answer, never
// while a pointer is held, and once a logit or T has been still for the quiet time.
import assert from "node:assert/strict";
import { test } from "node:test";

const listeners = {};
globalThis.addEventListener = (type, fn) => {
  (listeners[type] ||= []).push(fn);
};
const fire = (type, event = {}) => (listeners[type] || []).forEach((fn) => fn(event));
const { createLabScheduler } = await import("../../static/js/lab/schedule.js");

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const info = (changed, extra = {}) => ({ status: "ok", exact: true, changed: new Set(changed), ...extra });

test("a burst of logit changes reaches the lab once, after the quiet time", async () => {
  const runs = [];
  const scheduler = createLabScheduler((state) => runs.push(state.logits[0]), { quietMs: 300 });
  for (let i = 0; i < 5; i += 1) {
    scheduler.render({ logits: [i] }, {}, info(["logits"]));
    await wait(5);
  }
  assert.deepEqual(runs, []);
  await wait(500);
  assert.deepEqual(runs, [4]);
});

test("nothing reaches the lab while the page waits for its own answer", async () => {
  const runs = [];
  const scheduler = createLabScheduler((state) => runs.push(state.n), { quietMs: 0 });
  scheduler.render({ n: 1 }, null, info(["n"], { status: "pending", exact: false }));
  await wait(50);
  assert.deepEqual(runs, []);
  scheduler.render({ n: 1 }, {}, info([], { status: "ok", exact: true }));
  await wait(50);
  assert.deepEqual(runs, [1]);
});

test("nothing reaches the lab while a pointer is held; its release lets the change through", async () => {
  const runs = [];
  const scheduler = createLabScheduler((state) => runs.push(state.t), { quietMs: 0 });
  fire("pointerdown");
  scheduler.render({ t: 2 }, {}, info(["t"]));
  await wait(50);
  assert.deepEqual(runs, []);
  fire("pointerup");
  await wait(50);
  assert.deepEqual(runs, [2]);
});

test("the lab's own step (hurry) does not wait for the quiet time", async () => {
  let now = 1000;
  const runs = [];
  const scheduler = createLabScheduler((state) => runs.push(state.logits), { quietMs: 10_000, now: () => now });
  scheduler.hurry();
  scheduler.render({ logits: [1] }, {}, info(["logits"]));
  await wait(50);
  assert.deepEqual(runs, [[1]]);
  now += 1;
});
