// The Word export path end to end, minus the OS: DB rows → resolved report → DOCX bytes → the
// platform's saveFile, captured by a fake platform.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import JSZip from 'jszip'
import { afterEach, describe, expect, it } from 'vitest'
import type { SectionJSON } from '@core/report'
import { builtInTemplate } from '@core/templates'
import { createReportFromTemplate } from '@core/report-factory'
import { HuibaoDatabase, createReport, saveMetricValue, saveSections } from '../../../src-renderer/src/db/database'
import { DOCX_MIME_TYPE, ExportError, exportReportAsDocx } from '../../../src-renderer/src/services/export-docx'
import type { Platform, SaveFileOptions } from '../../../src-renderer/src/platform/platform'

const opened: HuibaoDatabase[] = []
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

function fakePlatform(): Platform & { saved: SaveFileOptions[] } {
  const saved: SaveFileOptions[] = []
  return {
    kind: 'browser',
    saved,
    async saveFile(req) {
      saved.push(req)
      return { status: 'saved', path: `/tmp/${req.suggestedName}` }
    },
    async getAppInfo() {
      return null
    }
  }
}

async function seededDb() {
  const db = new HuibaoDatabase(`huibao-export-${process.pid}-${opened.length}-${Date.now()}`)
  opened.push(db)
  const template = builtInTemplate('rule-of-law-annual')!
  let n = 0
  const { report, doc, values } = createReportFromTemplate(
    template,
    { organs: ['甲乙镇人民政府'], addressee: '丙县人民政府', year: 2024, date: '2025-01-15', title: '甲乙镇人民政府关于2024年测试工作的报告' },
    { reportId: 'r1', newSectionId: () => `s${++n}`, now: 1000 }
  )
  await createReport(db, report, doc.content, values)
  const patrols = template.metrics.find((m) => m.label === '日常巡查次数')!
  const first = doc.content[1] as SectionJSON
  const edited: SectionJSON = {
    ...first,
    content: [
      first.content[0],
      { type: 'paragraph', content: [{ type: 'text', text: '全年开展日常巡查' }, { type: 'metric', attrs: { metricId: patrols.id } }, { type: 'text', text: '，成效明显。' }] }
    ]
  }
  await saveSections(db, 'r1', { changed: [edited], removedIds: [], order: null }, 2000)
  await saveMetricValue(db, 'r1', { metricId: patrols.id, value: 120, qualifier: '余' }, 2000)
  return db
}

describe('exportReportAsDocx', () => {
  it('saves a Word document built from the stored report', async () => {
    const db = await seededDb()
    const platform = fakePlatform()
    const result = await exportReportAsDocx('r1', { db, platform })

    expect(result).toEqual({ status: 'saved', path: '/tmp/甲乙镇人民政府关于2024年测试工作的报告.docx' })
    expect(platform.saved).toHaveLength(1)
    const req = platform.saved[0]
    expect(req.mimeType).toBe(DOCX_MIME_TYPE)
    expect(req.filters).toEqual([{ name: 'Word 文档', extensions: ['docx'] }])

    const zip = await JSZip.loadAsync(req.data)
    const xml = await zip.file('word/document.xml')!.async('string')
    const text = xml.replace(/<[^>]+>/g, '')
    expect(text).toContain('甲乙镇人民政府关于2024年测试工作的报告')
    expect(text).toContain('全年开展日常巡查')
    expect(text).toContain('120余次')
    expect(text).toContain('丙县人民政府：')
  })

  it('refuses a report that does not exist, with a Chinese message', async () => {
    const db = await seededDb()
    const platform = fakePlatform()
    await expect(exportReportAsDocx('missing', { db, platform })).rejects.toThrow(ExportError)
    await expect(exportReportAsDocx('missing', { db, platform })).rejects.toThrow('找不到这份报告')
    expect(platform.saved).toEqual([])
  })

  it('passes a cancelled save dialog through', async () => {
    const db = await seededDb()
    const platform: Platform = { ...fakePlatform(), saveFile: async () => ({ status: 'canceled' }) }
    expect(await exportReportAsDocx('r1', { db, platform })).toEqual({ status: 'canceled' })
  })
})
