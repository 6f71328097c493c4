// Bench-only: the app's database module in a page, opened twice on the same data — once with
// strict durability (what the app uses) and once relaxed (Chromium's default) — to time one
// autosave-sized saveSections call under each.
import { HuibaoDatabase, createReport, saveSections } from '../../src-renderer/src/db/database'
import type { BlockJSON, Report } from '../../src-renderer/src/core/report'
import type { MetricValue } from '../../src-renderer/src/core/template'

const NAME = 'huibao-durability-bench'

async function seed(report: Report, sections: BlockJSON[], values: MetricValue[]): Promise<void> {
  const db = new HuibaoDatabase(NAME)
  try {
    await db.delete()
    await db.open()
    await createReport(db, report, sections, values)
  } finally {
    db.close()
  }
}

/** Milliseconds per save of the middle section with one more character, `runs` times. */
async function timeSaves(reportId: string, durability: 'strict' | 'relaxed', runs: number, round: number): Promise<number[]> {
  const db = new HuibaoDatabase(NAME, { durability })
  try {
    const report = (await db.reports.get(reportId))!
    const id = report.sectionOrder[Math.floor(report.sectionOrder.length / 2)]
    const row = (await db.sections.get([reportId, id]))!
    const times: number[] = []
    for (let i = 0; i < runs; i++) {
      const json = structuredClone(row.json) as BlockJSON & { content: Array<{ content?: Array<{ type: string; text?: string }> }> }
      const last = json.content.at(-1)?.content?.find((n) => n.type === 'text')
      if (last) last.text = `${last.text ?? ''}${String.fromCharCode(0x4e00 + ((round * runs + i) % 500))}`
      const t0 = performance.now()
      await saveSections(db, reportId, { changed: [json], removedIds: [], order: null })
      times.push(performance.now() - t0)
    }
    return times
  } finally {
    db.close()
  }
}

/** What the engine itself says a transaction of this database commits with. */
async function engineDurability(durability: 'strict' | 'relaxed'): Promise<string> {
  const db = new HuibaoDatabase(NAME, { durability })
  try {
    await db.open()
    return await db.transaction('r', db.reports, (tx) => String((tx.idbtrans as IDBTransaction & { durability?: string }).durability))
  } finally {
    db.close()
  }
}

;(window as unknown as { __benchDurability: unknown }).__benchDurability = { seed, timeSaves, engineDurability }
