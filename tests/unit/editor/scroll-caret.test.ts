// @vitest-environment happy-dom
// The editor keeps the caret in view with ProseMirror's own arithmetic over the scroll
// containers alone (editor/scroll-caret.ts). Property: for any chain of ancestors — scrolling or
// not, sticky or fixed, any sizes and scroll positions — and any caret rect, it leaves every
// scroll position and the window exactly where ProseMirror's full ancestor walk leaves them.
// Layout is emulated (happy-dom has none): each element's box, client size and scroll range come
// from a table, and scrollTop clamps to the element's range as in a browser (0 when it cannot scroll).
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { Schema } from '@tiptap/pm/model'
import { EditorState } from '@tiptap/pm/state'
import { EditorView } from '@tiptap/pm/view'
import { caretScrollPlugin, scrollChain, scrollSelectionIntoView } from '../../../src-renderer/src/editor/scroll-caret'

interface Box {
  top: number
  left: number
  width: number
  height: number
  clientWidth: number
  clientHeight: number
  /** How far it can scroll (0 when overflow is visible: scrollTop stays 0). */
  maxTop: number
  maxLeft: number
}

const boxes = new WeakMap<Element, Box>()
const scroll = new WeakMap<Element, { top: number; left: number }>()
const scrolls = (el: Element) => {
  const s = (el as HTMLElement).style
  return [s.overflowX, s.overflowY].some((v) => v === 'auto' || v === 'scroll' || v === 'hidden')
}
const clamp = (v: number, max: number) => Math.max(0, Math.min(max, v))
let windowMoves: Array<[number, number]> = []

beforeAll(() => {
  const proto = HTMLElement.prototype
  const box = (el: Element): Box => boxes.get(el) ?? { top: 0, left: 0, width: 0, height: 0, clientWidth: 0, clientHeight: 0, maxTop: 0, maxLeft: 0 }
  Object.defineProperty(proto, 'getBoundingClientRect', {
    configurable: true,
    value(this: HTMLElement) {
      // A box moves up as its scrolling ancestors scroll down.
      const b = box(this)
      let dx = 0
      let dy = 0
      for (let p = this.parentElement; p; p = p.parentElement) {
        dx += scroll.get(p)?.left ?? 0
        dy += scroll.get(p)?.top ?? 0
      }
      const top = b.top - dy
      const left = b.left - dx
      return { top, left, bottom: top + b.height, right: left + b.width, width: b.width, height: b.height, x: left, y: top, toJSON() {} }
    }
  })
  for (const k of ['offsetWidth', 'offsetHeight', 'clientWidth', 'clientHeight'] as const) {
    Object.defineProperty(proto, k, {
      configurable: true,
      get(this: HTMLElement) {
        const b = box(this)
        return k === 'offsetWidth' ? b.width : k === 'offsetHeight' ? b.height : b[k]
      }
    })
  }
  for (const k of ['scrollTop', 'scrollLeft'] as const) {
    Object.defineProperty(proto, k, {
      configurable: true,
      get(this: HTMLElement) {
        return scroll.get(this)?.[k === 'scrollTop' ? 'top' : 'left'] ?? 0
      },
      set(this: HTMLElement, v: number) {
        const b = box(this)
        const s = scroll.get(this) ?? { top: 0, left: 0 }
        if (k === 'scrollTop') s.top = scrolls(this) ? clamp(v, b.maxTop) : 0
        else s.left = scrolls(this) ? clamp(v, b.maxLeft) : 0
        scroll.set(this, s)
      }
    })
  }
  window.scrollBy = ((x: number, y: number) => void windowMoves.push([x, y])) as typeof window.scrollBy
})

const schema = new Schema({ nodes: { doc: { content: 'paragraph+' }, paragraph: { content: 'text*', toDOM: () => ['p', 0] }, text: {} } })

const ancestorArb = fc.record({
  overflow: fc.constantFrom('visible', 'auto', 'hidden', 'clip'),
  position: fc.constantFrom('static', 'static', 'static', 'relative', 'sticky', 'fixed'),
  top: fc.integer({ min: -400, max: 800 }),
  left: fc.integer({ min: -200, max: 400 }),
  width: fc.integer({ min: 50, max: 1400 }),
  height: fc.integer({ min: 50, max: 1000 }),
  scrollbar: fc.integer({ min: 0, max: 15 }),
  maxTop: fc.integer({ min: 0, max: 5000 }),
  maxLeft: fc.integer({ min: 0, max: 300 }),
  startTop: fc.integer({ min: 0, max: 5000 }),
  startLeft: fc.integer({ min: 0, max: 300 })
})
const caretArb = fc.record({
  top: fc.integer({ min: -2000, max: 4000 }),
  left: fc.integer({ min: -300, max: 1600 }),
  height: fc.integer({ min: 0, max: 1200 }),
  width: fc.integer({ min: 0, max: 40 })
})
type Ancestor = typeof ancestorArb extends fc.Arbitrary<infer T> ? T : never

let mounted: { view: EditorView; root: HTMLElement } | null = null
afterEach(() => {
  mounted?.view.destroy()
  mounted?.root.remove()
  mounted = null
})

