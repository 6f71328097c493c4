// Sections far from the view are `content-visibility: hidden`; only those within about a screen
// of it are `auto`. Chromium watches every `auto` element with an intersection observer and
// recomputes all of them in every frame whose layout changed, that is after every key: with
// all 209 sections of a 60-page report `auto` that was 0.4–0.6 ms of a keystroke's 7–8 ms
// (traced), and it grows with the report. `hidden` elements are skipped the same way but not
// watched. The window moves with scrolling (scroll events, at most once a frame), so typing
// does no work here. The caret's block is always laid out (caret-block.ts).
//
// The rules live in a constructed style sheet keyed to this editor, not in attributes of the
// sections: ProseMirror owns that DOM and would redraw a section whose attributes changed.
// What `hidden` gives up beside `auto`: the far sections are out of the accessibility tree and
// the browser's find-in-page until scrolled near (the app's 查找 searches the document itself).
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

/** Screens of text kept `auto` above and below the visible part. */
const MARGIN_SCREENS = 1
/** The window is moved once the visible part comes this close (in screens) to its edge. */
const SLACK_SCREENS = 0.5

let nextId = 1

export interface CvWindow {
  /** Indices (0-based, among the editor root's element children) rendered `auto`: [first, last]. */
  first: number
  last: number
}

/** The first scrollable ancestor of the editor's root (the paper's scroller), or null. */
function scrollerOf(dom: HTMLElement): HTMLElement | null {
  for (let el = dom.parentElement; el && el !== dom.ownerDocument.body; el = el.parentElement) {
    const s = getComputedStyle(el)
    if (/(auto|scroll)/.test(s.overflowY)) return el
  }
  return null
}

/** Index of the first child whose bottom is below `y` (content coordinates of the scroller). */
function childAt(children: HTMLCollection, y: number, top: (el: Element) => number): number {
  let lo = 0
  let hi = children.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    const el = children[mid]
    if (top(el) + (el as HTMLElement).offsetHeight <= y) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The rules for a window: everything `hidden`, the window `auto`, the caret's block laid out. */
export function windowRules(id: string, w: CvWindow): string {
  const root = `.report-body[data-cv-window="${id}"]`
  return [
    `${root} > * { content-visibility: hidden; }`,
    `${root} > :nth-child(n+${w.first + 1}):nth-child(-n+${w.last + 1}) { content-visibility: auto; }`,
    `${root} > .report-block--caret { content-visibility: visible !important; }`
  ].join('\n')
}

class WindowView {
  private readonly id: string
  private readonly sheet: CSSStyleSheet | null
  private scroller: HTMLElement | null = null
  private frame = 0
  private pending = 0
  private shown: CvWindow | null = null
  private children = -1
  private readonly onScroll = () => this.schedule()

  constructor(
    private readonly view: EditorView,
    id: string
  ) {
    this.id = id
    const doc = view.dom.ownerDocument
    // Constructed sheets exist in every Chromium this runs in; elsewhere (jsdom) nothing changes.
    this.sheet = typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype && Array.isArray(doc.adoptedStyleSheets) ? new CSSStyleSheet() : null
    if (this.sheet) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, this.sheet]
    doc.defaultView?.addEventListener('resize', this.onScroll)
    // The view is built off the page and moved in later (EditorMount): wait for it.
    this.schedule()
  }

  update(): void {
    // Per keystroke: one count. Sections added or removed shift the indices.
    if (this.view.dom.childElementCount !== this.children) this.schedule()
  }

  private schedule(): void {
    if (this.pending) return
    const win = this.view.dom.ownerDocument.defaultView
    if (!win) return
    this.pending = win.requestAnimationFrame(() => {
      this.pending = 0
      this.place()
    })
  }

  private attach(): boolean {
    const dom = this.view.dom
    if (!dom.isConnected) return false
    const scroller = scrollerOf(dom)
    if (scroller !== this.scroller) {
      this.scroller?.removeEventListener('scroll', this.onScroll)
      this.scroller = scroller
      scroller?.addEventListener('scroll', this.onScroll, { passive: true })
    }
    return scroller !== null
  }

  private place(): void {
    if (!this.sheet) return
    if (!this.attach()) {
      // Not on the page yet: look again next frame (a few frames at most, while it mounts).
      if (++this.frame < 600) this.schedule()
      return
    }
    const scroller = this.scroller!
    const dom = this.view.dom
    const children = dom.children
    const count = children.length
    if (count === 0) return
    const height = scroller.clientHeight || 800
    const base = dom.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop
    // offsetTop counts from the nearest positioned ancestor: the root itself, or one above it.
    const origin = (children[0] as HTMLElement).offsetParent === dom ? 0 : dom.offsetTop
    const top = (el: Element) => base + (el as HTMLElement).offsetTop - origin
    const y = scroller.scrollTop
    const countChanged = count !== this.children
    this.children = count
    if (!countChanged && this.shown) {
      const inside = childAt(children, y - SLACK_SCREENS * height, top) >= this.shown.first && childAt(children, y + (1 + SLACK_SCREENS) * height, top) <= this.shown.last
      if (inside) return
    }
    const next = { first: childAt(children, y - MARGIN_SCREENS * height, top), last: childAt(children, y + (1 + MARGIN_SCREENS) * height, top) }
    if (this.shown && next.first === this.shown.first && next.last === this.shown.last) return
    this.shown = next
    this.sheet.replaceSync(windowRules(this.id, next))
  }

  /** For tests: the window now, or null before it is placed. */
  current(): CvWindow | null {
    return this.shown
  }

  destroy(): void {
    const win = this.view.dom.ownerDocument.defaultView
    if (this.pending && win) win.cancelAnimationFrame(this.pending)
    this.scroller?.removeEventListener('scroll', this.onScroll)
    win?.removeEventListener('resize', this.onScroll)
    if (this.sheet) {
      const doc = this.view.dom.ownerDocument
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== this.sheet)
    }
  }
}

export const cvWindowKey = new PluginKey('cvWindow')

export function cvWindowPlugin(): Plugin {
  const id = String(nextId++)
  return new Plugin({
    key: cvWindowKey,
    view: (view) => new WindowView(view, id),
    // The rules select this editor by it (ProseMirror keeps the root's attributes).
    props: { attributes: { 'data-cv-window': id } }
  })
}
