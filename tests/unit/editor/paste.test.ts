// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { DOMParser as PMDOMParser } from '@tiptap/pm/model'
import type { ReportDocJSON } from '@core/report'
import { parsePastedHTML, plainTextSlice, sanitizePastedHTML } from '../../../src-renderer/src/editor/paste'
import { reportSchema } from '../../../src-renderer/src/editor/schema'
import { blockAt, editorDocJSON } from '../../../src-renderer/src/editor/doc'

// What Word 2016 puts on the clipboard for two paragraphs, the second with a bold run, a
// hidden list number, a comment reference and the _GoBack bookmark.
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name=Generator content="Microsoft Word 15"><style><!--
 /* Style Definitions */ p.MsoNormal {mso-style-parent:""; font-size:16.0pt; font-family:仿宋_GB2312;}
--></style><!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--></head>
<body lang=ZH-CN style='tab-interval:21.0pt'>
<!--StartFragment-->
<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:"Times New Roman"'>全年开展日常巡查<span lang=EN-US>120</span>余次,纠正违法行为<o:p></o:p></span></p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span><![endif]><b><span style='font-family:黑体'>加强</span></b><span style='font-family:仿宋'>执法队伍建设<a name="_GoBack"></a>[bookmark: _GoBack]</span><span class=MsoCommentReference><span style='mso-special-character:comment'>&nbsp;<a class=msocomanchor id="_anchor_1" href="#_msocom_1">[A1]</a></span></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<!--EndFragment-->
</body></html>`

// WPS marks bold with a style and wraps lines in <div>s with <br>.
const WPS_HTML = `<meta charset="utf-8"><div style="font-family:'FangSong'"><span style="font-weight:bold;color:#333">二是</span><span style="font-size:16pt">强化普法宣传。</span></div><div><br></div><div>三是<font face="宋体">化解矛盾纠纷</font>。<br>第二行</div><h2 style="color:red">小标题</h2>`

describe('paste sanitiser', () => {
  it('keeps Word paragraphs and bold only, dropping mso styles, <o:p>, list helpers, comments and bookmarks', () => {
    expect(parsePastedHTML(WORD_HTML)).toEqual([
      [{ text: '全年开展日常巡查120余次，纠正违法行为', bold: false }],
      [
        { text: '加强', bold: true },
        { text: '执法队伍建设', bold: false }
      ]
    ])
    const html = sanitizePastedHTML(WORD_HTML)
    expect(html).not.toMatch(/mso|style|class|font|_GoBack|bookmark|\[A1\]|o:p/i)
  })

  it('keeps WPS and web paragraphs, style-bold, <br> breaks; headings become paragraphs', () => {
    expect(parsePastedHTML(WPS_HTML)).toEqual([
      [
        { text: '二是', bold: true },
        { text: '强化普法宣传。', bold: false }
      ],
      [{ text: '三是化解矛盾纠纷。', bold: false }],
      [{ text: '第二行', bold: false }],
      [{ text: '小标题', bold: false }]
    ])
  })

  it('produces HTML the report schema parses into paragraphs and bold', () => {
    const container = document.createElement('div')
    container.innerHTML = sanitizePastedHTML(WORD_HTML)
    const slice = PMDOMParser.fromSchema(reportSchema()).parseSlice(container)
    const types: string[] = []
    slice.content.forEach((n) => types.push(n.type.name))
    expect(types).toEqual(['paragraph', 'paragraph'])
    expect(slice.content.child(1).firstChild!.marks.map((m) => m.type.name)).toEqual(['bold'])
    expect(slice.content.child(1).textContent).toBe('加强执法队伍建设')
  })

  it('lets the editor’s own copies (with chips) through untouched', () => {
    const own = '<p data-pm-slice="1 1 []">共<span data-metric-id="enforcement.patrols" class="metric-chip">120余次</span></p>'
    expect(sanitizePastedHTML(own)).toBe(own)
  })

  it('splits plain text into one paragraph per non-blank line, normalised', () => {
    const slice = plainTextSlice(reportSchema(), '第一段,内容\r\n\r\n  第二段 文字  \n[bookmark: _GoBack]')
    const texts: string[] = []
    slice.content.forEach((n) => texts.push(n.textContent))
    expect(texts).toEqual(['第一段，内容', '第二段文字'])
  })
})

describe('paste with the caret in a heading', () => {
  it('puts several paragraphs after the heading, never into it; one paragraph stays default', async () => {
    const { pasteAfterHeading } = await import('../../../src-renderer/src/editor/paste')
    const { EditorState, TextSelection } = await import('@tiptap/pm/state')
    const schema = reportSchema()
    const doc = schema.nodeFromJSON(
      editorDocJSON({
      type: 'doc',
      content: [
        { type: 'preamble', attrs: { id: 'preamble' }, content: [{ type: 'paragraph' }] },
        {
          type: 'section',
          attrs: { id: 's1', level: 1, templateKey: null, required: false },
          content: [
            { type: 'sectionTitle', content: [{ type: 'text', text: '总体情况' }] },
            { type: 'paragraph', content: [{ type: 'text', text: '原有正文' }] }
          ]
        }
      ]
    } as ReportDocJSON)
    )
    // Caret at the end of the title: preamble (4) + chapter and section open (2) + title open (1) + 4 chars.
    const state = EditorState.create({ doc, selection: TextSelection.create(doc, 11) })
    expect(state.selection.$head.parent.type.name).toBe('sectionTitle')
    const two = plainTextSlice(schema, '第一段。\n第二段。')
    const tr = pasteAfterHeading(state, two)!
    const section = blockAt(tr.doc, 1)
    expect(section.child(0).textContent).toBe('总体情况')
    expect([1, 2, 3].map((i) => section.child(i).textContent)).toEqual(['第一段。', '第二段。', '原有正文'])
    expect(tr.selection.$head.parent.textContent).toBe('第二段。')
    expect(pasteAfterHeading(state, plainTextSlice(schema, '一句话'))).toBeNull()
    const inBody = EditorState.create({ doc, selection: TextSelection.create(doc, 13) })
    expect(pasteAfterHeading(inBody, two)).toBeNull()
  })
})
