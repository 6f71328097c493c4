// The plain ProseMirror page of row 8 with its sections optionally grouped into chapters (a
// level-1 section and the sections after it, as a schema node): cv-granularity.ts measures what
// `content-visibility: auto` per section (the app's rule) and per chapter would cost per key.
import { Schema, type Node as PMNode } from '@tiptap/pm/model'
import { EditorState } from '@tiptap/pm/state'
import { EditorView } from '@tiptap/pm/view'
import { history, undo, redo } from '@tiptap/pm/history'
import { keymap } from '@tiptap/pm/keymap'
import { baseKeymap } from '@tiptap/pm/commands'
import type { PlainBlock } from '../lib/text'

type Mode = 'none' | 'section' | 'chapter'
type BenchWindow = Window & { __benchPM: { mount: typeof mount }; __chapters: number }
const schema = new Schema({
  nodes: {
    doc: { content: 'preamble chapter+' },
    preamble: { content: 'paragraph+', isolating: true, toDOM: () => ['div', { class: 'preamble' }, 0] },
    chapter: { content: 'section+', toDOM: () => ['div', { class: 'chapter' }, 0] },
    section: { content: 'heading paragraph*', isolating: true, toDOM: () => ['section', 0] },
    paragraph: { content: 'inline*', toDOM: () => ['p', 0] },
    heading: { content: 'inline*', attrs: { level: { default: 1 } }, toDOM: (node) => [`h${node.attrs.level as number}`, 0] },
    text: { group: 'inline' }
  }
})
/** Mounts the editor; `mode` picks the elements that get content-visibility (CSS in cv-granularity.ts). */
function mount(blocks: PlainBlock[], mode: Mode): void {
  const text = (b: PlainBlock) => (b.text ? [schema.text(b.text)] : [])
  const preamble: PMNode[] = []
  const sections: Array<{ level: number; nodes: PMNode[] }> = []
  for (const b of blocks) {
    if (b.kind === 'heading') sections.push({ level: b.level, nodes: [schema.node('heading', { level: b.level }, text(b))] })
    else (sections.length ? sections[sections.length - 1].nodes : preamble).push(schema.node('paragraph', null, text(b)))
  }
  if (preamble.length === 0) preamble.push(schema.node('paragraph'))
  const chapters: PMNode[][] = []
  for (const s of sections) {
    const node = schema.node('section', null, s.nodes)
    if (mode !== 'chapter' || s.level === 1 || chapters.length === 0) chapters.push([node])
    else chapters[chapters.length - 1].push(node)
  }
  const doc = schema.node('doc', null, [schema.node('preamble', null, preamble), ...chapters.map((c) => schema.node('chapter', null, c))])
  const state = EditorState.create({ doc, plugins: [history(), keymap({ 'Mod-z': undo, 'Mod-y': redo }), keymap(baseKeymap)] })
  const host = document.getElementById('editor')!
  host.className = `cv-${mode}`
  const view = new EditorView(host, { state })
  view.dom.setAttribute('aria-label', '报告正文')
  view.dom.setAttribute('spellcheck', 'false')
  ;(window as unknown as BenchWindow).__chapters = chapters.length
}
;(window as unknown as BenchWindow).__benchPM = { mount }