/** body > ancestors[0] > … > ancestors[n-1] > editor; returns the view and the ancestor elements. */
function build(ancestors: Ancestor[], withPlugin: boolean): { view: EditorView; chain: HTMLElement[] } {
  const chain: HTMLElement[] = []
  let parent: HTMLElement = document.body
  for (const a of ancestors) {
    const el = document.createElement('div')
    el.style.overflowX = a.overflow
    el.style.overflowY = a.overflow
    el.style.position = a.position
    boxes.set(el, {
      top: a.top,
      left: a.left,
      width: a.width,
      height: a.height,
      clientWidth: Math.max(0, a.width - a.scrollbar),
      clientHeight: Math.max(0, a.height - a.scrollbar),
      maxTop: a.maxTop,
      maxLeft: a.maxLeft
    })
    parent.appendChild(el)
    chain.push(el)
    parent = el
  }
  const host = parent
  const doc = schema.node('doc', null, [schema.node('paragraph', null, [schema.text('第一段正文')]), schema.node('paragraph', null, [schema.text('第二段')])])
  const view = new EditorView(host, { state: EditorState.create({ doc, plugins: withPlugin ? [caretScrollPlugin()] : [] }) })
  mounted = { view, root: chain[0] ?? view.dom }
  return { view, chain }
}

function run(ancestors: Ancestor[], caret: { top: number; left: number; height: number; width: number }, withPlugin: boolean) {
  const { view, chain } = build(ancestors, withPlugin)
  chain.forEach((el, i) => scroll.set(el, { top: ancestors[i].startTop, left: ancestors[i].startLeft }))
  // Clamp the starting positions as the browser would.
  chain.forEach((el, i) => {
    el.scrollTop = ancestors[i].startTop
    el.scrollLeft = ancestors[i].startLeft
  })
  // The DOM caret inside the editor (ProseMirror scrolls only when it is), and its rect.
  const text = view.dom.querySelector('p')!.firstChild!
  document.getSelection()!.collapse(text, 2)
  view.coordsAtPos = () => ({ top: caret.top, bottom: caret.top + caret.height, left: caret.left, right: caret.left + caret.width })
  windowMoves = []
  // ProseMirror's own entry point (internal in its types): the prop, or its ancestor walk.
  ;(view as unknown as { scrollToSelection(): void }).scrollToSelection()
  const out = { scroll: chain.map((el) => [el.scrollTop, el.scrollLeft]), window: windowMoves }
  view.destroy()
  chain[0]?.remove()
  mounted = null
  return out
}

describe('keeping the caret in view (scroll-caret)', () => {
  it('finds only the ancestors that can scroll, stopping where ProseMirror stops', () => {
    const { view, chain } = build(
      [
        { overflow: 'hidden', position: 'static', top: 0, left: 0, width: 100, height: 100, scrollbar: 0, maxTop: 0, maxLeft: 0, startTop: 0, startLeft: 0 },
        { overflow: 'auto', position: 'fixed', top: 0, left: 0, width: 100, height: 100, scrollbar: 0, maxTop: 0, maxLeft: 0, startTop: 0, startLeft: 0 },
        { overflow: 'visible', position: 'static', top: 0, left: 0, width: 100, height: 100, scrollbar: 0, maxTop: 0, maxLeft: 0, startTop: 0, startLeft: 0 },
        { overflow: 'auto', position: 'relative', top: 0, left: 0, width: 100, height: 100, scrollbar: 0, maxTop: 0, maxLeft: 0, startTop: 0, startLeft: 0 }
      ],
      true
    )
    // Innermost first; the fixed one is the last visited (its ancestors never scroll the caret).
    expect(scrollChain(view.dom)).toEqual([chain[3], chain[1]])
  })

  it('reaches the window through <body> when nothing stops the walk', () => {
    const { view, chain } = build([{ overflow: 'auto', position: 'static', top: 0, left: 0, width: 100, height: 100, scrollbar: 0, maxTop: 0, maxLeft: 0, startTop: 0, startLeft: 0 }], true)
    expect(scrollChain(view.dom)).toEqual([chain[0], 'window'])
  })

  it('scrolls the scroller as far as the caret needs, with ProseMirror’s 5 px margin', () => {
    const box: Ancestor = { overflow: 'auto', position: 'static', top: 100, left: 0, width: 800, height: 600, scrollbar: 0, maxTop: 10_000, maxLeft: 0, startTop: 1000, startLeft: 0 }
    const { view, chain } = build([box], true)
    const scroller = chain[0]
    scroller.scrollTop = 1000
    const text = view.dom.querySelector('p')!.firstChild!
    document.getSelection()!.collapse(text, 2)
    // The caret 30 px below the scroller's visible bottom (100 + 600).
    view.coordsAtPos = () => ({ top: 710, bottom: 730, left: 50, right: 51 })
    expect(scrollSelectionIntoView(view)).toBe(true)
    expect(scroller.scrollTop).toBe(1000 + 30 + 5)
  })

  it('leaves every scroll position where ProseMirror’s full walk leaves it (property)', () => {
    fc.assert(
      fc.property(fc.array(ancestorArb, { minLength: 0, maxLength: 6 }), caretArb, (ancestors, caret) => {
        const theirs = run(ancestors, caret, false)
        const ours = run(ancestors, caret, true)
        expect(ours).toEqual(theirs)
      }),
      { numRuns: 300 }
    )
  })

  it('finds the scrollers again after the editor moves', () => {
    const a: Ancestor = { overflow: 'auto', position: 'static', top: 0, left: 0, width: 500, height: 300, scrollbar: 0, maxTop: 5000, maxLeft: 0, startTop: 0, startLeft: 0 }
    const { view, chain } = build([a, a], true)
    const text = view.dom.querySelector('p')!.firstChild!
    view.coordsAtPos = () => ({ top: 400, bottom: 420, left: 10, right: 11 })
    document.getSelection()!.collapse(text, 1)
    scrollSelectionIntoView(view)
    expect(chain[1].scrollTop).toBeGreaterThan(0)
    // Moved out of the inner scroller into the outer one: only the outer one may move now.
    chain[1].scrollTop = 0
    chain[0].scrollTop = 0
    chain[0].appendChild(view.dom)
    scrollSelectionIntoView(view)
    expect(chain[1].scrollTop).toBe(0)
    expect(chain[0].scrollTop).toBeGreaterThan(0)
  })
})
