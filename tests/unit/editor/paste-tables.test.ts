// @vitest-environment happy-dom
// Pasting tables: HTML tables from Excel, WPS 表格, Word and web pages, and Excel's
// tab-separated text, become the report's plainTable (rows of cell text), in place, with the
// approval lock, suggestion mode, undo and the editor's own copies respected.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DOMParser as PMDOMParser, type Node as PMNode, type Slice } from '@tiptap/pm/model'
import { NodeSelection, TextSelection } from '@tiptap/pm/state'
import type { Editor } from '@tiptap/core'
import type { BlockJSON } from '@core/report'
import { parsePastedBlocks, parsePastedHTML, plainTextSlice, sanitizePastedHTML } from '../../../src-renderer/src/editor/paste'
import { reportSchema } from '../../../src-renderer/src/editor/schema'
import { mountReportEditor, unmountReportEditor } from './mount'
import { setEditorLock } from '../../../src-renderer/src/editor/lock'
import { setSuggestMode, SUGGEST_TABLE_REFUSED_MESSAGE } from '../../../src-renderer/src/editor/review/suggest'
import { strFromU8, unzipSync } from 'fflate'
import type { Report } from '@core/report'
import { resolveReport } from '@core/resolve'
import { exportReportDocx } from '@core/docx/export'
import { WORK_SUMMARY_TEMPLATE } from '@core/templates'
import { blockAt, reportDocJSON } from '../../../src-renderer/src/editor/doc'

const fixture = (name: string) => readFileSync(resolve(__dirname, '../../fixtures/paste', name), 'utf8')

// What the clerk sees in the Excel fixture's figures (4 × 3 after the empty 4th column and
// 5th row of the selection are dropped).
const EXCEL_ROWS = [
  ['事项\n类别', '办理件数', '涉及金额（万元）'],
  ['行政复议', '14', '2,316.4'],
  ['行政应诉', '3', ''],
  ['合计', '17', '2,316.4']
]

function sliceNodes(slice: Slice): PMNode[] {
  const out: PMNode[] = []
  slice.content.forEach((n) => out.push(n))
  return out
}

function parseSanitized(html: string): PMNode[] {
  const container = document.createElement('div')
  container.innerHTML = sanitizePastedHTML(html)
  return sliceNodes(PMDOMParser.fromSchema(reportSchema()).parseSlice(container))
}

describe('pasted HTML tables', () => {
  it('reads an Excel block as one table: cells cleaned, <br> kept as a line, &nbsp; empty, trailing empty row and column dropped', () => {
    expect(parsePastedBlocks(fixture('excel.html'))).toEqual([{ type: 'table', rows: EXCEL_ROWS }])
  })

  it('reads WPS 表格 merged cells: the text once in the top-left position, the covered positions empty', () => {
    expect(parsePastedBlocks(fixture('wps-et.html'))).toEqual([
      {
        type: 'table',
        rows: [
          ['镇村', '公开信息（条）', '', '备注'],
          ['', '主动', '依申请', ''],
          ['东岭村', '26', '2', '含补报'],
          ['西岭村', '19', '0', '']
        ]
      }
    ])
  })

  it('keeps a Word passage in order: paragraph, table (multi-paragraph cells as lines), paragraph', () => {
    const blocks = parsePastedBlocks(fixture('word-table.html'))
    expect(blocks).toEqual([
      { type: 'paragraph', runs: [{ text: '全年培训情况如下表：', bold: false }] },
      {
        type: 'table',
        rows: [
          ['培训对象', '场次'],
          ['镇村干部\n（含网格员）', '8']
        ]
      },
      { type: 'paragraph', runs: [{ text: '培训覆盖全部村（社区）', bold: false }] }
    ])
    const nodes = parseSanitized(fixture('word-table.html'))
    expect(nodes.map((n) => n.type.name)).toEqual(['paragraph', 'plainTable', 'paragraph'])
    expect(nodes[1].attrs.rows).toEqual(blocks[1].type === 'table' ? blocks[1].rows : null)
  })

  it('sanitises to markup the schema parses into a plainTable with the same cells, no foreign styling left', () => {
    const html = sanitizePastedHTML(fixture('excel.html'))
    expect(html).not.toMatch(/mso|style|class|x:num|xl65|<col/i)
    const nodes = parseSanitized(fixture('excel.html'))
    expect(nodes.map((n) => n.type.name)).toEqual(['plainTable'])
    expect(nodes[0].attrs.rows).toEqual(EXCEL_ROWS)
  })

  it('treats a single copied cell as text, a caption as the paragraph before its table, and skips hidden cells', () => {
    expect(parsePastedBlocks('<table><tr><td>东岭村</td><td></td></tr><tr><td>&nbsp;</td></tr></table>')).toEqual([
      { type: 'paragraph', runs: [{ text: '东岭村', bold: false }] }
    ])
    expect(
      parsePastedBlocks('<table><caption>表1 执法情况</caption><tr><th>类别</th><td style="display:none">隐藏</td><th>次数</th></tr><tr><td>巡查</td><td>9</td></tr></table>')
    ).toEqual([
      { type: 'paragraph', runs: [{ text: '表1 执法情况', bold: false }] },
      { type: 'table', rows: [['类别', '次数'], ['巡查', '9']] }
    ])
  })

  it('gives the old paragraph view of a table one line per row, cells apart', () => {
    expect(parsePastedHTML('<table><tr><td>项目</td><td>数量</td></tr><tr><td>巡查</td><td>9</td></tr></table>')).toEqual([
      [{ text: '项目\u3000数量', bold: false }],
      [{ text: '巡查\u30009', bold: false }]
    ])
  })
})

