// The baseline editor: a plain ProseMirror view (no TipTap, no Vue) with a minimal schema,
// history and the base keymap, holding the same text as the report. Bundled into
// bench/.artifacts/pm/ and loaded in the same Chromium as the app.
import { Schema } from '@tiptap/pm/model'
import { EditorState } from '@tiptap/pm/state'
import { EditorView } from '@tiptap/pm/view'
import { history, undo, redo } from '@tiptap/pm/history'
import { keymap } from '@tiptap/pm/keymap'
import { baseKeymap } from '@tiptap/pm/commands'
import type { PlainBlock } from '../lib/text'

const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { group: 'block', content: 'inline*', toDOM: () => ['p', 0], parseDOM: [{ tag: 'p' }] },
    heading: {
      group: 'block',
      content: 'inline*',
      attrs: { level: { default: 1 } },
      toDOM: (node) => [`h${node.attrs.level as number}`, 0],
      parseDOM: [1, 2, 3, 4].map((level) => ({ tag: `h${level}`, attrs: { level } }))
    },
    text: { group: 'inline' }
  },
  marks: { strong: { toDOM: () => ['strong', 0], parseDOM: [{ tag: 'strong' }] } }
})

function mount(blocks: PlainBlock[]): void {
  const doc = schema.node(
    'doc',
    null,
    blocks.map((b) =>
      b.kind === 'heading'
        ? schema.node('heading', { level: b.level }, b.text ? [schema.text(b.text)] : [])
        : schema.node('paragraph', null, b.text ? [schema.text(b.text)] : [])
    )
  )
  const state = EditorState.create({
    doc,
    plugins: [history(), keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Shift-Mod-z': redo }), keymap(baseKeymap)]
  })
  const host = document.getElementById('editor')!
  const view = new EditorView(host, { state })
  view.dom.setAttribute('aria-label', '报告正文')
  ;(window as unknown as { __pmView: EditorView }).__pmView = view
}

;(window as unknown as { __benchPM: { mount: typeof mount } }).__benchPM = { mount }
