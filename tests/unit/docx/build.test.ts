// The generated .docx read back with jszip: the XML must carry the GB/T 9704 layout.
import { beforeAll, describe, expect, it } from 'vitest'
import { exportReportDocx } from '@core/docx/export'
import { signatureLayout, splitTitle, titleCharsPerLine } from '@core/docx/build'
import { GBT9704_PROFILE, PRACTICE_PROFILE, textWidthChars, typeAreaWidthTwips } from '@core/layout'
import { resolveReport } from '@core/resolve'
import type { ResolvedReport } from '@core/resolved'
import { loadSampleReport } from '../../fixtures/sample-report'
import { all, child, handReport, isWellFormed, paragraphText, parseXml, pProp, pStyle, para, rProp, runs, unzipDocx } from './helpers'

interface Parsed {
  files: Record<string, string>
  doc: Document
  paragraphs: Element[]
  styles: Document
  /** Footer XML by reference type ('default', 'even'). */
  footers: Record<string, Document>
}

async function build(report: ResolvedReport, profile = GBT9704_PROFILE): Promise<Parsed> {
  const files = await unzipDocx(await exportReportDocx(report, profile))
  const doc = parseXml(files['word/document.xml'])
  const rels = parseXml(files['word/_rels/document.xml.rels'])
  const targets = new Map(all(rels, 'Relationship').map((r) => [r.getAttribute('Id'), r.getAttribute('Target')]))
  const footers: Record<string, Document> = {}
  for (const ref of all(doc, 'w:footerReference')) {
    const target = targets.get(ref.getAttribute('r:id'))!
    footers[ref.getAttribute('w:type')!] = parseXml(files[`word/${target}`])
  }
  const body = all(doc, 'w:body')[0]
  return {
    files,
    doc,
    paragraphs: Array.from(body.children).filter((c) => c.tagName === 'w:p'),
    styles: parseXml(files['word/styles.xml']),
    footers
  }
}

/** w:evenAndOddHeaders present and not switched off with w:val false/0. */
function evenAndOddOn(d: Parsed): boolean {
  const el = all(parseXml(d.files['word/settings.xml']), 'w:evenAndOddHeaders')[0]
  return el !== undefined && !['false', '0', 'off'].includes(el.getAttribute('w:val') ?? 'true')
}

const byText = (ps: Element[], text: string) => ps.find((p) => paragraphText(p) === text)!
const eastAsia = (r: Element) => rProp(r, 'w:rFonts', 'w:eastAsia')
// Body text is Normal (no w:pStyle); blank lines are Normal too but empty.
const isBody = (p: Element) => pStyle(p) === null && paragraphText(p) !== ''

