// Issue 12 items 1–3 in the file itself: named styles instead of repeated run formatting, a
// font table that tells Word and WPS what to fall back to, and punctuation kept inside the
// type area (kinsoku on, overflowPunct off).
import { Document as DocxDocument, Packer, Paragraph, TextRun } from 'docx'
import { beforeAll, describe, expect, it } from 'vitest'
import { exportReportDocx } from '@core/docx/export'
import { GBT9704_PROFILE, PRACTICE_PROFILE } from '@core/layout'
import { resolveReport } from '@core/resolve'
import type { ResolvedReport } from '@core/resolved'
import { generateLargeReport } from '../../fixtures/large-report'
import { all, child, handReport, paragraphText, parseXml, pProp, pStyle, para, rProp, unzipDocx } from './helpers'

const attachments = [
  {
    number: 1,
    label: '附件',
    title: '青石镇执法案件清单',
    paragraphs: ['案件按月登记。'],
    table: { columns: [{ header: '月份', widthChars: 8, align: 'center' as const }, { header: '案件', widthChars: 20, align: 'left' as const }], rows: [{ cells: ['1月', '占道经营'] }] }
  }
]

describe('styles, not repetition', () => {
  let files: Record<string, string>
  let doc: Document
  let styles: Document
  beforeAll(async () => {
    const report = handReport({ preamble: [para('前言有', { text: '86余次', fromMetric: true }, '，也有', { text: '重点', bold: true }, '。')] })
    files = await unzipDocx(await exportReportDocx(report, GBT9704_PROFILE, { attachments }))
    doc = parseXml(files['word/document.xml'])
    styles = parseXml(files['word/styles.xml'])
  })
  const styleEls = () => all(styles, 'w:style')
  const paragraphs = () => all(doc, 'w:p')

  it('defines the named paragraph and character styles a clerk can use in Word, each once', () => {
    const names = styleEls().map((s) => child(s, 'w:name')?.getAttribute('w:val'))
    for (const n of ['Normal', 'heading 1', 'heading 2', 'heading 3', 'heading 4', 'Title', '主送机关', 'Signature', 'Date', '附件说明', '附件标记', '表格文字', '统计表文字', '公文页码', '批注文字', '指标数值']) {
      expect(names.filter((x) => x === n), n).toHaveLength(1)
    }
    const ids = styleEls().map((s) => s.getAttribute('w:styleId'))
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('uses only styles that exist', () => {
    const ids = new Set(styleEls().map((s) => s.getAttribute('w:styleId')))
    const used = [...files['word/document.xml'].matchAll(/<w:(?:pStyle|rStyle) w:val="([^"]+)"/g)].map((m) => m[1])
    expect(used.length).toBeGreaterThan(10)
    for (const id of used) expect(ids.has(id), id).toBe(true)
  })

  it('gives body text (Normal, 正文) its two-character first-line indent, exact grid line and condensing from the style', () => {
    const body = paragraphs().filter((p) => pStyle(p) === null && paragraphText(p) !== '')
    expect(body.length).toBeGreaterThan(3)
    for (const p of body) {
      expect(child(p, 'w:pPr'), 'nothing on the paragraph itself').toBeNull()
      expect(rProp(all(p, 'w:r')[0], 'w:spacing', 'w:val')).toBe(String(GBT9704_PROFILE.characterSpacingTwips))
      expect(pProp(p, 'w:ind', 'w:firstLineChars')).toBe('200')
      expect(pProp(p, 'w:spacing', 'w:line')).toBe(String(GBT9704_PROFILE.lineSpacingTwips))
      expect(pProp(p, 'w:snapToGrid', 'w:val')).toBe('0')
    }
  })

  it('writes runs with only what differs: bold, or the figure style', () => {
    const runs = all(doc, 'w:r')
    for (const r of runs) {
      const props = Array.from(child(r, 'w:rPr')?.children ?? []).map((e) => e.tagName)
      for (const p of props) expect(['w:b', 'w:bCs', 'w:rStyle'], props.join()).toContain(p)
    }
    const p = paragraphs().find((x) => paragraphText(x).startsWith('前言有'))!
    const figure = all(p, 'w:r').find((r) => all(r, 'w:t')[0]?.textContent === '86余次')!
    expect(child(child(figure, 'w:rPr'), 'w:rStyle')?.getAttribute('w:val')).toBe('HbFigure')
    expect(rProp(figure, 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312')
    const strong = all(p, 'w:r').find((r) => all(r, 'w:t')[0]?.textContent === '重点')!
    expect(rProp(strong, 'w:b', 'w:val') ?? 'on').not.toBe('false')
    // Plain neighbours are one run, not one per source fragment.
    expect(all(p, 'w:r')).toHaveLength(5)
  })

  it('turns kinsoku on and hanging punctuation off for every paragraph', () => {
    const defaults = child(all(styles, 'w:pPrDefault')[0], 'w:pPr')!
    expect(child(defaults, 'w:kinsoku')).not.toBeNull()
    expect(child(defaults, 'w:overflowPunct')?.getAttribute('w:val')).toBe('0')
    for (const p of paragraphs()) {
      expect(['0', 'false'], paragraphText(p)).toContain(pProp(p, 'w:overflowPunct', 'w:val'))
      expect(pProp(p, 'w:kinsoku', 'w:val') ?? 'on').not.toMatch(/^(0|false)$/)
    }
  })
})

describe('font table', () => {
  const fontsOf = async (profile = GBT9704_PROFILE) => {
    const files = await unzipDocx(await exportReportDocx(handReport(), profile))
    const table = parseXml(files['word/fontTable.xml'])
    const entries = new Map(all(table, 'w:font').map((f) => [f.getAttribute('w:name'), f]))
    const used = new Set([...files['word/styles.xml'].matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]).filter((f) => f !== 'zh-CN'))
    return { entries, used }
  }

  it('lists every face the document uses with charset GB2312, PANOSE and family hints', async () => {
    for (const profile of [GBT9704_PROFILE, PRACTICE_PROFILE]) {
      const { entries, used } = await fontsOf(profile)
      expect(used.size).toBeGreaterThanOrEqual(3)
      for (const face of used) {
        const f = entries.get(face)
        expect(f, face).toBeDefined()
        expect(child(f!, 'w:charset')?.getAttribute('w:val')).toBe('86')
        expect(child(f!, 'w:panose1')?.getAttribute('w:val')).toMatch(/^[0-9A-F]{20}$/)
        expect(child(f!, 'w:family')?.getAttribute('w:val')).toMatch(/^(roman|swiss|modern|script|decorative|auto)$/)
        expect(child(f!, 'w:pitch')?.getAttribute('w:val')).toMatch(/^(fixed|variable|default)$/)
      }
    }
  })

  it('names what a stock Windows PC has instead of the licensed faces', async () => {
    const { entries } = await fontsOf()
    const alt = (face: string) => child(entries.get(face)!, 'w:altName')?.getAttribute('w:val')
    expect(alt('仿宋_GB2312')).toBe('仿宋')
    expect(alt('楷体_GB2312')).toBe('楷体')
    expect(alt('方正小标宋简体')).toBe('宋体')
    // The fallbacks themselves are listed too, so Word knows them.
    for (const face of ['仿宋', '楷体', '宋体']) expect(entries.has(face), face).toBe(true)
  })
})

describe('document.xml size', () => {
  it('stays within twice the same text written unformatted (10-page generated report)', async () => {
    const { report, doc, template, values } = generateLargeReport({ pages: 10, seed: 9704 })
    const resolved: ResolvedReport = resolveReport(report, doc, template, values)
    const ours = (await unzipDocx(await exportReportDocx(resolved)))['word/document.xml']
    const join = (runs: { text: string }[]) => runs.map((r) => r.text).join('')
    const texts = [resolved.title, resolved.addressee, ...resolved.preamble.map((p) => join(p.runs)), ...resolved.sections.flatMap((s) => [s.number + join(s.title), ...s.paragraphs.map((p) => join(p.runs))]), ...resolved.signatures, resolved.dateText]
    const bare = new DocxDocument({ sections: [{ children: texts.map((t) => new Paragraph({ children: [new TextRun(t)] })) }] })
    const plain = (await unzipDocx(new Uint8Array(await Packer.toArrayBuffer(bare))))['word/document.xml']
    expect(plain.length).toBeGreaterThan(10_000)
    expect(ours.length / plain.length).toBeLessThanOrEqual(2)
  })
})
