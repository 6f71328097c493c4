// Spreadsheet habits in metric tables (core/table-entry.ts): reading what Excel/WPS put on the
// clipboard, where each value lands, refusing bad values one cell at a time, moving with
// Enter/arrows/Tab, and what "其余填0" touches. Table 三 of the disclosure report is the subject.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { GOV_DISCLOSURE_TEMPLATE as T } from '@core/templates'
import { metricTableCellId, resolveMetricTable } from '@core/metric-tables'
import { parseMetricInput } from '@core/metrics'
import { computeMetricResults } from '@core/metrics'
import {
  cellAt,
  describePaste,
  emptyInputCells,
  isBlockPaste,
  keyMove,
  moveTarget,
  parsePasteGrid,
  planPaste,
  positionOf,
  tableGrid
} from '@core/table-entry'
import type { MetricValue } from '@core/template'

const t3 = T.tables!.find((t) => t.id === 'disclosure.t3')!
const defs = new Map(T.metrics.map((m) => [m.id, m]))
const grid = tableGrid(t3, defs)
const id = (row: string, col: string) => metricTableCellId(t3.id, row, col)
const at = (row: string, col: string) => positionOf(grid, id(row, col))!

describe('parsePasteGrid', () => {
  it('reads rows by \\n, \\r\\n or \\r and cells by tab, dropping the one trailing line break', () => {
    expect(parsePasteGrid('3\t1\t0\t0\t0\t2\n')).toEqual([['3', '1', '0', '0', '0', '2']])
    expect(parsePasteGrid('4\r\n5\r\n6\r\n')).toEqual([['4'], ['5'], ['6']])
    expect(parsePasteGrid('1\t2\r3\t4')).toEqual([
      ['1', '2'],
      ['3', '4']
    ])
  })

  it('keeps empty cells and empty rows (a heading row copied from the sheet)', () => {
    expect(parsePasteGrid('1\t\t3\n\t\t\n4\t5\t6\n')).toEqual([
      ['1', '', '3'],
      ['', '', ''],
      ['4', '5', '6']
    ])
  })

  it('reads a quoted cell as one cell, "" as a quote', () => {
    expect(parsePasteGrid('"1,200"\t"a\tb"\t"say ""hi"""\n')).toEqual([['1,200', 'a\tb', 'say "hi"']])
    // A quote inside plain text is just a character.
    expect(parsePasteGrid('12"\t3\n')).toEqual([['12"', '3']])
  })

  it('round-trips any grid written the way Excel writes it', () => {
    const cellText = fc.stringMatching(/^[0-9０-９,，.一二 ]{0,6}$/)
    fc.assert(
      fc.property(fc.array(fc.array(cellText, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\r\n'), (rows, eol) => {
        // Excel writes a row of only empty cells as an empty line; ours reads it back as one empty cell.
        const text = rows.map((r) => r.join('\t')).join(eol) + eol
        const back = parsePasteGrid(text)
        expect(back.length).toBe(rows.length)
        back.forEach((r, i) => expect(r.join('\t')).toBe(rows[i].join('\t')))
      })
    )
  })

  it('tells a block from a single value', () => {
    expect(isBlockPaste('120')).toBe(false)
    expect(isBlockPaste('120\n')).toBe(true)
    expect(isBlockPaste('1\t2')).toBe(true)
  })
})

describe('one input never takes several numbers', () => {
  it('refuses digits separated by tabs or spaces instead of joining them', () => {
    const def = defs.get(id('received', 'natural'))!
    const r = parseMetricInput(def, '3\t1\t0')
    expect(r.ok).toBe(false)
    expect(parseMetricInput(def, '3 1').ok).toBe(false)
    // Thousands separators and full-width digits are still one number.
    expect(parseMetricInput(def, '1,234')).toEqual({ ok: true, value: 1234 })
    expect(parseMetricInput(def, '１２')).toEqual({ ok: true, value: 12 })
  })
})

describe('tableGrid', () => {
  it('has one row per table row, heading rows without cells, and marks the computed total column and row', () => {
    expect(grid.rows.length).toBe(t3.rows.length)
    const results = t3.rows.findIndex((r) => r.key === 'results')
    expect(grid.rows[results].every((c) => c === null)).toBe(true)
    expect(cellAt(grid, at('received', 'total'))?.computed).toBe(true)
    expect(cellAt(grid, at('received', 'natural'))?.computed).toBe(false)
    expect(grid.rows[at('handledTotal', 'natural').row].every((c) => c?.computed === true)).toBe(true)
  })
})

describe('planPaste', () => {
  it('fills a row rightward from the focused cell, one value per cell, skipping the total column', () => {
    const block = parsePasteGrid('3\t1\t0\t0\t0\t2\t6\n')
    const plan = planPaste(grid, at('received', 'natural'), block, defs)
    expect(plan.writes).toEqual([
      { metricId: id('received', 'natural'), raw: '3' },
      { metricId: id('received', 'business'), raw: '1' },
      { metricId: id('received', 'research'), raw: '0' },
      { metricId: id('received', 'nonprofit'), raw: '0' },
      { metricId: id('received', 'legalService'), raw: '0' },
      { metricId: id('received', 'otherOrg'), raw: '2' }
    ])
    expect(plan.skippedComputed).toEqual([id('received', 'total')])
    expect(plan.refused).toEqual([])
  })

  it('fills a column downward, across a heading row copied as an empty line', () => {
    // carriedIn, (三、本年度办理结果: empty), disclosed, partly
    const plan = planPaste(grid, at('carriedIn', 'business'), parsePasteGrid('4\n\n5\n6\n'), defs)
    expect(plan.writes.map((w) => [w.metricId, w.raw])).toEqual([
      [id('carriedIn', 'business'), '4'],
      [id('disclosed', 'business'), '5'],
      [id('partly', 'business'), '6']
    ])
  })

  it('refuses a non-number cell by cell and fills the rest', () => {
    const plan = planPaste(grid, at('disclosed', 'natural'), parsePasteGrid('12\t无\t1,024\t３\t—\t0\n'), defs)
    expect(plan.writes.map((w) => w.metricId)).toEqual([id('disclosed', 'natural'), id('disclosed', 'research'), id('disclosed', 'nonprofit'), id('disclosed', 'otherOrg')])
    expect(plan.refused.map((r) => [r.metricId, r.raw])).toEqual([
      [id('disclosed', 'business'), '无'],
      [id('disclosed', 'legalService'), '—']
    ])
    for (const r of plan.refused) expect(r.message).toMatch(/^“.+”未填入：请输入整数/)
    expect(describePaste(plan)).toBe('已填入 4 格；2 格未填入（见下方说明）。')
  })

  it('says what fell on a heading row or outside the table, and never writes there', () => {
    // Starting on the last data row: the second line is outside; the 7th value is the total column.
    const plan = planPaste(grid, at('carriedOut', 'research'), parsePasteGrid('1\t2\t3\t4\t5\n9\n'), defs)
    expect(plan.writes.map((w) => w.metricId)).toEqual([id('carriedOut', 'research'), id('carriedOut', 'nonprofit'), id('carriedOut', 'legalService'), id('carriedOut', 'otherOrg')])
    expect(plan.skippedComputed).toEqual([id('carriedOut', 'total')])
    expect(plan.outside).toBe(1)
    const heading = planPaste(grid, at('partly', 'natural'), parsePasteGrid('1\n2\n'), defs)
    expect(heading.writes.map((w) => w.metricId)).toEqual([id('partly', 'natural')])
    expect(heading.refused).toHaveLength(1)
    expect(heading.refused[0].metricId).toBeNull()
    expect(heading.refused[0].message).toMatch(/分类标题行/)
  })

  it('applied to a whole result block, the computed totals add up what was pasted', () => {
    // （一）予以公开 and （二）部分公开, all six applicant columns plus a stale total.
    const plan = planPaste(grid, at('disclosed', 'natural'), parsePasteGrid('10\t2\t0\t1\t0\t0\t999\r\n4\t0\t0\t0\t1\t0\t5\r\n'), defs)
    const values: MetricValue[] = plan.writes.map((w) => {
      const p = parseMetricInput(defs.get(w.metricId)!, w.raw)
      return { metricId: w.metricId, value: p.ok ? p.value : null, qualifier: '' }
    })
    const results = computeMetricResults(T, values)
    expect(results.get(id('disclosed', 'total'))).toEqual({ state: 'ok', value: 13 })
    expect(results.get(id('partly', 'total'))).toEqual({ state: 'ok', value: 5 })
    expect(results.get(id('handledTotal', 'total'))).toEqual({ state: 'ok', value: 18 })
    expect(plan.skippedComputed).toHaveLength(2)
  })
})

describe('moving between cells', () => {
  it('Enter/ArrowDown go down the column, skipping heading rows and the computed total row', () => {
    expect(moveTarget(grid, at('carriedIn', 'natural'), 'down')).toEqual(at('disclosed', 'natural'))
    expect(moveTarget(grid, at('otherHandling.other', 'natural'), 'down')).toEqual(at('carriedOut', 'natural'))
    expect(moveTarget(grid, at('carriedOut', 'natural'), 'down')).toBeNull()
    expect(moveTarget(grid, at('disclosed', 'natural'), 'up')).toEqual(at('carriedIn', 'natural'))
    expect(moveTarget(grid, at('received', 'natural'), 'up')).toBeNull()
  })

  it('Left/Right stay in the row; Tab runs through the inputs row by row', () => {
    expect(moveTarget(grid, at('received', 'natural'), 'right')).toEqual(at('received', 'business'))
    expect(moveTarget(grid, at('received', 'otherOrg'), 'right')).toBeNull()
    expect(moveTarget(grid, at('received', 'natural'), 'left')).toBeNull()
    expect(moveTarget(grid, at('received', 'otherOrg'), 'next')).toEqual(at('carriedIn', 'natural'))
    expect(moveTarget(grid, at('carriedIn', 'natural'), 'prev')).toEqual(at('received', 'otherOrg'))
    expect(moveTarget(grid, at('carriedOut', 'otherOrg'), 'next')).toBeNull()
  })

  it('Left/Right leave the cell only at the edge of its text', () => {
    expect(keyMove('ArrowLeft', false, { start: 0, end: 0, length: 3 })).toBe('left')
    expect(keyMove('ArrowLeft', false, { start: 1, end: 1, length: 3 })).toBeNull()
    expect(keyMove('ArrowRight', false, { start: 3, end: 3, length: 3 })).toBe('right')
    expect(keyMove('ArrowRight', false, { start: 0, end: 3, length: 3 })).toBeNull()
    expect(keyMove('Enter', false, { start: 0, end: 0, length: 0 })).toBe('down')
    expect(keyMove('Enter', true, { start: 0, end: 0, length: 0 })).toBe('up')
    expect(keyMove('Tab', true, { start: 0, end: 0, length: 0 })).toBe('prev')
    expect(keyMove('a', false, { start: 0, end: 0, length: 0 })).toBeNull()
  })
})

describe('其余填0', () => {
  it('lists only the empty input cells, never filled ones or totals', () => {
    const values: Record<string, MetricValue> = {
      [id('received', 'natural')]: { metricId: id('received', 'natural'), value: 3, qualifier: '' },
      [id('received', 'business')]: { metricId: id('received', 'business'), value: 0, qualifier: '' },
      [id('carriedIn', 'natural')]: { metricId: id('carriedIn', 'natural'), value: null, qualifier: '' }
    }
    const empty = emptyInputCells(grid, values)
    const inputs = grid.rows.flat().filter((c) => c && !c.computed).length
    expect(inputs).toBe(24 * 6)
    expect(empty).toHaveLength(inputs - 2)
    expect(empty).toContain(id('carriedIn', 'natural'))
    expect(empty).not.toContain(id('received', 'natural'))
    expect(empty).not.toContain(id('received', 'business'))
    expect(empty.some((m) => defs.get(m)!.formula !== undefined)).toBe(false)
  })

  it('an all-zero table prints 0 in every cell and every total (what Word and PDF show)', () => {
    const values = emptyInputCells(grid, {}).map((metricId): MetricValue => ({ metricId, value: 0, qualifier: '' }))
    const resolved = resolveMetricTable(t3, T, values)
    const cells = resolved.rows.flatMap((r) => r.cells)
    expect(cells).toHaveLength(25 * 7)
    expect(cells.every((c) => c.text === '0')).toBe(true)
  })
})
