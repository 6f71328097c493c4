// Views of the editor's document and selection for the editor page: outline, current section,
// section command states, undo/redo, bold, character counts and citations. A keystroke does no
// Vue work of its own: each transaction only records which top-level blocks it touched. Once per
// frame (the keystroke's own) the selection-dependent values are recomputed, and the outline when
// a title or the blocks changed; the touched blocks' counts and citations once typing pauses (at
// least once a second while the clerk types on). Only a change of blocks (a section added,
// removed, moved or re-levelled: an outline command, not typing) walks the whole document. Refs
// change only when a value really changed, so a keystroke in the text re-renders nothing.
import { shallowRef, type ShallowRef } from 'vue'
import { isMarkActive, type Editor } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { redoDepth, undoDepth } from '@tiptap/pm/history'
import { blockAt, blockCount, blockIndexAt, forEachBlock, listSections, sectionTitleText } from '../editor/doc'
import { CharacterCounter } from '../editor/counts'
import { CitationCounter } from '../editor/citations'
import { blockChange, mergeChanges, type BlockChange } from '../editor/block-changes'
import { addSection, deleteSection, moveSectionDown, moveSectionUp, shiftSectionLevel, type Command } from '../editor/outline'
import { equalArraysBy, equalMaps, shallowEqualObjects } from './stable-computed'
import { msUntilDue } from '../services/pause'

export interface OutlineEntry {
  index: number
  id: string
  number: string
  title: string
  level: number
  required: boolean
  /** The template section it stands for (groups the metric panel), or null. */
  templateKey: string | null
}

export interface SectionCommandStates {
  add: boolean
  remove: boolean
  up: boolean
  down: boolean
  promote: boolean
  demote: boolean
}

export interface EditorDerived {
  outline: ShallowRef<OutlineEntry[]>
  currentIndex: ShallowRef<number>
  can: ShallowRef<SectionCommandStates>
  canUndo: ShallowRef<boolean>
  canRedo: ShallowRef<boolean>
  boldActive: ShallowRef<boolean>
  hasSelection: ShallowRef<boolean>
  totalChars: ShallowRef<number>
  sectionChars: ShallowRef<number>
  citations: ShallowRef<Map<string, number>>
  /** Where each metric is first cited: metric id → section id (the metric panel's groups). */
  firstCitation: ShallowRef<Map<string, string>>
  /** Chip text changed without the document changing (metric values): recount. */
  recount(): void
  /** Recompute everything now (tests, and after the editor is attached). */
  flushNow(): void
  dispose(): void
}

const NO_COMMANDS: SectionCommandStates = { add: false, remove: false, up: false, down: false, promote: false, demote: false }

function outlineOf(doc: PMNode): OutlineEntry[] {
  return listSections(doc).map((s) => ({
    index: s.index,
    id: s.id,
    number: s.number,
    title: sectionTitleText(s.node),
    level: s.level,
    required: s.required,
    templateKey: s.templateKey ?? null
  }))
}

/** Whether a non-structural change touched a section title (then the outline text changes). */
function titleTouched(before: PMNode, after: PMNode, change: { first: number; last: number }): boolean {
  for (let i = change.first; i <= change.last; i++) {
    const a = blockAt(before, i)
    const b = blockAt(after, i)
    if (b.type.name === 'section' && a.firstChild !== b.firstChild && a.firstChild?.textContent !== b.firstChild?.textContent) return true
  }
  return false
}

function set<T>(r: ShallowRef<T>, value: T, equal: (a: T, b: T) => boolean = Object.is): void {
  if (!equal(r.value, value)) r.value = value
}

/** The counts follow typing once it pauses this long (and at least every COUNTS_MAX_WAIT_MS), not on every key. */
export const COUNTS_EVERY_MS = 300
export const COUNTS_MAX_WAIT_MS = 1000

const requestIdle: (cb: () => void) => number =
  typeof requestIdleCallback === 'function' ? (cb) => requestIdleCallback(cb, { timeout: 300 }) : (cb) => setTimeout(cb, 50) as unknown as number
const cancelIdle: (id: number) => void = typeof cancelIdleCallback === 'function' ? (id) => cancelIdleCallback(id) : (id) => clearTimeout(id)

