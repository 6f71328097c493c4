// Editor code is framework-free: where a node view or widget must follow live data (a chip's
// value, a table's cells), the view layer hands in a tracker — Vue's watchEffect in the app —
// that runs the effect now and again whenever what it read changes, and returns a stop function.
export type Track = (effect: () => void) => () => void
