// The drawing pad: a <canvas> showing a 32 x 32 bitmap, drawn with a mouse, a pen or a finger
// (pointer events; touch-action: none keeps the page from scrolling under a finger).
import { cssRGB } from "../classifier/common.js";
import { blank, BLOCK, SIZE, stroke } from "./reduce.js";

const BRUSH = 2.3; // pixels: strokes about as thick as the dataset's

export function createPad(canvas, { onChange }) {
  const ctx = canvas.getContext("2d");
  let bitmap = blank();
  let last = null;
  let queued = false;

  function paint() {
    queued = false;
    const w = canvas.clientWidth;
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(w * dpr)) canvas.width = canvas.height = Math.round(w * dpr);
    const cell = canvas.width / SIZE;
    const card = cssRGB("--card", [255, 255, 255]);
    const ink = cssRGB("--text", [0, 0, 0]);
    ctx.fillStyle = `rgb(${card.join(",")})`;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = `rgb(${ink.join(",")})`;
    for (let y = 0; y < SIZE; y++) {
      for (let x = 0; x < SIZE; x++) {
        if (bitmap[y * SIZE + x]) ctx.fillRect(Math.floor(x * cell), Math.floor(y * cell), Math.ceil(cell), Math.ceil(cell));
      }
    }
    // The 8 x 8 blocks the model counts in, faintly.
    ctx.strokeStyle = `rgba(${cssRGB("--muted").join(",")}, 0.35)`;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let i = 1; i < SIZE / BLOCK; i++) {
      const at = Math.round(i * BLOCK * cell) + 0.5;
      ctx.moveTo(at, 0);
      ctx.lineTo(at, canvas.height);
      ctx.moveTo(0, at);
      ctx.lineTo(canvas.width, at);
    }
    ctx.stroke();
  }

  function redraw() {
    if (queued) return;
    queued = true;
    requestAnimationFrame(paint);
  }

  function at(event) {
    const r = canvas.getBoundingClientRect();
    return [((event.clientX - r.left) / r.width) * SIZE, ((event.clientY - r.top) / r.height) * SIZE];
  }

  function draw(event) {
    const p = at(event);
    if (stroke(bitmap, last || p, p, BRUSH)) {
      redraw();
      onChange(bitmap, false);
    }
    last = p;
  }

  canvas.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    canvas.setPointerCapture(event.pointerId);
    last = null;
    draw(event);
    event.preventDefault();
  });
  canvas.addEventListener("pointermove", (event) => {
    if (!canvas.hasPointerCapture(event.pointerId)) return;
    for (const e of event.getCoalescedEvents ? event.getCoalescedEvents() : [event]) draw(e);
  });
  const end = (event) => {
    if (!canvas.hasPointerCapture(event.pointerId)) return;
    canvas.releasePointerCapture(event.pointerId);
    last = null;
    onChange(bitmap, true);
  };
  canvas.addEventListener("pointerup", end);
  canvas.addEventListener("pointercancel", end);
  new ResizeObserver(redraw).observe(canvas);
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", redraw);

  return {
    set(next) {
      bitmap = next;
      redraw();
      onChange(bitmap, true);
    },
    clear() {
      this.set(blank());
    },
    get: () => bitmap,
  };
}
