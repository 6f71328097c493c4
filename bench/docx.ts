// Figure 1: DOCX export time in Node. Ours = resolveReport + exportReportDocx (GB/T 9704
// layout, styles, numbering); baseline = the bare docx library packing the same paragraphs
// as unstyled Paragraph/TextRun. Alternating runs after warm-up, so load drift hits both.
import { Document, Packer, Paragraph, TextRun } from 'docx'
import type { ResolvedParagraph, ResolvedReport, ResolvedRun } from '../src-renderer/src/core/resolved'
import { summarize, type Summary } from './lib/stats'

export const DOCX_RUNS = 9
const DOCX_WARMUP = 3

export interface DocxFigure {
  runs: number
  warmup: number
  ours: Summary & { bytes: number }
  baseline: Summary & { bytes: number }
  /** Paragraphs in the document (both sides). */
  paragraphs: number
  characters: number
}

const runsText = (runs: ResolvedRun[]) => runs.map((r) => r.text).join('')
const paragraphText = (p: ResolvedParagraph) => runsText(p.runs)

/** Every paragraph of the resolved report as plain text, in document order. */
export function resolvedParagraphs(r: ResolvedReport): string[] {
  return [
    r.title,
    r.addressee,
    ...r.preamble.map(paragraphText),
    ...r.sections.flatMap((s) => [`${s.number}${runsText(s.title)}`, ...s.paragraphs.map(paragraphText)]),
    ...r.signatures,
    r.dateText
  ]
}

export async function bareDocx(paragraphs: string[]): Promise<Uint8Array> {
  const doc = new Document({
    sections: [{ children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) }]
  })
  return new Uint8Array(await Packer.toArrayBuffer(doc))
}

export async function measureDocx(
  resolve: () => ResolvedReport,
  exportDocx: (r: ResolvedReport) => Promise<Uint8Array>
): Promise<DocxFigure> {
  const paragraphs = resolvedParagraphs(resolve())
  const ours: number[] = []
  const base: number[] = []
  let oursBytes = 0
  let baseBytes = 0
  for (let i = 0; i < DOCX_WARMUP + DOCX_RUNS; i++) {
    let t0 = performance.now()
    const a = await exportDocx(resolve())
    const tOurs = performance.now() - t0
    t0 = performance.now()
    const b = await bareDocx(paragraphs)
    const tBase = performance.now() - t0
    if (i >= DOCX_WARMUP) {
      ours.push(tOurs)
      base.push(tBase)
    }
    oursBytes = a.byteLength
    baseBytes = b.byteLength
  }
  return {
    runs: DOCX_RUNS,
    warmup: DOCX_WARMUP,
    ours: { ...summarize(ours), bytes: oursBytes },
    baseline: { ...summarize(base), bytes: baseBytes },
    paragraphs: paragraphs.length,
    characters: paragraphs.reduce((n, p) => n + p.length, 0)
  }
}
