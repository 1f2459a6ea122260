// One colour per class, the same everywhere on the page (hero, tables, lab, classifier).
// The palette is CSS custom properties (--class-0 ... --class-7 in app.css, light and dark).

export const CLASS_COLOURS = 8;

/** The CSS colour of class i: "var(--class-N)", repeating after CLASS_COLOURS classes. */
export function classColor(i) {
  return `var(--class-${((i % CLASS_COLOURS) + CLASS_COLOURS) % CLASS_COLOURS})`;
}
