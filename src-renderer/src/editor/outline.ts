// Outline operations as single ProseMirror transactions, so one undo reverts each and the
// numbering (computed from position) follows at once.
import type { Node as PMNode } from '@tiptap/pm/model'
import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state'
import { closeHistory } from '@tiptap/pm/history'
import type { SectionLevel } from '@core/report'
import { blockAt, blockCount, blockIndexAt, blockLocation, newSectionId } from './doc'
import { replaceBlocks } from './chapters'

export type Command = (state: EditorState, dispatch?: (tr: Transaction) => void) => boolean

/** Block index of the section holding the selection, or -1 in the preamble. */
export function currentSectionIndex(state: EditorState): number {
  const index = blockIndexAt(state.doc, state.selection.from)
  return blockAt(state.doc, index).type.name === 'section' ? index : -1
}

/** Index just past the section at `index` and all its deeper sub-sections. */
export function subtreeEnd(doc: PMNode, index: number): number {
  const level = blockAt(doc, index).attrs.level as number
  const count = blockCount(doc)
  let end = index + 1
  while (end < count && (blockAt(doc, end).attrs.level as number) > level) end++
  return end
}

/**
 * An outline operation is its own undo step. History merges a change into the previous step
 * when it comes quickly and touches it, and an operation replaces whole chapters, so a move
 * right after typing or after another operation would otherwise be undone together with it.
 */
function ownUndoStep(tr: Transaction): Transaction {
  return closeHistory(tr).scrollIntoView()
}

function selectTitle(tr: Transaction, index: number): Transaction {
  const { pos, node } = blockLocation(tr.doc, index)
  const title = node.firstChild!
  return tr.setSelection(TextSelection.create(tr.doc, pos + 2 + title.content.size))
}

/** Adds an empty section after the current one (and its sub-sections), at the same level. */
export function addSection(idFactory: () => string = newSectionId): Command {
  return (state, dispatch) => {
    const { doc, schema } = state
    const current = currentSectionIndex(state)
    const level: SectionLevel = current < 0 ? 1 : blockAt(doc, current).attrs.level
    const insertAt = current < 0 ? 1 : subtreeEnd(doc, current)
    if (dispatch) {
      const section = schema.nodes.section.create({ id: idFactory(), level, templateKey: null, required: false }, [
        schema.nodes.sectionTitle.create(),
        schema.nodes.paragraph.create()
      ])
      const tr = replaceBlocks(state.tr, insertAt, insertAt, [section])
      dispatch(ownUndoStep(selectTitle(tr, insertAt)))
    }
    return true
  }
}

/** Deletes the current section only; its sub-sections stay and renumber under the previous one. */
export function deleteSection(): Command {
  return (state, dispatch) => {
    const { doc } = state
    const current = currentSectionIndex(state)
    // The schema needs at least one section.
    if (current < 0 || blockCount(doc) <= 2) return false
    if (dispatch) {
      const tr = replaceBlocks(state.tr, current, current + 1, [])
      const target = Math.min(current, blockCount(tr.doc) - 1)
      dispatch(ownUndoStep(selectTitle(tr, target)))
    }
    return true
  }
}

/** Swaps block [aStart, aEnd) with the block [aEnd, bEnd) that follows it. */
function swapBlocks(state: EditorState, aStart: number, aEnd: number, bEnd: number, selectIndex: (tr: Transaction) => number): Transaction {
  const { doc } = state
  const moved: PMNode[] = []
  for (let i = aEnd; i < bEnd; i++) moved.push(blockAt(doc, i))
  for (let i = aStart; i < aEnd; i++) moved.push(blockAt(doc, i))
  const tr = replaceBlocks(state.tr, aStart, bEnd, moved)
  return ownUndoStep(selectTitle(tr, selectIndex(tr)))
}

/** Previous sibling (same level, same parent) of the section at `index`, or -1. */
function previousSibling(doc: PMNode, index: number): number {
  const level = blockAt(doc, index).attrs.level as number
  for (let i = index - 1; i >= 1; i--) {
    const l = blockAt(doc, i).attrs.level as number
    if (l === level) return i
    if (l < level) return -1
  }
  return -1
}

/** Moves the current section with its sub-sections before its previous sibling. */
export function moveSectionUp(): Command {
  return (state, dispatch) => {
    const { doc } = state
    const current = currentSectionIndex(state)
    if (current < 0) return false
    const prev = previousSibling(doc, current)
    if (prev < 0) return false
    if (dispatch) dispatch(swapBlocks(state, prev, current, subtreeEnd(doc, current), () => prev))
    return true
  }
}

/** Moves the current section with its sub-sections after its next sibling's subtree. */
export function moveSectionDown(): Command {
  return (state, dispatch) => {
    const { doc } = state
    const current = currentSectionIndex(state)
    if (current < 0) return false
    const end = subtreeEnd(doc, current)
    if (end >= blockCount(doc) || blockAt(doc, end).attrs.level !== blockAt(doc, current).attrs.level) return false
    const nextEnd = subtreeEnd(doc, end)
    if (dispatch) dispatch(swapBlocks(state, current, end, nextEnd, () => current + (nextEnd - end)))
    return true
  }
}

/** Changes the current section's level by `delta` (-1 提升, +1 降低), within 1–4. */
export function shiftSectionLevel(delta: -1 | 1): Command {
  return (state, dispatch) => {
    const current = currentSectionIndex(state)
    if (current < 0) return false
    const { node, pos } = blockLocation(state.doc, current)
    const level = (node.attrs.level as number) + delta
    if (level < 1 || level > 4) return false
    if (dispatch) {
      dispatch(ownUndoStep(state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, level })))
    }
    return true
  }
}

/**
 * Outline navigation: the caret at the start of the section's first body paragraph, where the
 * clerk writes (typing or pasting never lands in the heading). A section without one gets an
 * empty paragraph in the same transaction (kept out of undo: it holds no text), unless
 * `createParagraph` is false (a locked report), when the caret goes to the end of the title.
 * Index 0 (the preamble) puts the caret at the start of its first paragraph. Scrolling is the
 * view's job (see navigate.ts).
 */
export function focusSection(index: number, options: { createParagraph?: boolean } = {}): Command {
  return (state, dispatch) => {
    if (index < 0 || index >= blockCount(state.doc)) return false
    if (dispatch) {
      const { node, pos } = blockLocation(state.doc, index)
      const tr = state.tr
      let caret = pos + 2
      if (node.type.name === 'section') {
        const afterTitle = pos + 1 + node.firstChild!.nodeSize
        if (node.childCount > 1) caret = afterTitle + 1
        else if (options.createParagraph !== false) {
          tr.insert(afterTitle, state.schema.nodes.paragraph.create()).setMeta('addToHistory', false).setMeta('uiEvent.skipSuggest', true)
          caret = afterTitle + 1
        } else caret = pos + 2 + node.firstChild!.content.size
      }
      dispatch(tr.setSelection(TextSelection.create(tr.doc, caret)))
    }
    return true
  }
}

/** Whether a section holds any text or chips (beyond its title). */
export function sectionHasText(node: PMNode): boolean {
  let has = false
  node.forEach((child, _o, i) => {
    if (i > 0 && child.content.size > 0) has = true
  })
  return has
}