describe('DOCX of a hand-built report (GB/T 9704 profile)', () => {
  const report = handReport()
  let d: Parsed
  beforeAll(async () => {
    d = await build(report)
  })

  it('writes well-formed XML parts', () => {
    for (const name of ['word/document.xml', 'word/styles.xml', 'word/settings.xml', 'docProps/core.xml']) {
      expect(isWellFormed(d.files[name]), name).toBe(true)
    }
    expect(d.doc.documentElement.tagName).toBe('w:document')
  })

  it('sets A4 and the standard margins in twips', () => {
    const pgSz = all(d.doc, 'w:pgSz')[0]
    expect(pgSz.getAttribute('w:w')).toBe('11906')
    expect(pgSz.getAttribute('w:h')).toBe('16838')
    const pgMar = all(d.doc, 'w:pgMar')[0]
    expect(pgMar.getAttribute('w:top')).toBe('2098')
    expect(pgMar.getAttribute('w:left')).toBe('1588')
    expect(pgMar.getAttribute('w:right')).toBe('1474')
    expect(pgMar.getAttribute('w:bottom')).toBe('1984')
    expect(Number(pgMar.getAttribute('w:footer'))).toBeLessThan(1984)
  })

  it('sets a lines-and-characters grid of 579-twip lines', () => {
    const grid = all(d.doc, 'w:docGrid')[0]
    expect(grid.getAttribute('w:type')).toBe('linesAndChars')
    expect(grid.getAttribute('w:linePitch')).toBe('579')
    expect(grid.getAttribute('w:charSpace')).toBe('-848')
  })

  it('centres the title in 二号 小标宋 without indent', () => {
    const title = d.paragraphs[0]
    expect(paragraphText(title)).toBe(report.title)
    expect(pProp(title, 'w:jc', 'w:val')).toBe('center')
    expect(pProp(title, 'w:ind', 'w:firstLine')).toBe('0')
    expect(pProp(title, 'w:ind', 'w:firstLineChars')).toBe('0')
    for (const r of runs(title)) {
      expect(eastAsia(r)).toBe('方正小标宋简体')
      expect(rProp(r, 'w:sz', 'w:val')).toBe('44')
      expect(child(child(r, 'w:rPr'), 'w:b')).toBeNull()
    }
  })

  it('leaves one blank line, then the addressee flush left', () => {
    expect(paragraphText(d.paragraphs[1])).toBe('')
    const addressee = d.paragraphs[2]
    expect(paragraphText(addressee)).toBe('中共青山县委、青山县人民政府：')
    expect(pProp(addressee, 'w:ind', 'w:firstLine')).toBe('0')
    expect(pProp(addressee, 'w:jc', 'w:val')).not.toBe('center')
  })

  it('writes every body paragraph in 三号 仿宋 with exact 579 spacing and a two-character indent', () => {
    const body = d.paragraphs.filter(isBody)
    const expected = report.preamble.length + report.sections.reduce((n, s) => n + s.paragraphs.length, 0)
    expect(body).toHaveLength(expected)
    for (const p of body) {
      expect(pProp(p, 'w:spacing', 'w:line')).toBe('579')
      expect(pProp(p, 'w:spacing', 'w:lineRule')).toBe('exact')
      // Two characters of about 16 pt (320 twips) each.
      const firstLine = Number(pProp(p, 'w:ind', 'w:firstLine'))
      expect(firstLine).toBeGreaterThanOrEqual(2 * 310)
      expect(firstLine).toBeLessThanOrEqual(2 * 320)
      for (const r of runs(p)) {
        expect(eastAsia(r)).toBe('仿宋_GB2312')
        expect(rProp(r, 'w:rFonts', 'w:hAnsi')).toBe('仿宋_GB2312')
        expect(rProp(r, 'w:rFonts', 'w:ascii')).toBe('仿宋_GB2312')
        expect(rProp(r, 'w:sz', 'w:val')).toBe('32')
      }
    }
  })

  it('turns widow control off on body text so every full page keeps 22 lines', () => {
    for (const p of d.paragraphs.filter(isBody)) expect(['0', 'false']).toContain(pProp(p, 'w:widowControl', 'w:val'))
  })

  it('condenses body runs so 28 characters fill the 156 mm line', () => {
    const body = d.paragraphs.filter(isBody)
    for (const r of runs(body[0])) {
      const advance = 320 + Number(rProp(r, 'w:spacing', 'w:val'))
      expect(advance * 28).toBeLessThanOrEqual(typeAreaWidthTwips(GBT9704_PROFILE))
      expect(advance * 29).toBeGreaterThan(typeAreaWidthTwips(GBT9704_PROFILE))
    }
  })

  it('numbers headings in the text and uses styles "heading 1".."heading 4" with outline levels', () => {
    const fonts = ['黑体', '楷体_GB2312', '仿宋_GB2312', '仿宋_GB2312']
    const styles = all(d.styles, 'w:style')
    for (const section of report.sections) {
      const text = section.number + section.title.map((r) => r.text).join('')
      const p = byText(d.paragraphs, text)
      expect(p, text).toBeDefined()
      const styleId = pProp(p, 'w:pStyle', 'w:val')
      const style = styles.find((s) => s.getAttribute('w:styleId') === styleId)!
      expect(child(style, 'w:name')?.getAttribute('w:val')).toBe(`heading ${section.level}`)
      expect(child(child(style, 'w:pPr'), 'w:outlineLvl')?.getAttribute('w:val')).toBe(String(section.level - 1))
      // The standard uses no bold in headings.
      expect(child(child(style, 'w:rPr'), 'w:b')?.getAttribute('w:val')).toBe('false')
      expect(pProp(p, 'w:ind', 'w:firstLineChars')).toBe('200')
      for (const r of runs(p)) {
        expect(eastAsia(r)).toBe(fonts[section.level - 1])
        expect(rProp(r, 'w:sz', 'w:val')).toBe('32')
      }
    }
    const names = styles.map((s) => child(s, 'w:name')?.getAttribute('w:val'))
    for (const n of ['heading 1', 'heading 2', 'heading 3', 'heading 4']) expect(names.filter((x) => x === n)).toHaveLength(1)
  })

  it('writes chip values as plain text runs', () => {
    const p = d.paragraphs.find((x) => paragraphText(x).startsWith('全年组织街面巡查'))!
    expect(paragraphText(p)).toBe('全年组织街面巡查86余次，办结案件【未填：办结案件数】。')
    const xml = d.files['word/document.xml']
    expect(xml).not.toMatch(/<w:(fldSimple|fldChar|shd|highlight|sdt)\b/)
  })

  it('keeps a run marked bold in the report bold', () => {
    const p = byText(d.paragraphs, '群众满意度明显提高。')
    const boldRun = runs(p).find((r) => child(r, 'w:t')!.textContent === '群众满意度明显提高')!
    expect(child(child(boldRun, 'w:rPr'), 'w:b')).not.toBeNull()
  })

  it('puts the signature 右空二字 and the date two characters right of its first character', () => {
    const last = d.paragraphs.slice(-3)
    expect(paragraphText(last[0])).toBe('')
    const [sig, date] = [last[1], last[2]]
    expect(paragraphText(sig)).toBe('青石镇人民政府')
    expect(paragraphText(date)).toBe('2025年1月20日')
    const cell = (320 + GBT9704_PROFILE.characterSpacingTwips)
    const area = typeAreaWidthTwips(GBT9704_PROFILE)
    const sigStart = (() => {
      expect(pProp(sig, 'w:jc', 'w:val')).toBe('right')
      return area - Number(pProp(sig, 'w:ind', 'w:right')) - textWidthChars('青石镇人民政府') * cell
    })()
    const dateStart =
      pProp(date, 'w:jc', 'w:val') === 'right'
        ? area - Number(pProp(date, 'w:ind', 'w:right')) - textWidthChars('2025年1月20日') * cell
        : Number(pProp(date, 'w:ind', 'w:left'))
    expect((dateStart - sigStart) / cell).toBeCloseTo(2, 1)
    for (const p of [sig, date]) {
      expect(pProp(p, 'w:ind', 'w:firstLine')).toBe('0')
      expect(pProp(p, 'w:ind', 'w:firstLineChars')).toBe('0')
    }
  })

  it('turns on separate even-page footers in settings', () => {
    expect(evenAndOddOn(d)).toBe(true)
  })

  it('writes "— N —" page numbers in 四号 宋体: odd pages right, even pages left, one character in', () => {
    expect(Object.keys(d.footers).sort()).toEqual(['default', 'even'])
    for (const [type, footer] of Object.entries(d.footers)) {
      const p = all(footer, 'w:p')[0]
      const texts = all(p, 'w:t').map((t) => t.textContent).join('')
      expect(texts).toBe('\u2014  \u2014')
      expect(all(p, 'w:instrText').map((t) => t.textContent?.trim())).toEqual(['PAGE'])
      // The field sits between the two halves of the text.
      const order = all(p, '*')
        .filter((e) => e.tagName === 'w:t' || e.tagName === 'w:instrText')
        .map((e) => e.textContent)
      expect(order).toEqual(['\u2014 ', 'PAGE', ' \u2014'])
      for (const r of all(p, 'w:r')) {
        expect(eastAsia(r)).toBe('宋体')
        expect(rProp(r, 'w:sz', 'w:val')).toBe('28')
      }
      expect([null, '0']).toContain(pProp(p, 'w:ind', 'w:firstLine'))
      if (type === 'default') {
        expect(pProp(p, 'w:jc', 'w:val')).toBe('right')
        expect(pProp(p, 'w:ind', 'w:right')).toBe('280')
      } else {
        expect(pProp(p, 'w:jc', 'w:val')).toBe('left')
        expect(pProp(p, 'w:ind', 'w:left')).toBe('280')
      }
    }
  })

  it('writes document properties and the Chinese language', () => {
    const core = parseXml(d.files['docProps/core.xml'])
    expect(all(core, 'dc:title')[0].textContent).toBe('青石镇人民政府关于2024年法治政府建设情况的报告')
    expect(all(core, 'dc:creator')[0].textContent).toBe('青石镇党政办')
    const defaults = all(d.styles, 'w:rPrDefault')[0]
    expect(all(defaults, 'w:lang')[0].getAttribute('w:eastAsia')).toBe('zh-CN')
    expect(all(defaults, 'w:rFonts')[0].getAttribute('w:eastAsia')).toBe('仿宋_GB2312')
  })

  it('sets no first-line indent on anything but body text and headings', () => {
    const indented = new Set(['Heading1', 'Heading2', 'Heading3', 'Heading4'])
    const others = d.paragraphs.filter((p) => pStyle(p) !== null && !indented.has(pStyle(p)!))
    expect(others.length).toBeGreaterThanOrEqual(4) // title, addressee, signature, date
    for (const p of others) expect([null, '0'], paragraphText(p)).toContain(pProp(p, 'w:ind', 'w:firstLine'))
    // The defaults carry no indent that could leak into footers or tables.
    expect(all(all(d.styles, 'w:docDefaults')[0], 'w:ind')).toHaveLength(0)
  })
})

