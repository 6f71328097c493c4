// Reading the report document: building it from stored rows and walking its top-level blocks.
import type { Node as PMNode, Schema } from '@tiptap/pm/model'
import type { BlockJSON, ReportDocJSON, SectionLevel } from '@core/report'
import { PREAMBLE_ID } from '@core/report'
import { outlineNumbers } from '@core/numbering'

/** Stored rows (preamble first, then sections in order) → the editor's document JSON. */
export function docJSONFromBlocks(blocks: readonly BlockJSON[]): ReportDocJSON {
  const preamble = blocks.find((b) => b.type === 'preamble') ?? {
    type: 'preamble' as const,
    attrs: { id: PREAMBLE_ID },
    content: [{ type: 'paragraph' as const }]
  }
  const sections = blocks.filter((b) => b.type === 'section')
  if (sections.length === 0) {
    // The schema needs one section; an empty report gets an untitled one rather than failing.
    sections.push({
      type: 'section',
      attrs: { id: newSectionId(), level: 1, templateKey: null, required: false },
      content: [{ type: 'sectionTitle' }, { type: 'paragraph' }]
    })
  }
  return { type: 'doc', content: [preamble, ...sections] } as ReportDocJSON
}

export function docFromBlocks(schema: Schema, blocks: readonly BlockJSON[]): PMNode {
  const doc = schema.nodeFromJSON(docJSONFromBlocks(blocks))
  doc.check()
  return doc
}

export function newSectionId(): string {
  const c = globalThis.crypto
  if (c && typeof c.randomUUID === 'function') return c.randomUUID()
  return 's-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 10)
}

export interface SectionInfo {
  /** Index among the doc's top-level children (the preamble is 0). */
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
  doc.forEach((node, offset, index) => {
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
  doc.forEach((node) => {
    if (node.type.name === 'section') levels.push(node.attrs.level)
  })
  return levels
}

/** Index of the top-level block holding position `pos`. */
export function topIndexAt(doc: PMNode, pos: number): number {
  const $pos = doc.resolve(Math.min(Math.max(pos, 0), doc.content.size))
  return $pos.depth === 0 ? Math.min($pos.index(0), doc.childCount - 1) : $pos.index(0)
}

/** Position before the top-level child at `index`. */
export function posOfIndex(doc: PMNode, index: number): number {
  let pos = 0
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize
  return pos
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
