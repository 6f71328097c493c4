// The report's text as plain blocks, so the baseline editor and the bare docx document hold
// the same words as our editor and exporter.

export interface PlainBlock {
  kind: 'heading' | 'paragraph'
  level: number
  text: string
}

import type { BlockJSON, InlineJSON } from '../../src-renderer/src/core/report'
import type { ResolvedReport, ResolvedRun } from '../../src-renderer/src/core/resolved'

const runsText = (runs: ResolvedRun[]) => runs.map((r) => r.text).join('')

/** The editor body's text (preamble and sections; title and signatures live outside it). */
export function blocksFromResolved(r: ResolvedReport): PlainBlock[] {
  return [
    ...r.preamble.map((p) => ({ kind: 'paragraph' as const, level: 0, text: runsText(p.runs) })),
    ...r.sections.flatMap((s) => [
      { kind: 'heading' as const, level: s.level, text: `${s.number}${runsText(s.title)}` },
      ...s.paragraphs.map((p) => ({ kind: 'paragraph' as const, level: 0, text: runsText(p.runs) }))
    ])
  ]
}

function inlineText(content: InlineJSON[] | undefined): string {
  return (content ?? []).map((n) => (n.type === 'text' ? n.text : n.type === 'metric' ? '【指标】' : '\n')).join('')
}

/** Fallback when resolveReport is not available: chips become a fixed placeholder. */
export function blocksFromJSON(sections: BlockJSON[]): PlainBlock[] {
  return sections.flatMap((b): PlainBlock[] =>
    b.type === 'preamble'
      ? b.content.map((p) => ({ kind: 'paragraph', level: 0, text: inlineText(p.content) }))
      : b.content.map((n) =>
          n.type === 'sectionTitle'
            ? { kind: 'heading', level: b.attrs.level, text: inlineText(n.content) }
            : { kind: 'paragraph', level: 0, text: inlineText(n.content) }
        )
  )
}

/** Up to 24 characters of the longest text node of the last block: verbatim in the editor's DOM text. */
export function lastSectionNeedle(sections: BlockJSON[]): string {
  const last = sections[sections.length - 1]
  if (!last) return ''
  let best = ''
  for (const node of last.content) {
    for (const inline of node.content ?? []) {
      if (inline.type === 'text' && inline.text.length > best.length) best = inline.text
    }
  }
  return best.slice(0, 24)
}

export function characterCount(blocks: PlainBlock[]): number {
  return blocks.reduce((n, b) => n + b.text.length, 0)
}