describe('pasted tab-separated text', () => {
  it('reads a web page’s layout table as paragraphs, and a data table inside it as a table', () => {
    const article = '镇政府坚持依法行政，'.repeat(40)
    const page = `<table role="presentation"><tr><td><a href="#">首页</a></td><td><p>${article}</p><p>第二段正文。</p></td></tr></table>`
    const blocks = parsePastedBlocks(page)
    expect(blocks.every((b) => b.type === 'paragraph')).toBe(true)
    expect(blocks.map((b) => (b.type === 'paragraph' ? b.runs.map((r) => r.text).join('') : ''))).toEqual(['首页', article, '第二段正文。'])

    // No role, but a passage in a cell and a table of figures nested in the layout.
    const nested = `<table><tr><td>${article}</td><td><table border="1"><tr><td>项目</td><td>数量</td></tr><tr><td>讲座</td><td>6</td></tr></table></td></tr></table>`
    expect(parsePastedBlocks(nested)).toEqual([
      { type: 'paragraph', runs: [{ text: article, bold: false }] },
      { type: 'table', rows: [['项目', '数量'], ['讲座', '6']] }
    ])
  })

  it('reads a one-column web table as paragraphs, but anything from a spreadsheet as a table', () => {
    expect(parsePastedBlocks('<table><tr><td>第一项</td></tr><tr><td>第二项</td></tr></table>')).toEqual([
      { type: 'paragraph', runs: [{ text: '第一项', bold: false }] },
      { type: 'paragraph', runs: [{ text: '第二项', bold: false }] }
    ])
    const long = '说明'.repeat(200)
    const excel = `<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta name=ProgId content=Excel.Sheet></head><body><table><tr><td>备注</td><td>${long}</td></tr><tr><td>合计</td><td>3</td></tr></table></body></html>`
    expect(parsePastedBlocks(excel)).toEqual([{ type: 'table', rows: [['备注', long], ['合计', '3']] }])
    // The same long cell from a web page is prose laid out in a grid.
    expect(parsePastedBlocks(excel.replace(/<head>.*<\/head>/, '').replace(' xmlns:x="urn:schemas-microsoft-com:office:excel"', '')).every((b) => b.type === 'paragraph')).toBe(true)
  })

  it('pastes a table wider than Word allows as text, so spans cannot blow a few bytes up into a huge grid', () => {
    // 100 cells of colspan 100 per row: about 10,000 columns if spans were followed.
    const row = '<tr>' + '<td colspan="100">格</td>'.repeat(100) + '</tr>'
    const blocks = parsePastedBlocks(`<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table>${row.repeat(50)}</table></body></html>`)
    expect(blocks.some((b) => b.type === 'table')).toBe(false)
    expect(blocks).toHaveLength(100 * 50)
    // The same from tab-separated text: one field more than 63 is text, 63 is a table.
    const schema = reportSchema()
    const wide = plainTextSlice(schema, Array(2).fill(Array(64).fill('数').join('\t')).join('\n'))
    expect(sliceNodes(wide).map((n) => n.type.name)).toEqual(['paragraph', 'paragraph'])
    const widest = plainTextSlice(schema, Array(2).fill(Array(63).fill('数').join('\t')).join('\n'))
    expect(sliceNodes(widest).map((n) => n.type.name)).toEqual(['plainTable'])
    expect((sliceNodes(widest)[0].attrs.rows as string[][])[0]).toHaveLength(63)
  })

  it('reads Excel’s text (quoted multi-line cell, trailing tabs) as the same table its HTML gives', () => {
    const nodes = sliceNodes(plainTextSlice(reportSchema(), fixture('excel.txt').replace(/\n/g, '\r\n')))
    expect(nodes.map((n) => n.type.name)).toEqual(['plainTable'])
    expect(nodes[0].attrs.rows).toEqual(EXCEL_ROWS)
  })

  it('keeps lines around a table as paragraphs, in order, and the slice closed at the table', () => {
    const slice = plainTextSlice(reportSchema(), '全年情况如下：\n项目\t数量\n巡查\t9\n以上。')
    expect(sliceNodes(slice).map((n) => n.type.name)).toEqual(['paragraph', 'plainTable', 'paragraph'])
    expect(sliceNodes(slice).map((n) => n.textContent)).toEqual(['全年情况如下：', '', '以上。'])
    expect(sliceNodes(slice)[1].attrs.rows).toEqual([['项目', '数量'], ['巡查', '9']])
    expect([slice.openStart, slice.openEnd]).toEqual([1, 1])
    const tableOnly = plainTextSlice(reportSchema(), '项目\t数量\n巡查\t9')
    expect([tableOnly.openStart, tableOnly.openEnd]).toEqual([0, 0])
  })

  it('never deletes a tab between Chinese characters outside a table: it becomes a full-width space', () => {
    const texts = sliceNodes(plainTextSlice(reportSchema(), '项目\t数量\n\n负责人\t\t张三')).map((n) => n.textContent)
    expect(texts).toEqual(['项目\u3000数量', '负责人\u3000张三'])
  })

  it('keeps a Word tab between Chinese words in pasted HTML as a full-width space', () => {
    const html = `<p class=MsoNormal><span style='font-family:仿宋'>负责人<span style='mso-tab-count:1'>&nbsp;&nbsp;&nbsp;&nbsp; </span>张三</span></p>`
    expect(parsePastedHTML(html)).toEqual([[{ text: '负责人\u3000张三', bold: false }]])
  })

  it('reads quotes as spreadsheet quoting only around a whole cell, and keeps quotes in text without a table', () => {
    const table = sliceNodes(plainTextSlice(reportSchema(), '"依法"行政\t是\n"a\nb"\tc'))
    expect(table.map((n) => n.attrs.rows)).toEqual([[['"依法"行政', '是'], ['a\nb', 'c']]])
    expect(sliceNodes(plainTextSlice(reportSchema(), '"十四五"\n规划')).map((n) => n.textContent)).toEqual(['"十四五"', '规划'])
  })
})

