// Bench-only helpers injected into the app's own origin: they use the app's database module
// (same Dexie schema, same saveSections) against the page's real IndexedDB.
import { HuibaoDatabase, createReport, saveSections } from '../../src-renderer/src/db/database'
import type { BlockJSON, Report } from '../../src-renderer/src/core/report'
import type { MetricValue } from '../../src-renderer/src/core/template'

export interface SaveTiming {
  /** Milliseconds per saveSections call. */
  times: number[]
  /** UTF-8 bytes of the section rows one call writes, serialized as JSON. */
  bytes: number
  sections: number
}

async function seed(report: Report, sections: BlockJSON[], values: MetricValue[]): Promise<void> {
  const db = new HuibaoDatabase()
  try {
    await db.reports.delete(report.id)
    await db.sections.where('reportId').equals(report.id).delete()
    await db.metricValues.where('reportId').equals(report.id).delete()
    await createReport(db, report, sections, values)
  } finally {
    db.close()
  }
}

/** A copy of the block with one more character in its last text node: a real, small change. */
function touched(block: BlockJSON, mark: string): BlockJSON {
  const copy = structuredClone(block) as BlockJSON
  const paragraphs = copy.content as Array<{ content?: Array<{ type: string; text?: string }> }>
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const inline = paragraphs[i].content ?? []
    for (let j = inline.length - 1; j >= 0; j--) {
      if (inline[j].type === 'text') {
        inline[j].text = `${inline[j].text ?? ''}${mark}`
        return copy
      }
    }
  }
  return copy
}

/**
 * Times saveSections on a report already stored: `mode` 'one' changes the middle section
 * (what an autosave after typing writes), 'all' rewrites every section with the order (a
 * whole-document save, for comparison).
 */
async function timeSave(reportId: string, mode: 'one' | 'all', runs: number, warmup: number): Promise<SaveTiming> {
  const db = new HuibaoDatabase()
  try {
    const report = await db.reports.get(reportId)
    if (!report) throw new Error(`report ${reportId} is not in IndexedDB`)
    const rows = await db.sections.where('reportId').equals(reportId).toArray()
    const byId = new Map(rows.map((r) => [r.id, r.json]))
    const ordered = report.sectionOrder.map((id) => byId.get(id)).filter((s): s is BlockJSON => s !== undefined)
    const middle = ordered[Math.floor(ordered.length / 2)]
    const times: number[] = []
    let bytes = 0
    let sections = 0
    for (let i = 0; i < warmup + runs; i++) {
      const mark = String.fromCharCode(0x4e00 + (i % 200))
      const changed = mode === 'one' ? [touched(middle, mark)] : ordered.map((b) => touched(b, mark))
      const order = mode === 'one' ? null : report.sectionOrder
      const stamp = Date.now()
      const t0 = performance.now()
      await saveSections(db, reportId, { changed, removedIds: [], order }, stamp)
      const elapsed = performance.now() - t0
      if (i >= warmup) times.push(elapsed)
      const written = changed.map((json) => ({ reportId, id: json.attrs.id, json, updatedAt: stamp }))
      bytes = new TextEncoder().encode(JSON.stringify(written)).length
      sections = changed.length
    }
    return { times, bytes, sections }
  } finally {
    db.close()
  }
}

/** `count` short reports (a copy of `report` with only its preamble) for the home-list figure. */
async function seedList(report: Report, preamble: BlockJSON, count: number): Promise<void> {
  const db = new HuibaoDatabase()
  try {
    for (let i = 0; i < count; i++) {
      const id = `bench-list-${i}`
      if (await db.reports.get(id)) continue
      const copy: Report = { ...report, id, meta: { ...report.meta, title: `${report.meta.title}（${i + 1}）` }, sectionOrder: [] }
      await createReport(db, copy, [preamble], [])
    }
  } finally {
    db.close()
  }
}

;(window as unknown as { __benchDB: unknown }).__benchDB = { seed, timeSave, seedList }
