// Attachments: numbering, the note under the body, the metric summary table.
import { describe, expect, it } from 'vitest'
import { textWidthChars } from '@core/layout'
import { attachmentNote, buildAttachments, metricSummaryTable, METRIC_TABLE_COLUMNS, NO_VALUE } from '@core/pages/attachments'
import { RULE_OF_LAW_TEMPLATE } from '@core/templates'
import type { MetricValue } from '@core/template'

const template = RULE_OF_LAW_TEMPLATE
const [first, second] = template.metrics.filter((m) => m.type === 'integer' || m.type === 'percent')
const values: MetricValue[] = [
  { metricId: first.id, value: 120, qualifier: first.qualifiers.includes('余') ? '余' : '' },
  { metricId: second.id, value: null, qualifier: '' }
]

describe('buildAttachments', () => {
  it('numbers several attachments 附件1, 附件2 in order: the metric table first', () => {
    const list = buildAttachments({
      metricTable: true,
      attachments: [{ id: 'a', title: '青石镇执法案件清单', paragraphs: ['第一段', '  '] }],
      template,
      values,
      year: 2024
    })
    expect(list.map((a) => [a.number, a.label])).toEqual([
      [1, '附件1'],
      [2, '附件2']
    ])
    expect(list[0].title).toContain('2024')
    expect(list[0].table).not.toBeNull()
    expect(list[1].paragraphs).toEqual(['第一段'])
  })

  it('calls a single attachment just 附件, and drops untitled ones', () => {
    const list = buildAttachments({
      metricTable: false,
      attachments: [
        { id: 'a', title: ' ', paragraphs: ['x'] },
        { id: 'b', title: '工作台账', paragraphs: [] }
      ],
      template,
      values,
      year: 2024
    })
    expect(list.map((a) => a.label)).toEqual(['附件'])
  })

  it('gives nothing when nothing is attached', () => {
    expect(buildAttachments({ metricTable: false, attachments: [], template, values, year: 2024 })).toEqual([])
  })
})

describe('attachmentNote', () => {
  const make = (titles: string[]) =>
    buildAttachments({ metricTable: false, attachments: titles.map((t, i) => ({ id: String(i), title: t, paragraphs: [] })), template, values, year: 2024 })

  it('writes "附件：名称" for one attachment, indented two characters, without trailing punctuation', () => {
    expect(attachmentNote(make(['工作台账。']))).toEqual([{ text: '附件：工作台账', indentChars: 2, hangChars: 5 }])
  })

  it('numbers several, each later item aligned under the first item’s number', () => {
    const note = attachmentNote(make(['工作台账', '案件清单']))
    expect(note.map((l) => l.text)).toEqual(['附件：1.工作台账', '2.案件清单'])
    expect(note[0].indentChars).toBe(2)
    expect(note[1].indentChars).toBe(2 + textWidthChars('附件：'))
    // Wrapped lines start under the name, after "1.".
    expect(note[0].hangChars).toBe(note[1].indentChars + textWidthChars('1.'))
  })

  it('is empty without attachments', () => {
    expect(attachmentNote([])).toEqual([])
  })
})

describe('metricSummaryTable', () => {
  const table = metricSummaryTable(template, values)

  it('has the columns 指标, 单位, 数值 filling the 28-character line', () => {
    expect(table.columns.map((c) => c.header)).toEqual(['指标', '单位', '数值'])
    expect(METRIC_TABLE_COLUMNS.reduce((n, c) => n + c.widthChars, 0)).toBe(28)
  })

  it('lists every metric of the template once, in order', () => {
    expect(table.rows.map((r) => r.cells[0])).toEqual(template.metrics.map((m) => m.label))
  })

  it('writes the value without its unit, keeping the qualifier, and marks empty ones', () => {
    const row = table.rows[template.metrics.indexOf(first)]
    expect(row.cells[1]).toBe(first.unit || NO_VALUE)
    expect(row.cells[2]).toBe(first.qualifiers.includes('余') ? '120余' : '120')
    const empty = table.rows[template.metrics.indexOf(second)]
    expect(empty.cells[2]).toBe(NO_VALUE)
    expect(empty.missing).toBe(true)
  })
})