// ---- In the editor -------------------------------------------------------------------------

const BLOCKS: BlockJSON[] = [
  { type: 'preamble', attrs: { id: 'preamble' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: '导语前半导语后半' }] }] },
  {
    type: 'section',
    attrs: { id: 's1', level: 1, templateKey: null, required: false },
    content: [
      { type: 'sectionTitle', content: [{ type: 'text', text: '主要举措' }] },
      { type: 'paragraph', content: [{ type: 'text', text: '前一句。后一句。' }] }
    ]
  }
] as BlockJSON[]

const TABLE_HTML = '<table><tr><td>项目</td><td>数量</td></tr><tr><td>巡查</td><td>9</td></tr></table>'
const ROWS = [['项目', '数量'], ['巡查', '9']]

let refused: string[] = []
afterEach(() => {
  unmountReportEditor()
  refused = []
})

function open(): Editor {
  return mountReportEditor(BLOCKS, { onReviewRefused: (message) => refused.push(message) })
}

function caretAfter(ed: Editor, text: string): void {
  let at = -1
  ed.state.doc.descendants((node, pos) => {
    if (at < 0 && node.isText && node.text!.includes(text)) at = pos + node.text!.indexOf(text) + text.length
  })
  ed.view.dispatch(ed.state.tr.setSelection(TextSelection.create(ed.state.doc, at)))
}

/** Each block of the doc's top-level container `index` as its type and text (a table: its rows). */
function blocksOf(ed: Editor, index: number): unknown[] {
  const out: unknown[] = []
  blockAt(ed.state.doc, index).forEach((n) => out.push(n.type.name === 'plainTable' ? n.attrs.rows : `${n.type.name}:${n.textContent}`))
  return out
}

