// The baseline editor: a plain ProseMirror view (no TipTap, no Vue) with a schema equivalent to
// the report's (a preamble of paragraphs, then sections of a title and paragraphs), history and
// the base keymap, holding the same text as the report. Bundled into
// bench/.artifacts/pm/ and loaded in the same Chromium as the app. For 修订模式 it types into an
// insertion mark drawn as the app draws one (`markTyping`): the same formatting on the page.
import { Schema, type Node as PMNode } from '@tiptap/pm/model'
import { EditorState } from '@tiptap/pm/state'
import { EditorView } from '@tiptap/pm/view'
import { history, undo, redo } from '@tiptap/pm/history'
import { keymap } from '@tiptap/pm/keymap'
import { baseKeymap } from '@tiptap/pm/commands'
import type { PlainBlock } from '../lib/text'

const schema = new Schema({
  nodes: {
    doc: { content: 'preamble section+' },
    preamble: { content: 'paragraph+', isolating: true, toDOM: () => ['div', { class: 'preamble' }, 0], parseDOM: [{ tag: 'div.preamble' }] },
    section: { content: 'heading paragraph*', isolating: true, toDOM: () => ['section', 0], parseDOM: [{ tag: 'section' }] },
    paragraph: { content: 'inline*', toDOM: () => ['p', 0], parseDOM: [{ tag: 'p' }] },
    heading: {
      content: 'inline*',
      attrs: { level: { default: 1 } },
      toDOM: (node) => [`h${node.attrs.level as number}`, 0],
      parseDOM: [1, 2, 3, 4].map((level) => ({ tag: `h${level}`, attrs: { level } }))
    },
    text: { group: 'inline' }
  },
  marks: {
    strong: { toDOM: () => ['strong', 0], parseDOM: [{ tag: 'strong' }] },
    // The app's suggested insertion: the same element and class (its style is in bundle.ts's page).
    // Inclusive, so text typed at its end stays in it, as the app extends the clerk's insertion.
    insertion: { inclusive: true, toDOM: () => ['ins', { class: 'review-ins' }, 0], parseDOM: [{ tag: 'ins.review-ins' }] }
  }
})

function mount(blocks: PlainBlock[]): void {
  const text = (b: PlainBlock) => (b.text ? [schema.text(b.text)] : [])
  const preamble: PMNode[] = []
  const sections: PMNode[][] = []
  for (const b of blocks) {
    if (b.kind === 'heading') sections.push([schema.node('heading', { level: b.level }, text(b))])
    else (sections.length ? sections[sections.length - 1] : preamble).push(schema.node('paragraph', null, text(b)))
  }
  if (preamble.length === 0) preamble.push(schema.node('paragraph'))
  const doc = schema.node('doc', null, [schema.node('preamble', null, preamble), ...sections.map((c) => schema.node('section', null, c))])
  const state = EditorState.create({
    doc,
    plugins: [history(), keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Shift-Mod-z': redo }), keymap(baseKeymap)]
  })
  const host = document.getElementById('editor')!
  const view = new EditorView(host, { state })
  view.dom.setAttribute('aria-label', '报告正文')
  ;(window as unknown as { __pmView: EditorView }).__pmView = view
  pmView = view
}

let pmView: EditorView | null = null

/** What is typed next goes into an insertion mark (the caret must already be where it will type). */
function markTyping(): boolean {
  if (!pmView) return false
  const { state } = pmView
  pmView.dispatch(state.tr.setStoredMarks([schema.marks.insertion.create()]))
  return true
}

;(window as unknown as { __benchPM: { mount: typeof mount; markTyping: typeof markTyping } }).__benchPM = { mount, markTyping }
