// Heading numbers as widget decorations at the start of each section title. Numbers depend
// only on the sequence of section levels, so typing (which leaves that sequence alone) just
// maps the existing decorations; adding, deleting, moving or re-levelling rebuilds them.
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { Node as PMNode } from '@tiptap/pm/model'
import { outlineNumbers } from '@core/numbering'
import { forEachBlock, sectionLevels } from './doc'
import { blockChange } from './block-changes'

interface NumberingState {
  levelsKey: string
  count: number
  decorations: DecorationSet
  /** How many times the decorations were rebuilt (exposed for tests of the mapping path). */
  rebuilds: number
}

export const numberingKey = new PluginKey<NumberingState>('sectionNumbering')

function numberWidget(number: string, level: number): HTMLElement {
  const span = document.createElement('span')
  span.className = `section-number section-number--l${level}`
  span.textContent = number
  span.setAttribute('contenteditable', 'false')
  return span
}

export function buildNumberDecorations(doc: PMNode): DecorationSet {
  const levels = sectionLevels(doc)
  const numbers = outlineNumbers(levels)
  const decorations: Decoration[] = []
  let i = 0
  forEachBlock(doc, (node, offset) => {
    if (node.type.name !== 'section') return
    const number = numbers[i++]
    const level = node.attrs.level as number
    // Inside the title, before its first character; side -1 keeps the cursor after it.
    decorations.push(
      Decoration.widget(offset + 2, () => numberWidget(number, level), {
        side: -1,
        key: `n:${level}:${number}`,
        ignoreSelection: true,
        number,
        level
      })
    )
  })
  return DecorationSet.create(doc, decorations)
}

function fresh(doc: PMNode, rebuilds: number): NumberingState {
  const levels = sectionLevels(doc)
  return { levelsKey: levels.join(''), count: levels.length, decorations: buildNumberDecorations(doc), rebuilds: rebuilds + 1 }
}

export function numberingPlugin(): Plugin<NumberingState> {
  return new Plugin<NumberingState>({
    key: numberingKey,
    state: {
      init: (_config, state) => fresh(state.doc, 0),
      apply(tr, prev) {
        if (!tr.docChanged) return prev
        // Typing inside sections keeps every block and its level: the widgets just move along.
        // Only a change of blocks or attributes needs the level sequence looked at.
        const change = blockChange(tr)
        if (change === 'none') return prev
        if (change !== 'structure') return { ...prev, decorations: prev.decorations.map(tr.mapping, tr.doc) }
        const levels = sectionLevels(tr.doc)
        const key = levels.join('')
        if (key === prev.levelsKey) {
          const mapped = prev.decorations.map(tr.mapping, tr.doc)
          // A move (delete + insert) keeps the level sequence but drops the moved section's
          // widget; the count tells, and then we rebuild.
          if (mapped.find().length === levels.length) return { ...prev, decorations: mapped }
        }
        return fresh(tr.doc, prev.rebuilds)
      }
    },
    props: {
      decorations(state) {
        return numberingKey.getState(state)?.decorations
      }
    }
  })
}

/** The numbers currently shown, in document order (for tests and the outline). */
export function shownNumbers(state: EditorState): string[] {
  const set = numberingKey.getState(state)?.decorations
  if (!set) return []
  return set
    .find()
    .sort((a, b) => a.from - b.from)
    .map((d) => (d.spec as { number: string }).number)
}
