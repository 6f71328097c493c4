// Pagination on the line grid: page capacity, paragraphs split at line boundaries, headings
// kept with their text, body lines kept with the signature, attachments on new pages.
import { describe, expect, it } from 'vitest'
import { GBT9704_PROFILE } from '@core/layout'
import { reportBlocks, type PageBlock } from '@core/pages/blocks'
import { paginate, LINES_KEPT_WITH_SIGNATURE, type BlockMeasure, type Page } from '@core/pages/paginate'
import { buildAttachments } from '@core/pages/attachments'
import { RULE_OF_LAW_TEMPLATE } from '@core/templates'
import { handReport, para } from '../docx/helpers'

const body = (): PageBlock => ({ kind: 'body', runs: [{ text: '正文' }] })
const heading = (): PageBlock => ({ kind: 'heading', level: 1, runs: [{ text: '一、标题' }], keepWithNext: true })
const lines = (n: number): BlockMeasure => ({ lines: n })

/** Lines used on each page. */
function usage(pages: Page[], measures: BlockMeasure[], blocks: PageBlock[]): number[] {
  return pages.map((p) =>
    p.fragments.reduce((n, f) => {
      const b = blocks[f.block]
      if (b.kind !== 'table') return n + (f.to - f.from)
      const m = measures[f.block]
      return n + m.lines + (m.rows ?? []).slice(f.from, f.to).reduce((a, x) => a + x, 0)
    }, 0)
  )
}

describe('paginate', () => {
  it('fills pages to exactly 22 lines, splitting paragraphs at line boundaries', () => {
    const blocks = [body(), body(), body()]
    const measures = [lines(10), lines(10), lines(10)]
    const pages = paginate(blocks, measures, 22)
    expect(usage(pages, measures, blocks)).toEqual([22, 8])
    expect(pages[0].fragments[2]).toEqual({ block: 2, from: 0, to: 2 })
    expect(pages[1].fragments[0]).toEqual({ block: 2, from: 2, to: 10 })
    expect(pages.map((p) => p.number)).toEqual([1, 2])
  })

  it('keeps every line of every block, in order', () => {
    const blocks = [body(), heading(), body(), heading(), body(), body()]
    const measures = [lines(19), lines(1), lines(30), lines(2), lines(5), lines(44)]
    const pages = paginate(blocks, measures, 22)
    const seen = new Map<number, number>()
    let last = -1
    for (const f of pages.flatMap((p) => p.fragments)) {
      expect(f.block).toBeGreaterThanOrEqual(last)
      last = f.block
      expect(f.from).toBe(seen.get(f.block) ?? 0)
      seen.set(f.block, f.to)
    }
    measures.forEach((m, i) => expect(seen.get(i)).toBe(m.lines))
    for (const u of usage(pages, measures, blocks)) expect(u).toBeLessThanOrEqual(22)
  })

  it('moves a heading to the next page rather than leave it without two lines of text', () => {
    const blocks = [body(), heading(), body()]
    const measures = [lines(20), lines(1), lines(5)]
    const pages = paginate(blocks, measures, 22)
    expect(usage(pages, measures, blocks)).toEqual([20, 6])
    expect(pages[1].fragments[0].block).toBe(1)
  })

  it('keeps a heading whose text fits two lines on the page', () => {
    const blocks = [body(), heading(), body()]
    const measures = [lines(19), lines(1), lines(5)]
    const pages = paginate(blocks, measures, 22)
    expect(pages[0].fragments.map((f) => f.block)).toEqual([0, 1, 2])
    expect(pages[0].fragments[2]).toEqual({ block: 2, from: 0, to: 2 })
  })

  it('sends the last body lines along when the signature must start a new page', () => {
    const blocks: PageBlock[] = [body(), { kind: 'blank', keepWithNext: true }, { kind: 'signature', lines: [], rule: 'no-seal', hasDate: false }]
    const measures = [lines(21), lines(1), lines(2)]
    const pages = paginate(blocks, measures, 22)
    expect(pages).toHaveLength(2)
    expect(pages[0].fragments).toEqual([{ block: 0, from: 0, to: 21 - LINES_KEPT_WITH_SIGNATURE }])
    expect(pages[1].fragments[0]).toEqual({ block: 0, from: 21 - LINES_KEPT_WITH_SIGNATURE, to: 21 })
    expect(pages[1].fragments.map((f) => f.block)).toEqual([0, 1, 2])
  })

  it('starts each page break on a new page and drops a blank line at the top of a page', () => {
    const blocks: PageBlock[] = [body(), { kind: 'pageBreak' }, { kind: 'attachmentLabel', text: '附件', keepWithNext: true }, body()]
    const pages = paginate(blocks, [lines(3), lines(0), lines(1), lines(2)], 22)
    expect(pages.map((p) => p.fragments.map((f) => f.block))).toEqual([[0], [2, 3]])
    const blank = paginate([body(), { kind: 'blank' }, body()], [lines(22), lines(1), lines(1)], 22)
    expect(blank.map((p) => p.fragments.map((f) => f.block))).toEqual([[0], [2]])
  })

  it('splits a table between rows and repeats the header on the next page', () => {
    const table: PageBlock = { kind: 'table', table: { columns: [], rows: Array.from({ length: 30 }, () => ({ cells: [] })) } }
    const measures: BlockMeasure[] = [lines(4), { lines: 1, rows: Array.from({ length: 30 }, () => 1) }]
    const pages = paginate([body(), table], measures, 22)
    expect(pages[0].fragments[1]).toEqual({ block: 1, from: 0, to: 17 })
    expect(pages[1].fragments[0]).toEqual({ block: 1, from: 17, to: 30 })
    expect(usage(pages, measures, [body(), table])).toEqual([22, 14])
  })

  it('refuses measures that do not match the blocks', () => {
    expect(() => paginate([body()], [], 22)).toThrow()
  })
})

