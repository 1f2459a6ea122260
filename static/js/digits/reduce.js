// The drawing pad's bitmap and its reduction, done as the UCI digits were made: a 32 x 32
// black-and-white bitmap cut into 8 x 8 blocks of 4 x 4 pixels, each block's count of inked
// pixels (0 to 16) one input. Pure: no DOM.

export const SIZE = 32;
export const BLOCK = 4;
export const GRID = SIZE / BLOCK;

/** An empty 32 x 32 bitmap (1 = ink), row by row. */
export function blank() {
  return new Uint8Array(SIZE * SIZE);
}

/** The 64 block counts (0..16), row by row, of a 32 x 32 bitmap. */
export function reduce(bitmap) {
  const counts = new Array(GRID * GRID).fill(0);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      if (bitmap[y * SIZE + x]) counts[Math.floor(y / BLOCK) * GRID + Math.floor(x / BLOCK)] += 1;
    }
  }
  return counts;
}

// The order in which a block's 16 pixels are inked by `expand` (a 4 x 4 Bayer matrix), so
// that a block with few counts shows a sparse even pattern rather than a corner.
const ORDER = [0, 10, 2, 8, 5, 15, 7, 13, 1, 11, 3, 9, 4, 14, 6, 12];

/** A 32 x 32 bitmap whose reduction is `counts` (64 values 0..16): a sample shown on the pad. */
export function expand(counts) {
  const bitmap = blank();
  counts.forEach((count, i) => {
    const bx = (i % GRID) * BLOCK;
    const by = Math.floor(i / GRID) * BLOCK;
    for (let j = 0; j < count; j++) {
      const cell = ORDER[j];
      bitmap[(by + Math.floor(cell / BLOCK)) * SIZE + bx + (cell % BLOCK)] = 1;
    }
  });
  return bitmap;
}

/** Ink the pixels within `radius` of (cx, cy) (pixel units, centres at +0.5); true if any changed. */
export function stamp(bitmap, cx, cy, radius) {
  let changed = false;
  const r2 = radius * radius;
  for (let y = Math.max(0, Math.floor(cy - radius)); y <= Math.min(SIZE - 1, Math.ceil(cy + radius)); y++) {
    for (let x = Math.max(0, Math.floor(cx - radius)); x <= Math.min(SIZE - 1, Math.ceil(cx + radius)); x++) {
      if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= r2 && !bitmap[y * SIZE + x]) {
        bitmap[y * SIZE + x] = 1;
        changed = true;
      }
    }
  }
  return changed;
}

/** Ink a stroke from one point to another (stamps every half pixel); true if any pixel changed. */
export function stroke(bitmap, from, to, radius) {
  const steps = Math.max(1, Math.ceil(2 * Math.hypot(to[0] - from[0], to[1] - from[1])));
  let changed = false;
  for (let i = 0; i <= steps; i++) {
    const f = i / steps;
    changed = stamp(bitmap, from[0] + f * (to[0] - from[0]), from[1] + f * (to[1] - from[1]), radius) || changed;
  }
  return changed;
}
