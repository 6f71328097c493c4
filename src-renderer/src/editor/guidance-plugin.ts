// Template writing guidance, shown inside an empty section as a non-editable hint. It is a
// decoration: never part of the document, so it is never saved or exported.
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { Node as PMNode } from '@tiptap/pm/model'

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

export function buildGuidance(doc: PMNode, source: GuidanceSource): DecorationSet {
  const decorations: Decoration[] = []
  doc.forEach((node, offset) => {
    if (node.type.name === 'preamble') {
      if (source.preamble && bodyIsEmpty(node, false)) {
        const text = source.preamble
        // Inside the preamble, before its first paragraph.
        decorations.push(Decoration.widget(offset + 1, () => hintWidget(text), { side: -1, key: `g:preamble:${text}`, ignoreSelection: true }))
      }
      return
    }
    if (node.attrs.required) {
      decorations.push(Decoration.node(offset, offset + node.nodeSize, { class: 'report-section--required' }))
    }
    const key = node.attrs.templateKey as string | null
    const text = key ? source.forSection(key) : undefined
    if (text && bodyIsEmpty(node, true)) {
      const afterTitle = offset + 1 + node.firstChild!.nodeSize
      decorations.push(Decoration.widget(afterTitle, () => hintWidget(text), { side: 1, key: `g:${node.attrs.id}:${text}`, ignoreSelection: true }))
    }
  })
  return DecorationSet.create(doc, decorations)
}

export function guidancePlugin(source: GuidanceSource): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: guidanceKey,
    state: {
      init: (_c, state) => buildGuidance(state.doc, source),
      // O(sections) per doc change with a cheap emptiness check; widgets keep their DOM
      // because their keys stay equal.
      apply: (tr, prev) => (tr.docChanged ? buildGuidance(tr.doc, source) : prev)
    },
    props: {
      decorations: (state) => guidanceKey.getState(state)
    }
  })
}
