// Keeping the caret in view after a keystroke, with ProseMirror's arithmetic but fewer layout
// reads. ProseMirror's own scrollToSelection walks every ancestor of the caret, from its text
// node up to <body>, and reads each one's box, client size, offset size and computed position:
// in the editor page that is about a dozen elements and seventy layout queries per key, each a
// forced style-and-layout check over a document whose sections are display-locked by
// `content-visibility` (the editor's largest script cost per key beside the plain page:
// ≈ 0.9 ms of ≈ 8). Only scroll containers can move, and which ancestors are scroll containers
// does not change while typing, so they are found once (and again when the editor's DOM moves)
// and the same arithmetic runs for them alone. Elements inside the document are never scroll
// containers (the schema's blocks are not), so the walk starts at the editor's root.
import { NodeSelection, Plugin, PluginKey } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

type Side = number | { top: number; right: number; bottom: number; left: number }
interface Rect {
  left: number
  right: number
  top: number
  bottom: number
}

/** A scroll container ProseMirror's walk would move, or the window (at <body>). */
type Scroller = HTMLElement | 'window'

interface Chain {
  /** The editor root's parent when the chain was found: a move of the editor redoes it. */
  parent: Node | null
  scrollers: Scroller[]
}

const chains = new WeakMap<HTMLElement, Chain>()

function canScroll(style: CSSStyleDeclaration): boolean {
  // `visible` boxes ignore scrollTop; `clip` cannot scroll at all. ProseMirror sets scrollTop on
  // every ancestor; on these it is a no-op, so leaving them out changes nothing.
  const scrolls = (v: string) => v !== 'visible' && v !== 'clip' && v !== ''
  return scrolls(style.overflowX) || scrolls(style.overflowY)
}

/** As ProseMirror's parentNode: through slots and out of shadow roots. */
function parentOf(node: Node): Node | null {
  const parent = (node as Element).assignedSlot ?? node.parentNode
  return parent && parent.nodeType === 11 ? (parent as ShadowRoot).host : parent
}

/** The ancestors ProseMirror's walk would visit that can scroll, in its order and with its stops. */
export function scrollChain(dom: HTMLElement): Scroller[] {
  const doc = dom.ownerDocument
  const out: Scroller[] = []
  for (let parent: Node | null = dom; parent; ) {
    if (parent.nodeType !== 1) {
      parent = parentOf(parent)
      continue
    }
    const el = parent as HTMLElement
    if (el === doc.body) {
      out.push('window')
      break
    }
    const style = getComputedStyle(el)
    if (canScroll(style)) out.push(el)
    if (/^(fixed|sticky)$/.test(style.position)) break
    parent = style.position === 'absolute' ? el.offsetParent : parentOf(el)
  }
  return out
}

function chainOf(dom: HTMLElement): Scroller[] {
  const cached = chains.get(dom)
  if (cached && cached.parent === dom.parentNode && cached.scrollers.every((s) => s === 'window' || s.contains(dom))) return cached.scrollers
  const scrollers = scrollChain(dom)
  chains.set(dom, { parent: dom.parentNode, scrollers })
  return scrollers
}

const side = (value: Side, which: 'top' | 'right' | 'bottom' | 'left') => (typeof value === 'number' ? value : value[which])

function windowRect(doc: Document): Rect {
  const vp = doc.defaultView?.visualViewport
  if (vp) return { left: 0, right: vp.width, top: 0, bottom: vp.height }
  return { left: 0, right: doc.documentElement.clientWidth, top: 0, bottom: doc.documentElement.clientHeight }
}

function clientRect(node: HTMLElement): Rect {
  const rect = node.getBoundingClientRect()
  // As ProseMirror: allow for transform: scale(), leave the scrollbar out.
  const scaleX = rect.width / node.offsetWidth || 1
  const scaleY = rect.height / node.offsetHeight || 1
  return { left: rect.left, right: rect.left + node.clientWidth * scaleX, top: rect.top, bottom: rect.top + node.clientHeight * scaleY }
}

/** ProseMirror's scrollRectIntoView over the given scroll containers only (same margins, same moves). */
export function scrollRectThrough(scrollers: readonly Scroller[], start: Rect, doc: Document, threshold: Side = 0, margin: Side = 5): void {
  let rect = start
  // An element without a box (display: none) gives an all-zero rect: nothing to scroll to.
  if (rect.top === 0 && rect.bottom === 0 && rect.left === 0 && rect.right === 0) return
  for (const scroller of scrollers) {
    const atTop = scroller === 'window'
    const bounding = atTop ? windowRect(doc) : clientRect(scroller)
    let moveX = 0
    let moveY = 0
    if (rect.top < bounding.top + side(threshold, 'top')) moveY = -(bounding.top - rect.top + side(margin, 'top'))
    else if (rect.bottom > bounding.bottom - side(threshold, 'bottom'))
      moveY = rect.bottom - rect.top > bounding.bottom - bounding.top ? rect.top + side(margin, 'top') - bounding.top : rect.bottom - bounding.bottom + side(margin, 'bottom')
    if (rect.left < bounding.left + side(threshold, 'left')) moveX = -(bounding.left - rect.left + side(margin, 'left'))
    else if (rect.right > bounding.right - side(threshold, 'right')) moveX = rect.right - bounding.right + side(margin, 'right')
    if (!moveX && !moveY) continue
    if (atTop) {
      doc.defaultView?.scrollBy(moveX, moveY)
    } else {
      const startX = scroller.scrollLeft
      const startY = scroller.scrollTop
      if (moveY) scroller.scrollTop += moveY
      if (moveX) scroller.scrollLeft += moveX
      const dX = scroller.scrollLeft - startX
      const dY = scroller.scrollTop - startY
      rect = { left: rect.left - dX, top: rect.top - dY, right: rect.right - dX, bottom: rect.bottom - dY }
    }
  }
}

/** The caret's (or selected node's) rect and the scroll, as ProseMirror's scrollToSelection does it. */
export function scrollSelectionIntoView(view: EditorView): boolean {
  const dom = view.dom as HTMLElement
  if (!dom.isConnected) return false
  let rect: Rect
  const sel = view.state.selection
  if (sel instanceof NodeSelection) {
    const target = view.nodeDOM(sel.from)
    if (!(target instanceof HTMLElement)) return false
    rect = target.getBoundingClientRect()
  } else {
    rect = view.coordsAtPos(sel.head, 1)
  }
  const threshold = (view.someProp('scrollThreshold') as Side | undefined) || 0
  const margin = (view.someProp('scrollMargin') as Side | undefined) || 5
  scrollRectThrough(chainOf(dom), rect, dom.ownerDocument, threshold, margin)
  return true
}

export const caretScrollKey = new PluginKey('caretScroll')

/** Takes over ProseMirror's scroll-to-selection (see above). */
export function caretScrollPlugin(): Plugin {
  return new Plugin({
    key: caretScrollKey,
    props: {
      handleScrollToSelection: (view) => scrollSelectionIntoView(view)
    }
  })
}