export function useEditorDerived(editor: Editor, chipText: (metricId: string) => string): EditorDerived {
  const counter = new CharacterCounter(chipText)
  const citationCounter = new CitationCounter()
  const state0 = editor.view.state
  const d: EditorDerived = {
    outline: shallowRef(outlineOf(state0.doc)),
    currentIndex: shallowRef(0),
    can: shallowRef(NO_COMMANDS),
    canUndo: shallowRef(false),
    canRedo: shallowRef(false),
    boldActive: shallowRef(false),
    hasSelection: shallowRef(false),
    totalChars: shallowRef(counter.document(state0.doc)),
    sectionChars: shallowRef(0),
    citations: shallowRef(citationCounter.count(state0.doc)),
    firstCitation: shallowRef(citationCounter.firstSections(state0.doc)),
    recount,
    flushNow,
    dispose
  }

  // Document-derived values as of `shownDoc`; `pending` is what changed since.
  let shownDoc = state0.doc
  let pending: BlockChange = 'none'
  let outlineDirty = false
  /** Blocks whose titles changed without a change of blocks: their outline entries are redone. */
  let outlineTitles: { first: number; last: number } | null = null
  let blockChars: number[] = []
  let citationsByBlock: Array<Map<string, number>> = []
  let frame = 0
  let idle = 0
  let counts = 0
  /** When the oldest change the counts do not show yet was made (0: none). */
  let countsSince = 0
  /** When the latest such change was made. */
  let countsLast = 0
  let disposed = false
  /** Bumped by every change of blocks or their attributes (the outline). */
  let outlineVersion = 0
  let canFor: { index: number; outline: number } | null = null

  function fullDocPass(doc: PMNode): void {
    blockChars = []
    citationsByBlock = []
    let total = 0
    const cites = new Map<string, number>()
    forEachBlock(doc, (node) => {
      const n = counter.block(node)
      blockChars.push(n)
      total += n
      const c = citationCounter.block(node)
      citationsByBlock.push(c)
      for (const [id, k] of c) cites.set(id, (cites.get(id) ?? 0) + k)
    })
    set(d.totalChars, total)
    set(d.citations, cites, equalMaps)
    setFirstCitation(doc)
  }

  /** From the per-block citation maps already computed: one pass over blocks, no re-count. */
  function setFirstCitation(doc: PMNode): void {
    const first = new Map<string, string>()
    forEachBlock(doc, (node, _pos, i) => {
      for (const id of citationsByBlock[i].keys()) if (!first.has(id)) first.set(id, node.attrs.id as string)
    })
    set(d.firstCitation, first, equalMaps)
  }

  /** Brings the document-derived values up to date with the changes since the last pass. */
  function docWork(): void {
    if (disposed || editor.view.composing) return
    const doc = editor.view.state.doc
    const change = pending
    pending = 'none'
    if (change === 'structure' || blockChars.length !== blockCount(doc)) fullDocPass(doc)
    else if (change !== 'none') {
      // Only the touched blocks: subtract what they had, add what they have now.
      let total = d.totalChars.value
      let cites: Map<string, number> | null = null
      let citedSetChanged = false
      for (let i = change.first; i <= change.last; i++) {
        const node = blockAt(doc, i)
        const n = counter.block(node)
        total += n - blockChars[i]
        blockChars[i] = n
        const c = citationCounter.block(node)
        const old = citationsByBlock[i]
        if (c !== old && !equalMaps(c, old)) {
          cites ??= new Map(d.citations.value)
          for (const [id, k] of old) cites.set(id, (cites.get(id) ?? 0) - k)
          for (const [id, k] of c) cites.set(id, (cites.get(id) ?? 0) + k)
          if (c.size !== old.size || [...c.keys()].some((id) => !old.has(id))) citedSetChanged = true
        }
        citationsByBlock[i] = c
      }
      set(d.totalChars, total)
      if (cites) {
        for (const [id, k] of cites) if (k === 0) cites.delete(id)
        set(d.citations, cites, equalMaps)
      }
      // Which section cites a metric first changes only when a block starts or stops citing one.
      if (citedSetChanged) setFirstCitation(doc)
    }
    if (outlineDirty) {
      outlineDirty = false
      outlineTitles = null
      set(d.outline, outlineOf(doc), equalArraysBy)
    } else if (outlineTitles) {
      const { first, last } = outlineTitles
      outlineTitles = null
      const count = blockCount(doc)
      const next = d.outline.value.map((entry) =>
        entry.index >= first && entry.index <= last && entry.index < count ? { ...entry, title: sectionTitleText(blockAt(doc, entry.index)) } : entry
      )
      set(d.outline, next, equalArraysBy)
    }
    shownDoc = doc
  }

  /** After a recount (metric values changed): the whole-document pass, once the main thread is idle. */
  function idlePass(): void {
    idle = 0
    docWork()
    selectionPass()
  }

  /**
   * After a transaction: once per frame, in the transaction's own frame. A change of blocks (an
   * outline command, never a keystroke in the text) or of a title renumbers or relabels the
   * outline at once; typing in the text leaves the counts to countsPass.
   */
  function framePass(): void {
    frame = 0
    if (pending === 'structure' || outlineDirty || outlineTitles) docWork()
    selectionPass()
  }

  /**
   * Counts and citations after typing in the text: the touched blocks only, once typing pauses
   * (or after a second of continuous typing). Redone on every key they would change the footer
   * in every keystroke's frame, and that text change cost the frame a second layout.
   */
  function countsPass(): void {
    counts = 0
    countsSince = 0
    if (disposed) return
    docWork()
    selectionPass()
  }

  /** Milliseconds until the counts are due: a pause of COUNTS_EVERY_MS, or COUNTS_MAX_WAIT_MS after the first change. */
  function countsDueIn(now: number): number {
    return msUntilDue(now, { first: countsSince, last: countsLast }, COUNTS_EVERY_MS, COUNTS_MAX_WAIT_MS)
  }

  function scheduleCounts(): void {
    const now = Date.now()
    if (!countsSince) countsSince = now
    countsLast = now
    // One timer per pause, not one per key: when it fires it waits out any typing since.
    if (!counts) counts = setTimeout(countsTimer, countsDueIn(now)) as unknown as number
  }

  function countsTimer(): void {
    const wait = countsDueIn(Date.now())
    if (wait > 0) counts = setTimeout(countsTimer, wait) as unknown as number
    else countsPass()
  }

  function selectionPass(): void {
    frame = 0
    if (disposed || editor.view.composing) return
    const state: EditorState = editor.view.state
    const index = blockIndexAt(state.doc, state.selection.from)
    set(d.currentIndex, index)
    // The outline commands depend on the section holding the caret and on the outline, never on
    // the text: typing in one section does not dry-run them again.
    if (!canFor || canFor.index !== index || canFor.outline !== outlineVersion) {
      canFor = { index, outline: outlineVersion }
      const test = (cmd: Command) => cmd(state)
      set(
        d.can,
        { add: test(addSection()), remove: test(deleteSection()), up: test(moveSectionUp()), down: test(moveSectionDown()), promote: test(shiftSectionLevel(-1)), demote: test(shiftSectionLevel(1)) },
        shallowEqualObjects
      )
    }
    set(d.canUndo, undoDepth(state) > 0)
    set(d.canRedo, redoDepth(state) > 0)
    set(d.boldActive, isMarkActive(state, 'bold'))
    set(d.hasSelection, !state.selection.empty)
    // The current section's count: one block, cached per node, so only a changed block is recounted.
    if (state.doc === shownDoc) set(d.sectionChars, counter.block(blockAt(state.doc, index)))
  }

  function onTransaction({ transaction, appendedTransactions }: { transaction: Transaction; appendedTransactions?: Transaction[] }): void {
    if (transaction.docChanged || appendedTransactions?.some((t) => t.docChanged)) {
      let change = blockChange(transaction)
      for (const t of appendedTransactions ?? []) change = mergeChanges(change, blockChange(t))
      if (change === 'structure') {
        outlineDirty = true
        outlineVersion++
      } else if (change !== 'none' && !outlineDirty && titleTouched(transaction.before, transaction.doc, change)) {
        outlineTitles = outlineTitles ? { first: Math.min(outlineTitles.first, change.first), last: Math.max(outlineTitles.last, change.last) } : { ...change }
      }
      pending = mergeChanges(pending, change)
      scheduleCounts()
    }
    if (!frame) frame = requestAnimationFrame(framePass)
  }

  function onCompositionEnd(): void {
    queueMicrotask(() => {
      if (!frame) frame = requestAnimationFrame(framePass)
      if (pending !== 'none') scheduleCounts()
    })
  }

  function recount(): void {
    counter.reset()
    pending = 'structure'
    if (!idle) idle = requestIdle(idlePass)
  }

  function flushNow(): void {
    if (idle) cancelIdle(idle)
    if (frame) cancelAnimationFrame(frame)
    if (counts) clearTimeout(counts)
    idle = 0
    frame = 0
    counts = 0
    countsSince = 0
    pending = 'structure'
    outlineDirty = true
    docWork()
    selectionPass()
  }

  function dispose(): void {
    disposed = true
    if (idle) cancelIdle(idle)
    if (frame) cancelAnimationFrame(frame)
    if (counts) clearTimeout(counts)
    editor.off('transaction', onTransaction)
    editor.view.dom.removeEventListener('compositionend', onCompositionEnd)
  }

  editor.on('transaction', onTransaction)
  editor.view.dom.addEventListener('compositionend', onCompositionEnd)
  flushNow()
  return d
}
