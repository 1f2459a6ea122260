// The plane of two features: the background shaded by the model's probabilities, the data
// points on top (one colour and one marker shape per class), a cross for the pointer or the
// keyboard. One paint per animation frame, however many changes arrive.
import { num } from "../format.js";
import { classRGB, cssRGB } from "./common.js";
import { marker, ticks } from "./marks.js";
import { shadeCells } from "./model.js";

const GRID = 96; // cells across the shading; scaled up smoothly
const MARGIN = { left: 44, right: 10, top: 10, bottom: 30 };
const SHADE = 0.55; // how much of a cell's colour is the classes' mix (the rest: the card)
const NEAR = 10; // CSS px: the pointer is "on" a point this close

export function createMap(canvas, { onHover, onAdd }) {
  const ctx = canvas.getContext("2d");
  const cells = document.createElement("canvas");
  const cellCtx = cells.getContext("2d");
  let view = null; // {points: [{x: [x1, x2], y, added}], bounds: [x0, x1, y0, y1], K}
  let model = null; // {w, b, T}
  let cross = null; // {at: [x1, x2], point: index or -1}
  let queued = false;
  let paints = 0;
  // The CSS colours, read once (getComputedStyle in every frame of a drag costs a style
  // recalculation); read again when the colour scheme changes.
  let palette = null;
  const readPalette = (K) => ({
    K,
    colours: Array.from({ length: K }, (_, k) => classRGB(k)),
    card: cssRGB("--card", [255, 255, 255]),
    text: cssRGB("--text"),
  });

  const size = () => ({ w: canvas.clientWidth, h: canvas.clientHeight });
  const plot = () => {
    const { w, h } = size();
    return { x: MARGIN.left, y: MARGIN.top, w: w - MARGIN.left - MARGIN.right, h: h - MARGIN.top - MARGIN.bottom };
  };
  const toPx = (p, a) => [p.x + ((a[0] - view.bounds[0]) / (view.bounds[1] - view.bounds[0])) * p.w,
    p.y + (1 - (a[1] - view.bounds[2]) / (view.bounds[3] - view.bounds[2])) * p.h];
  const toData = (p, px, py) => [view.bounds[0] + ((px - p.x) / p.w) * (view.bounds[1] - view.bounds[0]),
    view.bounds[2] + (1 - (py - p.y) / p.h) * (view.bounds[3] - view.bounds[2])];

  function shade(p, colours, card) {
    const gh = Math.max(2, Math.round((GRID * p.h) / p.w));
    if (cells.width !== GRID || cells.height !== gh) [cells.width, cells.height] = [GRID, gh];
    const image = cellCtx.createImageData(GRID, gh);
    shadeCells(image.data, GRID, gh, view.bounds, model, colours, card, SHADE);
    cellCtx.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(cells, p.x, p.y, p.w, p.h);
  }

  function axes(p, text) {
    ctx.fillStyle = text;
    ctx.strokeStyle = text;
    ctx.font = "12px system-ui, sans-serif";
    ctx.lineWidth = 1;
    ctx.strokeRect(p.x + 0.5, p.y + 0.5, p.w - 1, p.h - 1);
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    for (const v of ticks(view.bounds[0], view.bounds[1])) {
      const [px] = toPx(p, [v, view.bounds[2]]);
      ctx.fillRect(px, p.y + p.h, 1, 4);
      ctx.fillText(num(v, 2), px, p.y + p.h + 6);
    }
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    for (const v of ticks(view.bounds[2], view.bounds[3])) {
      const [, py] = toPx(p, [view.bounds[0], v]);
      ctx.fillRect(p.x - 4, py, 4, 1);
      ctx.fillText(num(v, 2), p.x - 6, py);
    }
  }

  function paint() {
    queued = false;
    const started = performance.now();
    const { w, h } = size();
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(h * dpr);
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    if (!view || !model || w < 80) return;
    const p = plot();
    if (!palette || palette.K !== view.K) palette = readPalette(view.K);
    const { colours, card } = palette;
    const text = `rgb(${palette.text.join(",")})`;
    shade(p, colours, card);
    ctx.save();
    ctx.beginPath();
    ctx.rect(p.x, p.y, p.w, p.h);
    ctx.clip();
    ctx.lineWidth = 1;
    ctx.strokeStyle = text;
    view.points.forEach((pt, n) => {
      const [px, py] = toPx(p, pt.x);
      ctx.fillStyle = `rgb(${colours[pt.y].join(",")})`;
      ctx.lineWidth = cross && cross.point === n ? 3 : pt.added ? 2 : 1;
      marker(ctx, pt.y, px, py, pt.added ? 5.5 : 4.5);
    });
    if (cross) {
      const [cx, cy] = toPx(p, cross.at);
      ctx.lineWidth = 1;
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(cx, p.y);
      ctx.lineTo(cx, p.y + p.h);
      ctx.moveTo(p.x, cy);
      ctx.lineTo(p.x + p.w, cy);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.restore();
    axes(p, text);
    paints += 1;
    canvas.dataset.paints = String(paints);
    canvas.dataset.paintMs = (performance.now() - started).toFixed(2); // read by the benchmark
  }

  function redraw() {
    if (queued) return;
    queued = true;
    requestAnimationFrame(paint);
  }

  function nearest(px, py) {
    const p = plot();
    let best = -1;
    let bestD = NEAR * NEAR;
    view.points.forEach((pt, n) => {
      const [x, y] = toPx(p, pt.x);
      const d = (x - px) ** 2 + (y - py) ** 2;
      if (d <= bestD) [best, bestD] = [n, d];
    });
    return best;
  }

  function setCross(next) {
    cross = next;
    onHover(cross);
    redraw();
  }

  function local(event) {
    const r = canvas.getBoundingClientRect();
    return [event.clientX - r.left, event.clientY - r.top];
  }

  function inside(px, py) {
    const p = plot();
    return px >= p.x && px <= p.x + p.w && py >= p.y && py <= p.y + p.h;
  }

  canvas.addEventListener("pointermove", (event) => {
    if (!view) return;
    const [px, py] = local(event);
    if (!inside(px, py)) return;
    const n = nearest(px, py);
    setCross({ at: n >= 0 ? view.points[n].x : toData(plot(), px, py), point: n });
  });
  let down = null;
  canvas.addEventListener("pointerdown", (event) => {
    down = local(event);
  });
  canvas.addEventListener("pointerup", (event) => {
    const [px, py] = local(event);
    if (down && view && Math.hypot(px - down[0], py - down[1]) < 6 && inside(px, py)) {
      onAdd(toData(plot(), px, py));
    }
    down = null;
  });

  function step(by) {
    const n = view.points.length;
    const next = cross && cross.point >= 0 ? (cross.point + by + n) % n : by > 0 ? 0 : n - 1;
    setCross({ at: view.points[next].x, point: next });
  }

  canvas.addEventListener("focus", () => {
    if (view && !cross && view.points.length) step(1);
  });
  canvas.addEventListener("keydown", (event) => {
    if (!view || !view.points.length) return;
    const [x0, x1, y0, y1] = view.bounds;
    const moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    if (event.key === "PageDown" || event.key === "n") step(1);
    else if (event.key === "PageUp" || event.key === "p") step(-1);
    else if (event.key in moves) {
      const at = cross ? cross.at : [(x0 + x1) / 2, (y0 + y1) / 2];
      const [dx, dy] = moves[event.key];
      const next = [Math.min(x1, Math.max(x0, at[0] + (dx * (x1 - x0)) / 40)),
        Math.min(y1, Math.max(y0, at[1] + (dy * (y1 - y0)) / 40))];
      setCross({ at: next, point: -1 });
    } else if (event.key === "Enter" || event.key === " ") {
      if (cross) onAdd(cross.at.slice());
    } else return;
    event.preventDefault();
  });

  new ResizeObserver(redraw).observe(canvas);
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => {
    palette = null;
    redraw();
  });

  return {
    setView(next) {
      view = next;
      if (cross && cross.point >= view.points.length) setCross(null); // its point went (Reset)
      else redraw();
    },
    setModel(next) {
      model = next;
      redraw();
      if (cross) onHover(cross);
    },
    clearCross() {
      setCross(null);
    },
    redraw,
  };
}
