// The proofreading checks point at text as (section id, heading/body, paragraph index, offsets
// into the paragraph's resolved text). This maps such a spot back to editor positions — the same
// way resolveReport reads the document: hard breaks start paragraphs, pending suggested
// insertions are left out, leading spaces are trimmed, a chip is its shown text — and applies
// the certain fixes as one transaction (one undo step).
import type { Node as PMNode } from '@tiptap/pm/model'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { forEachBlock } from './doc'

export interface TextSpot {
  sectionId: string
  part: 'title' | 'body'
  paragraph: number
  start: number
  end: number
}

type ChipText = (metricId: string, show?: 'value' | 'yoy') => string

/** One resolved paragraph: its text and, per UTF-16 unit, the document position it came from. */
interface MappedParagraph {
  text: string
  /** pos[i] = document position of text[i]; for chips every unit maps to the chip's position. */
  pos: number[]
  /** true where text[i] comes from a chip (a chip is replaced whole or not at all). */
  chip: boolean[]
  /** Position right after the last unit (for spots at the very end). */
  endPos: number
}

const isInsertion = (node: PMNode) => node.marks.some((m) => m.type.name === 'insertion')

function mapContainer(node: PMNode, start: number, chipText: ChipText): MappedParagraph[] {
  const out: MappedParagraph[] = [{ text: '', pos: [], chip: [], endPos: start }]
  node.forEach((child, offset) => {
    const at = start + offset
    const cur = out[out.length - 1]
    if (child.type.name === 'hardBreak') {
      if (!isInsertion(child)) out.push({ text: '', pos: [], chip: [], endPos: at + 1 })
      return
    }
    if (isInsertion(child)) return
    if (child.type.name === 'metric') {
      const t = chipText(String(child.attrs.metricId), child.attrs.show === 'yoy' ? 'yoy' : 'value')
      for (let i = 0; i < t.length; i++) {
        cur.pos.push(at)
        cur.chip.push(true)
      }
      cur.text += t
      cur.endPos = at + 1
    } else if (child.isText) {
      const t = child.text ?? ''
      for (let i = 0; i < t.length; i++) {
        cur.pos.push(at + i)
        cur.chip.push(false)
      }
      cur.text += t
      cur.endPos = at + t.length
    }
  })
  // resolveReport trims leading spaces of a paragraph (not starting with a chip).
  for (const p of out) {
    let n = 0
    while (n < p.text.length && !p.chip[n] && /[\s\u3000]/.test(p.text[n])) n++
    if (n > 0) {
      p.text = p.text.slice(n)
      p.pos = p.pos.slice(n)
      p.chip = p.chip.slice(n)
    }
  }
  return out
}

function paragraphsOf(doc: PMNode, sectionId: string, part: 'title' | 'body', chipText: ChipText): MappedParagraph[] | null {
  let found: MappedParagraph[] | null = null
  forEachBlock(doc, (block, offset) => {
    if (found || block.attrs.id !== sectionId) return
    const list: MappedParagraph[] = []
    block.forEach((child, childOffset) => {
      const isTitle = child.type.name === 'sectionTitle'
      if ((part === 'title') !== isTitle) return
      list.push(...mapContainer(child, offset + 1 + childOffset + 1, chipText))
    })
    // A heading is one line in the resolved report.
    found = part === 'title' && list.length > 1 ? [merge(list)] : list
  })
  return found
}

function merge(list: MappedParagraph[]): MappedParagraph {
  return list.reduce((a, b) => ({ text: a.text + b.text, pos: [...a.pos, ...b.pos], chip: [...a.chip, ...b.chip], endPos: b.endPos }))
}

/** Document range of a spot, or null when the text has changed so much it cannot be found. */
export function spotRange(doc: PMNode, spot: TextSpot, chipText: ChipText): { from: number; to: number; text: string; touchesChip: boolean } | null {
  const paragraphs = paragraphsOf(doc, spot.sectionId, spot.part, chipText)
  const p = paragraphs?.[spot.paragraph]
  if (!p || spot.start < 0 || spot.end > p.text.length || spot.start > spot.end) return null
  const from = spot.start < p.pos.length ? p.pos[spot.start] : p.endPos
  const to = spot.end === 0 ? from : spot.end <= p.pos.length ? p.pos[spot.end - 1] + 1 : p.endPos
  const touchesChip = p.chip.slice(spot.start, spot.end).some(Boolean)
  return { from, to: Math.max(from, to), text: p.text.slice(spot.start, spot.end), touchesChip }
}

export interface TextFix {
  spot: TextSpot
  from: string
  to: string
}

/**
 * Applies text fixes as one transaction. A fix is skipped when its spot no longer reads `from`
 * or covers a chip. Returns the transaction (null when nothing applies) and how many applied.
 */
export function fixTransaction(state: EditorState, fixes: readonly TextFix[], chipText: ChipText): { tr: Transaction | null; applied: number } {
  const ranges = fixes
    .map((f) => ({ f, r: spotRange(state.doc, f.spot, chipText) }))
    .filter((x): x is { f: TextFix; r: NonNullable<ReturnType<typeof spotRange>> } => x.r !== null && !x.r.touchesChip && x.r.text === x.f.from)
    .sort((a, b) => b.r.from - a.r.from || b.r.to - a.r.to) // on a tie the wider fix wins
  const tr = state.tr
  let last = Infinity
  let applied = 0
  for (const { f, r } of ranges) {
    if (r.to > last) continue // overlaps a fix already applied
    if (f.to === '') tr.delete(r.from, r.to)
    else tr.insertText(f.to, r.from, r.to)
    last = r.from
    applied++
  }
  return { tr: applied ? tr : null, applied }
}