describe('pasting a table in the editor', () => {
  it('splits a body paragraph at the caret and puts the table between the halves; one undo takes it out', () => {
    const ed = open()
    caretAfter(ed, '前一句。')
    ed.view.pasteHTML(TABLE_HTML)
    expect(blocksOf(ed, 1)).toEqual(['sectionTitle:主要举措', 'paragraph:前一句。', ROWS, 'paragraph:后一句。'])
    ed.commands.undo()
    expect(blocksOf(ed, 1)).toEqual(['sectionTitle:主要举措', 'paragraph:前一句。后一句。'])
  })

  it('puts a table pasted in the preamble where the caret is', () => {
    const ed = open()
    caretAfter(ed, '导语前半')
    ed.view.pasteText('项目\t数量\n巡查\t9\n')
    expect(blocksOf(ed, 0)).toEqual(['paragraph:导语前半', ROWS, 'paragraph:导语后半'])
  })

  it('with the caret in a heading puts the table (and text around it) after the heading, never into it', () => {
    const ed = open()
    caretAfter(ed, '主要')
    ed.view.pasteHTML(TABLE_HTML)
    expect(blocksOf(ed, 1)).toEqual(['sectionTitle:主要举措', ROWS, 'paragraph:前一句。后一句。'])
    expect(ed.state.selection).toBeInstanceOf(NodeSelection)
    ed.commands.undo()
    caretAfter(ed, '主要举措')
    ed.view.pasteHTML('<p>说明如下</p>' + TABLE_HTML)
    expect(blocksOf(ed, 1)).toEqual(['sectionTitle:主要举措', 'paragraph:说明如下', ROWS, 'paragraph:前一句。后一句。'])
  })

  it('changes nothing on a locked (submitted or approved) report', () => {
    const ed = open()
    setEditorLock(ed.state, ed.view.dispatch, { locked: true, allowComments: true })
    const before = ed.state.doc
    caretAfter(ed, '前一句。')
    ed.view.pasteHTML(TABLE_HTML)
    ed.view.pasteText('项目\t数量\n巡查\t9')
    expect(ed.state.doc.eq(before)).toBe(true)
  })

  it('in 修订模式 refuses a pasted table with a message and leaves the text untouched (text around it is not pasted without it)', () => {
    const ed = open()
    setSuggestMode(ed.state, ed.view.dispatch, { enabled: true, author: '王镇长' })
    const before = ed.state.doc
    caretAfter(ed, '前一句。')
    ed.view.pasteHTML('<p>说明</p>' + TABLE_HTML + '<p>以上</p>')
    caretAfter(ed, '主要')
    ed.view.pasteText('项目\t数量\n巡查\t9')
    expect(ed.state.doc.eq(before)).toBe(true)
    expect(refused).toEqual([SUGGEST_TABLE_REFUSED_MESSAGE, SUGGEST_TABLE_REFUSED_MESSAGE])
    // Plain text still goes in as a suggestion.
    caretAfter(ed, '前一句。')
    ed.view.pasteText('补充')
    const inserted = blockAt(ed.state.doc, 1).child(1).child(1)
    expect([inserted.text, inserted.marks.map((m) => m.type.name)]).toEqual(['补充', ['insertion']])
  })

  it('copies and pastes an existing table within the editor unchanged (our own HTML passes through)', () => {
    const ed = open()
    caretAfter(ed, '前一句。')
    ed.view.pasteHTML(TABLE_HTML)
    let tablePos = -1
    ed.state.doc.descendants((n, pos) => {
      if (n.type.name === 'plainTable') tablePos = pos
    })
    const copied = NodeSelection.create(ed.state.doc, tablePos).content()
    const { dom } = ed.view.serializeForClipboard(copied)
    expect(sanitizePastedHTML(dom.innerHTML)).toBe(dom.innerHTML)
    caretAfter(ed, '导语前半')
    ed.view.pasteHTML(dom.innerHTML)
    expect(blocksOf(ed, 0)).toEqual(['paragraph:导语前半', ROWS, 'paragraph:导语后半'])
  })
})

describe('a pasted table in the Word export', () => {
  it('is written as a w:tbl between the paragraphs around it, every cell in order', async () => {
    const ed = open()
    caretAfter(ed, '前一句。')
    ed.view.pasteHTML(fixture('excel.html'))
    const doc = reportDocJSON(ed.state.doc)
    const report: Report = {
      id: 'r1',
      templateId: WORK_SUMMARY_TEMPLATE.id,
      templateVersion: WORK_SUMMARY_TEMPLATE.version,
      meta: { title: '青禾镇2024年工作总结', issuingOrgans: ['青禾镇人民政府'], addressee: '', year: 2024, date: '2025-01-10' },
      status: 'draft',
      sectionOrder: ['preamble', 's1'],
      createdAt: 1,
      updatedAt: 1,
      deletedAt: null
    }
    const xml = strFromU8(unzipSync(await exportReportDocx(resolveReport(report, doc, WORK_SUMMARY_TEMPLATE, [])))['word/document.xml'])
    const start = xml.indexOf('<w:tbl>')
    const end = xml.indexOf('</w:tbl>')
    expect(start).toBeGreaterThan(xml.indexOf('前一句。'))
    expect(end).toBeLessThan(xml.indexOf('后一句。'))
    const table = xml.slice(start, end)
    const cells = Array.from(table.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g), (m) => Array.from(m[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g), (t) => t[1]).join('\n'))
    expect(cells).toEqual(EXCEL_ROWS.flat())
  })
})
