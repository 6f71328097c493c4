// Small builders shared by the backup tests: isolated databases and a report with rows.
import Dexie from 'dexie'
import type { Report } from '@core/report'
import { HuibaoDatabase, createReport } from '../../../src-renderer/src/db/database'

let counter = 0
const opened: Dexie[] = []

export function freshDb(): HuibaoDatabase {
  const db = new HuibaoDatabase(`huibao-backup-test-${process.pid}-${++counter}`)
  opened.push(db)
  return db
}

export async function closeAll(): Promise<void> {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
}

/** Rare CJK (Extension B), a variation selector, emoji with ZWJ, full-width punctuation. */
export const RARE_TEXT = '𠮷野家的“𡈼”字，𪚥与龘；葛󠄀城👩‍👩‍👧‍👦、🀄️与〇。'

export async function addReport(db: HuibaoDatabase, id: string, title: string, body: string, now = 1_700_000_000_000): Promise<Report> {
  const report: Report = {
    id,
    templateId: 'rule-of-law',
    templateVersion: 1,
    meta: { title, issuingOrgans: ['某某镇人民政府'], addressee: '某某县人民政府', year: 2024, date: '2025-01-15' },
    status: 'draft',
    sectionOrder: ['preamble', `${id}-s1`],
    createdAt: now,
    updatedAt: now,
    deletedAt: null
  }
  await createReport(
    db,
    report,
    [
      { type: 'preamble', attrs: { id: 'preamble' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: body }] }] },
      {
        type: 'section',
        attrs: { id: `${id}-s1`, level: 1, templateKey: null, required: false },
        content: [
          { type: 'sectionTitle', content: [{ type: 'text', text: '一年来的主要做法' }] },
          { type: 'paragraph', content: [{ type: 'text', text: `${body}（续）` }, { type: 'metric', attrs: { metricId: 'm1' } }] }
        ]
      }
    ],
    [{ metricId: 'm1', value: 12, qualifier: '余' }]
  )
  return report
}