describe('reportBlocks', () => {
  const template = RULE_OF_LAW_TEMPLATE
  const attachments = buildAttachments({ metricTable: true, attachments: [], template, values: [], year: 2024 })

  it('orders title, addressee, body, note, signature, then the attachment on a new page', () => {
    const blocks = reportBlocks(handReport(), GBT9704_PROFILE, { signatureRule: 'no-seal', attachments })
    const kinds = blocks.map((b) => b.kind)
    expect(kinds.slice(0, 4)).toEqual(['title', 'blank', 'addressee', 'body'])
    const sig = kinds.indexOf('signature')
    expect(kinds.slice(sig - 4, sig + 1)).toEqual(['body', 'blank', 'note', 'blank', 'signature'])
    expect(kinds.slice(sig + 1)).toEqual(['pageBreak', 'attachmentLabel', 'blank', 'attachmentTitle', 'blank', 'table'])
    // The closing group is chained to the signature.
    for (const b of blocks.slice(sig - 3, sig)) expect(b.keepWithNext).toBe(true)
  })

  it('breaks the title into balanced lines and numbers the headings', () => {
    const blocks = reportBlocks(handReport({ title: '青山县青石镇人民政府关于2024年法治政府建设情况的报告' }), GBT9704_PROFILE, {
      signatureRule: 'no-seal',
      attachments: []
    })
    expect(blocks[0]).toMatchObject({ kind: 'title', lines: ['青山县青石镇人民政府', '关于2024年法治政府建设情况的报告'] })
    const headings = blocks.filter((b) => b.kind === 'heading')
    expect(headings.map((h) => (h.kind === 'heading' ? h.runs[0].text : ''))).toEqual(['一、', '（一）', '1.', '（1）'])
  })

  it('leaves out empty paragraphs and leaves more room for a seal', () => {
    const r = handReport({ preamble: [para(''), para('导语。')] })
    const noSeal = reportBlocks(r, GBT9704_PROFILE, { signatureRule: 'no-seal', attachments: [] })
    const seal = reportBlocks(r, GBT9704_PROFILE, { signatureRule: 'with-seal', attachments: [] })
    expect(noSeal.filter((b) => b.kind === 'body').length).toBe(4)
    expect(seal.filter((b) => b.kind === 'blank').length).toBeGreaterThan(noSeal.filter((b) => b.kind === 'blank').length)
  })
})