describe('DOCX input hygiene', () => {
  it('strips characters XML 1.0 forbids and still writes the rest', async () => {
    const dirty = handReport({
      title: '青石镇\u0001关于\u000B报告\uFFFF',
      addressee: '中共青山县委\u0008：',
      preamble: [para('正文\u0000有\u001F控制\uD800字符')],
      signatures: ['青石镇\u000C人民政府'],
      author: '党政办\u0002'
    })
    const d = await build(dirty)
    const illegal = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/
    for (const name of ['word/document.xml', 'docProps/core.xml']) {
      expect(d.files[name]).not.toMatch(illegal)
      expect(isWellFormed(d.files[name])).toBe(true)
    }
    const texts = d.paragraphs.map(paragraphText)
    expect(texts).toContain('青石镇关于报告')
    expect(texts).toContain('中共青山县委：')
    expect(texts).toContain('正文有控制字符')
    expect(texts).toContain('青石镇人民政府')
    expect(all(parseXml(d.files['docProps/core.xml']), 'dc:creator')[0].textContent).toBe('党政办')
  })

  it('leaves out the addressee block when there is none, and empty body paragraphs', async () => {
    const d = await build(handReport({ addressee: '', preamble: [para(''), para('只有一段。')] }))
    expect(paragraphText(d.paragraphs[1])).toBe('只有一段。')
  })
})

