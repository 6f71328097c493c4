// Template writing guidance, shown inside an empty section as a non-editable hint. It is a
// decoration: never part of the document, so it is never saved or exported.
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { Node as PMNode } from '@tiptap/pm/model'
import { blockChange } from './block-changes'
import { blockLocation, forEachBlock } from './doc'

export interface GuidanceSource {
  /** Guidance for a template section key; undefined for user-added sections. */
  forSection(templateKey: string): string | undefined
  preamble?: string
}

export const guidanceKey = new PluginKey<DecorationSet>('sectionGuidance')

function bodyIsEmpty(node: PMNode, skipFirst: boolean): boolean {
  let empty = true
  node.forEach((child, _o, i) => {
    if ((!skipFirst || i > 0) && child.content.size > 0) empty = false
  })
  return empty
}

function hintWidget(text: string): HTMLElement {
  const el = document.createElement('div')
  el.className = 'section-guidance'
  el.setAttribute('contenteditable', 'false')
  el.setAttribute('aria-hidden', 'true')
  el.textContent = text
  return el
}

/** The decorations of one block (preamble or section) at `offset`. */
function blockDecorations(node: PMNode, offset: number, source: GuidanceSource, out: Decoration[]): void {
  if (node.type.name === 'preamble') {
    if (source.preamble && bodyIsEmpty(node, false)) {
      const text = source.preamble
      // Inside the preamble, before its first paragraph.
      out.push(Decoration.widget(offset + 1, () => hintWidget(text), { side: -1, key: `g:preamble:${text}`, ignoreSelection: true }))
    }
    return
  }
  if (node.attrs.required) {
    out.push(Decoration.node(offset, offset + node.nodeSize, { class: 'report-section--required' }))
  }
  const key = node.attrs.templateKey as string | null
  const text = key ? source.forSection(key) : undefined
  if (text && bodyIsEmpty(node, true)) {
    const afterTitle = offset + 1 + node.firstChild!.nodeSize
    out.push(Decoration.widget(afterTitle, () => hintWidget(text), { side: 1, key: `g:${node.attrs.id}:${text}`, ignoreSelection: true }))
  }
}

export function buildGuidance(doc: PMNode, source: GuidanceSource): DecorationSet {
  const decorations: Decoration[] = []
  forEachBlock(doc, (node, offset) => blockDecorations(node, offset, source, decorations))
  return DecorationSet.create(doc, decorations)
}

export function guidancePlugin(source: GuidanceSource): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: guidanceKey,
    state: {
      init: (_c, state) => buildGuidance(state.doc, source),
      // A keystroke redoes only the blocks it touched (a hint appears or goes as the section
      // fills or empties); a change of blocks rebuilds. Widgets keep their DOM: equal keys.
      apply: (tr, prev) => {
        const change = blockChange(tr)
        if (change === 'none') return prev
        if (change === 'structure') return buildGuidance(tr.doc, source)
        const doc = tr.doc
        let set = prev.map(tr.mapping, doc)
        const fresh: Decoration[] = []
        for (let i = change.first; i <= change.last; i++) {
          const { node, pos: offset } = blockLocation(doc, i)
          set = set.remove(set.find(offset, offset + node.nodeSize, () => true).filter((d) => d.from >= offset && d.to <= offset + node.nodeSize))
          blockDecorations(node, offset, source, fresh)
        }
        return fresh.length ? set.add(doc, fresh) : set
      }
    },
    props: {
      decorations: (state) => guidanceKey.getState(state)
    }
  })
}
