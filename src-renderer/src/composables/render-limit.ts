// A long list rendered in slices: the first items with the view, then a few more per frame until
// all are there, so a long list never holds its view's first paint (the report list, the
// editor's outline and metric panel).
import { onBeforeUnmount, ref, watch, type Ref } from 'vue'

/**
 * How many of `count()` items to render now: `first` at once, then `step` more per animation
 * frame (or per 16 ms timer with `byTimer`, which also runs while the window is hidden).
 */
export function useRenderLimit(count: () => number, first: number, step: number, byTimer = false): Ref<number> {
  const limit = ref(first)
  let pending = 0
  const schedule = (fn: () => void) => (byTimer ? window.setTimeout(fn, 16) : requestAnimationFrame(fn))
  function grow(): void {
    if (pending || limit.value >= count()) return
    pending = schedule(() => {
      pending = 0
      limit.value += step
      grow()
    })
  }
  watch(count, grow, { immediate: true })
  onBeforeUnmount(() => (byTimer ? clearTimeout(pending) : cancelAnimationFrame(pending)))
  return limit
}
