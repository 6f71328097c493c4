// The PDF export service and the layout settings kept on the report: DB rows → the platform's
// printToPdf with the title as file name and the organs as author; the report's layout choice
// survives in IndexedDB and is what the Word export uses too.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import JSZip from 'jszip'
import { afterEach, describe, expect, it } from 'vitest'
import { builtInTemplate } from '@core/templates'
import { createReportFromTemplate } from '@core/report-factory'
import type { PrintToPdfRequest } from '@contract/ipc'
import { HuibaoDatabase, createReport, getReport, updateReport } from '../../../src-renderer/src/db/database'
import { PdfExportError, exportReportAsPdf, suggestedPdfFileName } from '../../../src-renderer/src/services/export-pdf'
import { exportReportAsDocx } from '../../../src-renderer/src/services/export-docx'
import type { Platform, SaveFileOptions } from '../../../src-renderer/src/platform/platform'

const opened: HuibaoDatabase[] = []
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

function fakePlatform(withPdf = true): Platform & { printed: PrintToPdfRequest[]; saved: SaveFileOptions[] } {
  const printed: PrintToPdfRequest[] = []
  const saved: SaveFileOptions[] = []
  return {
    kind: 'electron',
    printed,
    saved,
    async saveFile(req) {
      saved.push(req)
      return { status: 'saved', path: `/docs/${req.suggestedName}` }
    },
    async getAppInfo() {
      return null
    },
    ...(withPdf
      ? {
          async printToPdf(req: PrintToPdfRequest) {
            printed.push(req)
            return { status: 'saved' as const, path: `/docs/${req.suggestedName}` }
          }
        }
      : {})
  }
}

async function seeded(organs = ['中共青石镇委员会', '青石镇人民政府']) {
  const db = new HuibaoDatabase(`huibao-pdf-${process.pid}-${opened.length}-${Date.now()}`)
  opened.push(db)
  const template = builtInTemplate('rule-of-law-annual')!
  let n = 0
  const made = createReportFromTemplate(
    template,
    { organs, addressee: '青山县人民政府', year: 2024, date: '2025-01-20' },
    { reportId: 'r-pdf', newSectionId: () => `s${n++}`, now: 1 }
  )
  await createReport(db, made.report, made.doc.content, made.values)
  return { db, report: made.report }
}

describe('exportReportAsPdf', () => {
  it('asks the platform to print the report with its title as file name and the organs as author', async () => {
    const { db, report } = await seeded()
    const platform = fakePlatform()
    const result = await exportReportAsPdf(report.id, { db, platform })
    expect(platform.printed).toEqual([
      {
        reportId: report.id,
        suggestedName: `${report.meta.title}.pdf`,
        title: report.meta.title,
        author: '中共青石镇委员会、青石镇人民政府'
      }
    ])
    expect(result).toEqual({ status: 'saved', path: `/docs/${report.meta.title}.pdf` })
  })

  it('says in Chinese when the report is gone or the platform cannot print', async () => {
    const { db, report } = await seeded()
    await expect(exportReportAsPdf('nope', { db, platform: fakePlatform() })).rejects.toThrow(PdfExportError)
    await expect(exportReportAsPdf(report.id, { db, platform: fakePlatform(false) })).rejects.toThrow(/不支持导出 PDF/)
  })

  it('makes a Windows-safe .pdf name from the title', () => {
    expect(suggestedPdfFileName('青石镇:关于"工作"的报告')).toBe('青石镇关于工作的报告.pdf')
    expect(suggestedPdfFileName('  ')).toBe('报告.pdf')
  })
})

describe('layout settings on the report', () => {
  it('are stored on the report and drive the Word export (practice grid, attachment note and pages)', async () => {
    const { db, report } = await seeded(['青石镇人民政府'])
    await updateReport(db, report.id, { layout: { profileId: 'practice', signatureRule: 'with-seal', metricTable: true } })
    expect((await getReport(db, report.id))?.layout).toEqual({ profileId: 'practice', signatureRule: 'with-seal', metricTable: true })
    const platform = fakePlatform()
    await exportReportAsDocx(report.id, { db, platform })
    const xml = await (await JSZip.loadAsync(platform.saved[0].data)).file('word/document.xml')!.async('string')
    // Practice profile: 28 pt grid. Attachment: 附件 label on its own page and the table.
    expect(xml).toContain('w:linePitch="560"')
    expect(xml).toContain('<w:pageBreakBefore/>')
    expect(xml).toContain('<w:tblHeader/>')
    expect(xml).toContain('附件：2024年度主要指标汇总表')
  })
})
