// Figure 1: DOCX export time in Node. Ours = resolveReport + exportReportDocx (GB/T 9704
// layout, styles, numbering, the package step). Baseline (same content, same formatting): the
// docx library building and packing the very document ours writes — buildReportDocument from
// the report resolved beforehand, then Packer — so the ratio is what our pipeline adds on top
// of the library (resolving, the package step). The bare docx library packing the same
// paragraphs unstyled is kept as a reference (it mixes formatting volume with overhead).
// Alternating runs after warm-up, so load drift hits all three.
import { Document, Packer, Paragraph, TextRun } from 'docx'
import type { ResolvedParagraph, ResolvedReport, ResolvedRun } from '../src-renderer/src/core/resolved'
import { buildReportDocument } from '../src-renderer/src/core/docx/build'
import { summarize, type Summary } from './lib/stats'
import type { ExportRow } from './exports'

/** What resolving and the package step may add to the library's own build and pack. */
export const DOCX_GOAL_RATIO = 1.5

export const DOCX_RUNS = 9
const DOCX_WARMUP = 3

export interface DocxFigure {
  runs: number
  warmup: number
  ours: Summary & { bytes: number }
  /** The bare docx library, unstyled paragraphs (reference only). */
  baseline: Summary & { bytes: number }
  /** The docx library building and packing the same formatted document. */
  formatted: Summary & { bytes: number }
  /** ours / formatted per interleaved run. */
  ratios: number[]
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
  const resolved = resolve()
  const paragraphs = resolvedParagraphs(resolved)
  const ours: number[] = []
  const base: number[] = []
  const formatted: number[] = []
  let oursBytes = 0
  let baseBytes = 0
  let formattedBytes = 0
  for (let i = 0; i < DOCX_WARMUP + DOCX_RUNS; i++) {
    let t0 = performance.now()
    const a = await exportDocx(resolve())
    const tOurs = performance.now() - t0
    t0 = performance.now()
    const f = new Uint8Array(await Packer.toArrayBuffer(buildReportDocument(resolved)))
    const tFormatted = performance.now() - t0
    t0 = performance.now()
    const b = await bareDocx(paragraphs)
    const tBase = performance.now() - t0
    if (i >= DOCX_WARMUP) {
      ours.push(tOurs)
      base.push(tBase)
      formatted.push(tFormatted)
    }
    oursBytes = a.byteLength
    baseBytes = b.byteLength
    formattedBytes = f.byteLength
  }
  return {
    runs: DOCX_RUNS,
    warmup: DOCX_WARMUP,
    ours: { ...summarize(ours), bytes: oursBytes },
    baseline: { ...summarize(base), bytes: baseBytes },
    formatted: { ...summarize(formatted), bytes: formattedBytes },
    ratios: ours.map((t, i) => t / formatted[i]),
    paragraphs: paragraphs.length,
    characters: paragraphs.reduce((n, p) => n + p.length, 0)
  }
}

const spread = (s: Summary) => `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)})`

/** Figure 1 in the export table's shape: goal, same-formatting baseline, ratio with spread, verdict. */
export function docxRows(f: DocxFigure, pages: number): ExportRow[] {
  const r = summarize(f.ratios)
  return [
    {
      figure: `DOCX export (Node), ${pages} pages`,
      goal: `≤ ${DOCX_GOAL_RATIO}× docx, same formatting`,
      ours: spread(f.ours),
      baseline: spread(f.formatted),
      ratio: `${r.median.toFixed(2)}× (${r.min.toFixed(2)}–${r.max.toFixed(2)})`,
      verdict: r.median <= DOCX_GOAL_RATIO ? '达标 met' : '未达标 missed',
      notes:
        `ours = resolveReport + exportReportDocx (incl. the package step); baseline = buildReportDocument of the report resolved beforehand + Packer (the docx library writing the same document); ` +
        `${f.runs} interleaved runs after ${f.warmup} warm-up, verdict on the median ratio; ${f.paragraphs} paragraphs; files ${(f.ours.bytes / 1024).toFixed(0)} KiB vs ${(f.formatted.bytes / 1024).toFixed(0)} KiB; ` +
        `reference, unstyled paragraphs through bare docx: ${spread(f.baseline)}`
    }
  ]
}
