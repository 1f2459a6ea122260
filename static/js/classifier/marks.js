// What the map draws besides the shading: axis ticks and one marker shape per class (also the
// class picker's swatches).
import { classRGB, cssRGB } from "./common.js";

/** Tick values: about `count` round numbers between lo and hi. */
export function ticks(lo, hi, count = 7) {
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) || raw;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** Class k's marker (circle, square, triangle, diamond: shape as well as colour) at (x, y). */
export function marker(ctx, k, x, y, r) {
  ctx.beginPath();
  const shape = k % 4;
  if (shape === 0) ctx.arc(x, y, r, 0, 2 * Math.PI);
  else if (shape === 1) ctx.rect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
  else if (shape === 2) {
    ctx.moveTo(x, y - r * 1.15);
    ctx.lineTo(x + r * 1.1, y + r * 0.85);
    ctx.lineTo(x - r * 1.1, y + r * 0.85);
  } else {
    ctx.moveTo(x, y - r * 1.2);
    ctx.lineTo(x + r * 1.2, y);
    ctx.lineTo(x, y + r * 1.2);
    ctx.lineTo(x - r * 1.2, y);
  }
  ctx.closePath();
  ctx.fill();
  ctx.stroke();
}

/** Draw class k's marker into a small canvas (the class picker's swatches). */
export function drawSwatch(canvas, k) {
  const ctx = canvas.getContext("2d");
  const c = classRGB(k);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = `rgb(${c.join(",")})`;
  ctx.strokeStyle = `rgb(${cssRGB("--text").join(",")})`;
  marker(ctx, k, canvas.width / 2, canvas.height / 2, canvas.width / 3);
}
