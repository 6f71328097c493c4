// Scrolling the editor to a section the way a reader expects: its heading in the upper third of
// the visible page, not at the bottom edge (ProseMirror's scrollIntoView scrolls the least it can).
import type { EditorView } from '@tiptap/pm/view'
import { blockCount, blockPos } from './doc'

/** Where the heading's top goes, as a fraction of the scroller's visible height. */
export const HEADING_AT = 0.2

function scrollParent(el: HTMLElement): HTMLElement {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const overflow = getComputedStyle(p).overflowY
    if ((overflow === 'auto' || overflow === 'scroll') && p.scrollHeight > p.clientHeight) return p
  }
  return (document.scrollingElement as HTMLElement | null) ?? document.documentElement
}

/** Scrolls so block `index`'s heading (or the block's top) sits in the upper third. */
export function scrollBlockToUpperThird(view: EditorView, index: number): void {
  const place = () => {
    if (index >= blockCount(view.state.doc)) return
    const block = view.nodeDOM(blockPos(view.state.doc, index)) as HTMLElement | null
    if (!block || !(block instanceof HTMLElement)) return
    const target = block.querySelector<HTMLElement>('.report-section__title') ?? block
    const scroller = scrollParent(target)
    const isRoot = scroller === document.scrollingElement || scroller === document.documentElement
    const top = isRoot ? 0 : scroller.getBoundingClientRect().top
    const height = isRoot ? window.innerHeight : scroller.clientHeight
    const delta = target.getBoundingClientRect().top - top - height * HEADING_AT
    if (Math.abs(delta) > 2) scroller.scrollTop += delta
  }
  place()
  // Fonts, tables and images above the heading may still be laying out: place again once the
  // frame has settled.
  requestAnimationFrame(() => requestAnimationFrame(place))
}
