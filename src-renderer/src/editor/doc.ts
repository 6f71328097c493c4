// Reading the report document: building it from stored rows and walking its blocks.
import type { Node as PMNode, Schema } from '@tiptap/pm/model'
import type { BlockJSON, ReportDocJSON, SectionJSON, SectionLevel } from '@core/report'
import { PREAMBLE_ID } from '@core/report'
import { outlineNumbers } from '@core/numbering'

/**
 * The editor groups the sections into chapters: runs of consecutive sections, about
 * CHAPTER_SIZE of them, whatever their levels. The grouping exists for one reason: Chromium
 * re-checks the on-screen state of every `content-visibility: auto` box in each frame whose
 * layout changed, and ~20 chapters cost a keystroke a fraction of ~200 sections (EditorView.vue).
 * Not by level-1 heading: a real report's 一、 can hold most of its pages, and the chapter
 * holding the caret is always laid out. Nothing else sees chapters: storage, exports and every
 * view read the flat list of blocks — the preamble (block 0), then the sections in order —
 * through the functions below; the chapters plugin (chapters.ts) keeps every chapter between 1
 * and CHAPTER_MAX sections after edits that add, remove or move sections.
 */
export const CHAPTER_SIZE = 12
export const CHAPTER_MAX = 2 * CHAPTER_SIZE
/** A chapter smaller than this joins a neighbour when together they fit in CHAPTER_MAX. */
export const CHAPTER_MIN = 4

/** Sizes of `n` sections cut into the fewest chapters of at most CHAPTER_SIZE, as even as can be. */
export function chapterSizes(n: number, size = CHAPTER_SIZE): number[] {
  const k = Math.max(1, Math.ceil(n / size))
  return Array.from({ length: k }, (_, i) => Math.floor(n / k) + (i < n % k ? 1 : 0))
}

export function chaptersOf<T>(sections: readonly T[]): T[][] {
  const out: T[][] = []
  let at = 0
  for (const n of chapterSizes(sections.length)) {
    out.push(sections.slice(at, at + n))
    at += n
  }
  return out
}

/** Stored rows (preamble first, then sections in order) → the editor's document JSON (chapters). */
export function docJSONFromBlocks(blocks: readonly BlockJSON[]): EditorDocJSON {
  const preamble = blocks.find((b) => b.type === 'preamble') ?? {
    type: 'preamble' as const,
    attrs: { id: PREAMBLE_ID },
    content: [{ type: 'paragraph' as const }]
  }
  const sections = blocks.filter((b): b is SectionJSON => b.type === 'section')
  if (sections.length === 0) {
    // The schema needs one section; an empty report gets an untitled one rather than failing.
    sections.push({
      type: 'section',
      attrs: { id: newSectionId(), level: 1, templateKey: null, required: false },
      content: [{ type: 'sectionTitle' }, { type: 'paragraph' }]
    })
  }
  return { type: 'doc', content: [preamble, ...chaptersOf(sections).map((content) => ({ type: 'chapter' as const, content }))] }
}

/** The editor's document JSON: the report's, with its sections grouped in chapters. */
export interface EditorDocJSON {
  type: 'doc'
  content: (BlockJSON | { type: 'chapter'; content: SectionJSON[] })[]
}

/** A report document (flat, as stored and exported) → the editor's JSON. */
export function editorDocJSON(doc: ReportDocJSON): EditorDocJSON {
  return docJSONFromBlocks(doc.content)
}

/** The editor's document → the report's JSON (flat blocks, as stored and exported). */
export function reportDocJSON(doc: PMNode): ReportDocJSON {
  const content: BlockJSON[] = []
  forEachBlock(doc, (node) => {
    content.push(node.toJSON() as BlockJSON)
  })
  return { type: 'doc', content } as ReportDocJSON
}

export function docFromBlocks(schema: Schema, blocks: readonly BlockJSON[]): PMNode {
  const doc = schema.nodeFromJSON(docJSONFromBlocks(blocks))
  doc.check()
  return doc
}

/**
 * Calls `f` for each block (preamble, then sections) with its position and index. Stops when
 * `f` returns false. O(blocks).
 */
