// Issue 12 item 7: empty headings do not push the body away. A heading keeps with what follows
// only when real content follows it; a fresh draft's page 1 is filled like any other page.
import { describe, expect, it } from 'vitest'
import { exportReportDocx } from '@core/docx/export'
import { GBT9704_PROFILE } from '@core/layout'
import { headingKeepsWithNext, reportBlocks, type PageBlock } from '@core/pages/blocks'
import { paginate, type BlockMeasure } from '@core/pages/paginate'
import { createReportFromTemplate } from '@core/report-factory'
import { resolveReport } from '@core/resolve'
import type { ResolvedReport, ResolvedSection } from '@core/resolved'
import { RULE_OF_LAW_TEMPLATE } from '@core/templates'
import { all, child, paragraphText, parseXml, pProp, pStyle, para, unzipDocx } from '../docx/helpers'

function freshDraft(): ResolvedReport {
  let n = 0
  const { report, doc, values } = createReportFromTemplate(
    RULE_OF_LAW_TEMPLATE,
    { organs: ['甲乙镇人民政府'], addressee: '丙县人民政府', year: 2024, date: '2025-01-15' },
    { reportId: 'r1', newSectionId: () => `s${++n}`, now: 1000 }
  )
  return resolveReport(report, doc, RULE_OF_LAW_TEMPLATE, values)
}

/** One grid line per text line: titles and signatures by their lines, every other block one. */
function measure(blocks: PageBlock[]): BlockMeasure[] {
  return blocks.map((b) => ({ lines: b.kind === 'title' || b.kind === 'attachmentTitle' ? b.lines.length : b.kind === 'signature' ? b.lines.length : b.kind === 'pageBreak' ? 0 : 1 }))
}

const section = (level: 1 | 2 | 3 | 4, text: string[] = []): ResolvedSection => ({ id: `s${level}${text.length}`, level, number: '一、', title: [{ text: '标题' }], paragraphs: text.map((t) => para(t)) })

describe('headingKeepsWithNext', () => {
  it('keeps a heading with its text, and a parent with a sub-heading that has text', () => {
    expect(headingKeepsWithNext([section(1), section(2, ['正文']), section(1, ['正文'])])).toEqual([true, true, true])
  })

  it('does not keep an empty heading, nor a parent whose sub-headings are all empty', () => {
    expect(headingKeepsWithNext([section(1), section(2), section(2), section(1), section(1, ['  '])])).toEqual([false, false, false, false, false])
    // An empty heading followed by a sibling with text is not its parent: no keep.
    expect(headingKeepsWithNext([section(2), section(2, ['正文'])])).toEqual([false, true])
  })
})

describe('a fresh draft', () => {
  const layout = (draft: ResolvedReport) => {
    const blocks = reportBlocks(draft, GBT9704_PROFILE, { signatureRule: 'no-seal', attachments: [] })
    const measures = measure(blocks)
    // Body paragraphs: as many lines as their text needs (28 characters a line after the indent).
    blocks.forEach((b, i) => {
      if (b.kind === 'body') measures[i] = { lines: Math.ceil((b.runs.map((r) => r.text).join('').length + 2) / 28) }
    })
    const pages = paginate(blocks, measures, 22)
    const used = (page: number) => pages[page].fragments.reduce((n, f) => n + (f.to - f.from), 0)
    const pageOf = (block: number) => pages.findIndex((p) => p.fragments.some((f) => f.block === block))
    return { blocks, measures, pages, used, pageOf }
  }

  it('puts every heading on page 1 when they fit, leaving only the closing group to move on', () => {
    const { blocks, measures, used, pageOf } = layout(freshDraft())
    const headings = blocks.map((b, i) => (b.kind === 'heading' ? i : -1)).filter((i) => i >= 0)
    expect(headings.length).toBeGreaterThan(10)
    for (const h of headings) expect(pageOf(h)).toBe(0)
    // Blank line + signature and date stay together; everything before them is on page 1.
    const closing = blocks.length - blocks.findIndex((b, i) => b.kind === 'blank' && blocks[i + 1]?.kind === 'signature')
    const before = measures.slice(0, blocks.length - closing).reduce((n, m) => n + m.lines, 0)
    expect(before).toBeLessThanOrEqual(22)
    expect(used(0)).toBe(before)
  })

  it('fills page 1 with 22 lines when text under a late heading follows many empty ones', () => {
    const draft = freshDraft()
    const last = draft.sections.length - 1
    draft.sections[last].paragraphs = [para('本节已经写了正文，'.repeat(20))]
    const { blocks, used, pageOf } = layout(draft)
    expect(used(0)).toBe(22)
    // The heading over the text is still kept with (the first lines of) its text.
    const heading = blocks.findIndex((b, i) => b.kind === 'heading' && blocks[i + 1]?.kind === 'body')
    expect(heading).toBeGreaterThan(0)
    expect(pageOf(heading)).toBe(pageOf(heading + 1))
  })

  it('writes empty headings without keep-with-next in Word, headings with text keep it', async () => {
    const draft = freshDraft()
    draft.sections[1].paragraphs = [para('有正文的一节。')]
    const files = await unzipDocx(await exportReportDocx(draft))
    const ps = all(parseXml(files['word/document.xml']), 'w:p').filter((p) => /^Heading\d$/.test(pStyle(p) ?? ''))
    expect(ps).toHaveLength(draft.sections.length)
    const keeps = headingKeepsWithNext(draft.sections)
    expect(keeps.filter(Boolean).length).toBeGreaterThan(0)
    expect(keeps.filter((k) => !k).length).toBeGreaterThan(0)
    ps.forEach((p, i) => {
      const effective = pProp(p, 'w:keepNext', 'w:val') ?? (child(child(p, 'w:pPr'), 'w:keepNext') ? 'true' : null)
      expect(['false', '0'].includes(effective ?? ''), paragraphText(p)).toBe(!keeps[i])
    })
  })
})