describe('signatureLayout', () => {
  const start = (rightChars: number, width: number) => 28 - rightChars - width

  it('puts the date two characters right of a longer signature, by left indent', () => {
    const l = signatureLayout(['中共梁洼镇委员会'], '2025年1月15日', 28)
    expect(l.signatureRightChars).toBe(2)
    expect(l.date).toEqual({ align: 'left', leftChars: start(2, 8) + 2 })
  })

  it('gives a longer date 右空二字 and moves the signature left', () => {
    const l = signatureLayout(['某某局'], '2025年12月31日', 28)
    expect(l.date).toEqual({ align: 'right', rightChars: 2 })
    const dateStart = start(2, textWidthChars('2025年12月31日'))
    expect(dateStart - start(l.signatureRightChars, 3)).toBeCloseTo(2, 6)
  })

  it('lines joint signatures up on one right indent, measured from the longest', () => {
    const l = signatureLayout(['中共青石镇委员会', '青石镇人民政府'], '2025年1月20日', 28)
    expect(l.signatureRightChars).toBe(2)
    expect(l.date).toEqual({ align: 'left', leftChars: start(2, 8) + 2 })
  })
})

describe('splitTitle', () => {
  it('fits 20 二号 characters on a GB/T title line', () => {
    // 156 mm of 22 pt characters
    expect(titleCharsPerLine(GBT9704_PROFILE)).toBe(20)
  })

  it('breaks a long title before 关于 when both lines fit', () => {
    expect(splitTitle('鲁山县梁洼镇人民政府关于2024年法治政府建设情况的报告', 20)).toEqual([
      '鲁山县梁洼镇人民政府',
      '关于2024年法治政府建设情况的报告'
    ])
  })

  it('keeps short titles, explicit breaks, and titles it cannot break well', () => {
    expect(splitTitle('关于2024年工作的报告', 20)).toEqual(['关于2024年工作的报告'])
    expect(splitTitle('青石镇\n关于工作的报告', 20)).toEqual(['青石镇', '关于工作的报告'])
    const long = '中共青石镇委员会青石镇人民政府关于二〇二四年度法治政府建设工作情况的报告'
    expect(splitTitle(long, 20)).toEqual([long])
  })

  it('writes the break into the title paragraph', async () => {
    const d = await build(handReport({ title: '鲁山县梁洼镇人民政府关于2024年法治政府建设情况的报告' }))
    expect(paragraphText(d.paragraphs[0])).toBe('鲁山县梁洼镇人民政府\n关于2024年法治政府建设情况的报告')
  })
})