export function forEachBlock(doc: PMNode, f: (node: PMNode, pos: number, index: number) => void | false): void {
  let index = 0
  let pos = 0
  for (let i = 0; i < doc.childCount; i++) {
    const top = doc.child(i)
    if (top.type.name === 'chapter') {
      let inner = pos + 1
      for (let j = 0; j < top.childCount; j++) {
        const node = top.child(j)
        if (f(node, inner, index++) === false) return
        inner += node.nodeSize
      }
    } else if (f(top, pos, index++) === false) return
    pos += top.nodeSize
  }
}

/** Number of blocks (the preamble and the sections). O(chapters). */
export function blockCount(doc: PMNode): number {
  let n = 0
  for (let i = 0; i < doc.childCount; i++) {
    const top = doc.child(i)
    n += top.type.name === 'chapter' ? top.childCount : 1
  }
  return n
}

/** Where the block at `index` is: its node and the position before it. O(chapters). */
export function blockLocation(doc: PMNode, index: number): { node: PMNode; pos: number } {
  let rest = index
  let pos = 0
  for (let i = 0; i < doc.childCount; i++) {
    const top = doc.child(i)
    const inside = top.type.name === 'chapter' ? top.childCount : 1
    if (rest < inside) {
      if (top.type.name !== 'chapter') return { node: top, pos }
      pos += 1
      for (let j = 0; j < rest; j++) pos += top.child(j).nodeSize
      return { node: top.child(rest), pos }
    }
    rest -= inside
    pos += top.nodeSize
  }
  throw new RangeError(`block ${index} out of range`)
}

/** The block at `index` (0 = preamble). */
export function blockAt(doc: PMNode, index: number): PMNode {
  return blockLocation(doc, index).node
}

/** Position before the block at `index`. */
export function blockPos(doc: PMNode, index: number): number {
  return blockLocation(doc, index).pos
}

/** Index of the block holding position `pos` (a position between blocks counts as the next one). */
export function blockIndexAt(doc: PMNode, pos: number): number {
  const $pos = doc.resolve(Math.min(Math.max(pos, 0), doc.content.size))
  if ($pos.index(0) >= doc.childCount) return blockCount(doc) - 1
  const top = $pos.index(0)
  let index = 0
  for (let i = 0; i < top; i++) {
    const node = doc.child(i)
    index += node.type.name === 'chapter' ? node.childCount : 1
  }
  if (doc.child(top).type.name !== 'chapter' || $pos.depth === 0) return index
  // At a chapter's end (after its last section) the next block is the next chapter's first.
  return Math.min(index + $pos.index(1), blockCount(doc) - 1)
}

export function newSectionId(): string {
  const c = globalThis.crypto
  if (c && typeof c.randomUUID === 'function') return c.randomUUID()
  return 's-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 10)
}

export interface SectionInfo {
  /** Block index (the preamble is 0). */
  index: number
  /** Position before the section node. */
  pos: number
  node: PMNode
  id: string
  level: SectionLevel
  number: string
  templateKey: string | null
  required: boolean
}

/** Every section with its computed number, in document order. O(number of sections). */
export function listSections(doc: PMNode): SectionInfo[] {
  const out: Omit<SectionInfo, 'number'>[] = []
  forEachBlock(doc, (node, offset, index) => {
    if (node.type.name !== 'section') return
    out.push({
      index,
      pos: offset,
      node,
      id: node.attrs.id,
      level: node.attrs.level,
      templateKey: node.attrs.templateKey,
      required: node.attrs.required
    })
  })
  const numbers = outlineNumbers(out.map((s) => s.level))
  return out.map((s, i) => ({ ...s, number: numbers[i] }))
}

export function sectionLevels(doc: PMNode): SectionLevel[] {
  const levels: SectionLevel[] = []
  forEachBlock(doc, (node) => {
    if (node.type.name === 'section') levels.push(node.attrs.level)
  })
  return levels
}

/** Plain text of an inline container; chips count as the text they show. */
export function inlineText(node: PMNode, chipText: (metricId: string) => string): string {
  let text = ''
  node.forEach((child) => {
    if (child.isText) text += child.text
    else if (child.type.name === 'metric') text += chipText(child.attrs.metricId)
    else if (child.type.name === 'hardBreak') text += '\n'
  })
  return text
}

/** Heading text of a section, without its number. */
export function sectionTitleText(section: PMNode): string {
  const title = section.firstChild
  return title ? title.textContent : ''
}
