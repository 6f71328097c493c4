// The DOCX builder with the per-report layout: with-seal signature, attachment note and pages,
// a metric table with explicit column widths and a repeating header row, the balanced title,
// and the practice profile. Read back from the package XML.
import { describe, expect, it } from 'vitest'
import { exportReportDocx } from '@core/docx/export'
import { charsToTwips, GBT9704_PROFILE, PRACTICE_PROFILE } from '@core/layout'
import { buildAttachments, METRIC_TABLE_COLUMNS } from '@core/pages/attachments'
import { placeSignature } from '@core/pages/signature'
import { breakTitle } from '@core/pages/title'
import { RULE_OF_LAW_TEMPLATE } from '@core/templates'
import { all, child, handReport, paragraphText, parseXml, pProp, rProp, unzipDocx } from '../docx/helpers'

const template = RULE_OF_LAW_TEMPLATE
const values = [{ metricId: template.metrics[0].id, value: 98, qualifier: '' as const }]

async function documentXml(...args: Parameters<typeof exportReportDocx>): Promise<Document> {
  const files = await unzipDocx(await exportReportDocx(...args))
  return parseXml(files['word/document.xml'])
}

const bodyChildren = (doc: Document) => Array.from(all(doc, 'w:body')[0].children)
const paragraphs = (doc: Document) => bodyChildren(doc).filter((c) => c.tagName === 'w:p')

describe('signature rules in Word', () => {
  it('with a seal: date 右空四字, signature centred over it, two blank lines for the seal', async () => {
    const report = handReport()
    const doc = await documentXml(report, GBT9704_PROFILE, { signatureRule: 'with-seal' })
    const ps = paragraphs(doc)
    const date = ps.find((p) => paragraphText(p) === report.dateText)!
    const sig = ps.find((p) => paragraphText(p) === report.signatures[0])!
    expect(pProp(date, 'w:jc', 'w:val')).toBe('right')
    expect(Number(pProp(date, 'w:ind', 'w:right'))).toBe(charsToTwips(GBT9704_PROFILE, 4))
    const expected = placeSignature('with-seal', report.signatures, report.dateText, 28).lines[0].placement
    expect(expected.align).toBe('right')
    if (expected.align === 'right') expect(Number(pProp(sig, 'w:ind', 'w:right'))).toBe(charsToTwips(GBT9704_PROFILE, expected.rightChars))
    const at = ps.indexOf(sig)
    expect(ps.slice(at - 2, at).map(paragraphText)).toEqual(['', ''])
    expect(paragraphText(ps[at - 3])).not.toBe('')
  })

  it('without a seal (default): signature 右空二字 after one blank line', async () => {
    // An organ name longer than the date, so the signature is the line that gets 右空二字.
    const report = handReport({ signatures: ['青山县青石镇人民政府'] })
    const ps = paragraphs(await documentXml(report))
    const sig = ps.find((p) => paragraphText(p) === report.signatures[0])!
    expect(Number(pProp(sig, 'w:ind', 'w:right'))).toBe(charsToTwips(GBT9704_PROFILE, 2))
    expect(paragraphText(ps[ps.indexOf(sig) - 2])).not.toBe('')
  })
})

describe('attachments in Word', () => {
  const attachments = buildAttachments({
    metricTable: true,
    attachments: [{ id: 'x', title: '青石镇执法案件清单', paragraphs: ['案件按月登记。'] }],
    template,
    values,
    year: 2024
  })

  it('writes the note under the body, then each attachment on a new page with 附件N and its title', async () => {
    const doc = await documentXml(handReport(), GBT9704_PROFILE, { attachments })
    const ps = paragraphs(doc)
    const texts = ps.map(paragraphText)
    const note = texts.indexOf('附件：1.' + attachments[0].title)
    expect(note).toBeGreaterThan(0)
    expect(texts[note + 1]).toBe('2.青石镇执法案件清单')
    expect(texts[note - 1]).toBe('')
    expect(texts.indexOf(handReport().signatures[0])).toBeGreaterThan(note)
    for (const label of ['附件1', '附件2']) {
      const p = ps[texts.indexOf(label)]
      expect(child(child(p, 'w:pPr'), 'w:pageBreakBefore')).not.toBeNull()
      expect(rProp(all(p, 'w:r')[0], 'w:rFonts', 'w:eastAsia')).toBe(GBT9704_PROFILE.fonts.heading1)
      // Line 1 label, line 2 blank, line 3 the centred title.
      const title = ps[texts.indexOf(label) + 2]
      expect(texts[texts.indexOf(label) + 1]).toBe('')
      expect(pProp(title, 'w:jc', 'w:val')).toBe('center')
    }
    expect(texts).toContain('案件按月登记。')
  })

  it('gives the table explicit column widths on the grid and every cell, and a repeating header row', async () => {
    const doc = await documentXml(handReport(), GBT9704_PROFILE, { attachments })
    const tables = all(doc, 'w:tbl')
    expect(tables).toHaveLength(1)
    const widths = all(tables[0], 'w:gridCol').map((c) => Number(c.getAttribute('w:w')))
    expect(widths).toEqual(METRIC_TABLE_COLUMNS.map((c) => charsToTwips(GBT9704_PROFILE, c.widthChars)))
    const rows = all(tables[0], 'w:tr')
    expect(rows).toHaveLength(template.metrics.length + 1)
    expect(all(rows[0], 'w:tblHeader')).toHaveLength(1)
    expect(all(rows[1], 'w:tblHeader')).toHaveLength(0)
    expect(all(rows[0], 'w:t').map((t) => t.textContent)).toEqual(['指标', '单位', '数值'])
    for (const tc of all(tables[0], 'w:tc')) {
      const w = all(tc, 'w:tcW')[0]
      expect(w.getAttribute('w:type')).toBe('dxa')
      expect(widths).toContain(Number(w.getAttribute('w:w')))
    }
    expect(all(rows[1], 'w:t').map((t) => t.textContent)).toEqual([template.metrics[0].label, template.metrics[0].unit, '98'])
  })
})

describe('title and profile', () => {
  it('breaks the title as the page view does', async () => {
    const title = '青石镇关于进一步加强和改进新时代基层社会治理现代化建设若干重点工作推进落实情况的专题报告'
    const ps = paragraphs(await documentXml(handReport({ title })))
    expect(paragraphText(ps[0])).toBe(breakTitle(title, 20).join('\n'))
  })

  it('lays the practice profile out with 28 pt lines', async () => {
    const doc = await documentXml(handReport(), PRACTICE_PROFILE, { signatureRule: 'with-seal' })
    expect(all(doc, 'w:docGrid')[0].getAttribute('w:linePitch')).toBe('560')
  })
})