describe('practice profile DOCX', () => {
  it('uses 28 pt exact spacing, Windows fonts and one centred footer', async () => {
    const d = await build(handReport(), PRACTICE_PROFILE)
    const body = d.paragraphs.filter(isBody)
    expect(body.length).toBeGreaterThan(0)
    for (const p of body) expect(pProp(p, 'w:spacing', 'w:line')).toBe('560')
    expect(eastAsia(runs(body[0])[0])).toBe('仿宋')
    expect(Object.keys(d.footers)).toEqual(['default'])
    expect(pProp(all(d.footers.default, 'w:p')[0], 'w:jc', 'w:val')).toBe('center')
    expect(evenAndOddOn(d)).toBe(false)
  })
})

describe('DOCX of the sample report', () => {
  it('carries the title, every heading and every paragraph of the resolved report', async () => {
    const { report, doc, template, values } = loadSampleReport()
    const resolved = resolveReport(report, doc, template, values)
    const d = await build(resolved)
    const texts = d.paragraphs.map(paragraphText)
    expect(texts[0].replace('\n', '')).toBe(resolved.title)
    for (const s of resolved.sections) expect(texts).toContain(s.number + s.title.map((r) => r.text).join(''))
    const bodyTexts = d.paragraphs.filter(isBody).map(paragraphText)
    const expected = [...resolved.preamble, ...resolved.sections.flatMap((s) => s.paragraphs)]
      .map((p) => p.runs.map((r) => r.text).join(''))
      .filter((t) => t.trim() !== '')
    expect(bodyTexts).toEqual(expected)
    expect(bodyTexts.join('')).toContain('120余次')
  })
})
