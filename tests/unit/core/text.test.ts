import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { PreambleJSON, SectionJSON } from '@core/report'
import type { ReportTemplate } from '@core/template'
import {
  countCharacters,
  countDocCharacters,
  countSectionCharacters,
  normalizeChineseText,
  sectionPlainText,
  stripXmlIllegal
} from '@core/text'

describe('stripXmlIllegal', () => {
  it('removes the control characters XML forbids and keeps tab, LF, CR', () => {
    const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('')
    expect(stripXmlIllegal(`甲${controls}乙`)).toBe('甲\t\n\r乙')
  })
  it('removes U+FFFE, U+FFFF and unpaired surrogates, keeps real pairs', () => {
    expect(stripXmlIllegal('a\uFFFEb\uFFFFc')).toBe('abc')
    expect(stripXmlIllegal('x\uD800y\uDC00z')).toBe('xyz')
    expect(stripXmlIllegal('end\uD83D')).toBe('end')
    expect(stripXmlIllegal('𠀀😀')).toBe('𠀀😀')
  })
})

describe('normalizeChineseText', () => {
  it('drops Word bookmark markers and invisible characters', () => {
    expect(normalizeChineseText('[bookmark: _GoBack]2024年以来')).toBe('2024年以来')
    expect(normalizeChineseText('工作\u200B要求\uFEFF')).toBe('工作要求')
  })
  it('turns half-width punctuation next to Chinese into full-width', () => {
    expect(normalizeChineseText('更新清单,确保推进')).toBe('更新清单，确保推进')
    expect(normalizeChineseText('注意:一是;二是?对!')).toBe('注意：一是；二是？对！')
    expect(normalizeChineseText('清单 , 确保')).toBe('清单，确保')
    expect(normalizeChineseText('派发资料3300多份(册)')).toBe('派发资料3300多份（册）')
    expect(normalizeChineseText('(1)加强培训')).toBe('（1）加强培训')
  })
  it('leaves numbers and Latin text alone', () => {
    expect(normalizeChineseText('共3,300份')).toBe('共3,300份')
    expect(normalizeChineseText('时间12:30开始')).toBe('时间12:30开始')
    expect(normalizeChineseText('Hello, world (test)!')).toBe('Hello, world (test)!')
    expect(normalizeChineseText('使用 Microsoft Word 编辑')).toBe('使用 Microsoft Word 编辑')
    expect(normalizeChineseText('“3.8国际妇女节”')).toBe('“3.8国际妇女节”')
  })
  it('removes ASCII spaces between Chinese characters only', () => {
    expect(normalizeChineseText('法治 政府  建设')).toBe('法治政府建设')
    expect(normalizeChineseText('共 61 条')).toBe('共 61 条')
    expect(normalizeChineseText('全文\u3000完')).toBe('全文\u3000完')
  })
  it('also strips XML-illegal characters and is idempotent', () => {
    const once = normalizeChineseText('甲\u0001乙, 丙 (丁)')
    expect(once).toBe('甲乙，丙（丁）')
    expect(normalizeChineseText(once)).toBe(once)
  })
  it('gives what every cleaning step gives, also when it returns plain Chinese text untouched', () => {
    // The steps one after another, as the function ran them before it skipped text none of
    // them can change.
    const CJK = '\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\u3000-\\u303F\\uFF00-\\uFFEF\\u2018\\u2019\\u201C\\u201D\\u2014\\u2026\\u00B7'
    const cjk = (ch: string | undefined) => ch !== undefined && new RegExp(`[${CJK}]`).test(ch)
    const wide: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' }
    const everyStep = (text: string) =>
      stripXmlIllegal(text)
        .replace(/\[bookmark:[^\]\n]*\]/gi, '')
        .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
        .replace(/\u00A0/g, ' ')
        .replace(/[ \t]*([,;:?!])[ \t]*/g, (m, mark: string, at: number, all: string) => (cjk(all[at - 1]) || cjk(all[at + m.length]) ? wide[mark] : m))
        .replace(/\(([^()\n]*)\)/g, (m, inner: string, at: number, all: string) => (cjk(all[at - 1]) || cjk(all[at + m.length]) || new RegExp(`[${CJK}]`).test(inner) ? `（${inner}）` : m))
        .replace(/[()]/g, (mark, at: number, all: string) => (cjk(all[at - 1]) || cjk(all[at + 1]) ? wide[mark] : mark))
        .replace(new RegExp(`([${CJK}])[ \\t]+(?=[${CJK}])`, 'g'), '$1')
    const pieces = ['法', '治', '，', '。', '“', '”', '（', '）', '—', '…', '·', 'A', 'z', '3', '0', '.', '%', '-', ',', ';', ':', '?', '!', '(', ')', ' ', '\t', '\n', '\u00A0', '\u200B', '\uFEFF', '\u0001', '[bookmark: x]', '[', ']', '\uD842\uDFB7', '\uD800', '\u3000']
    let untouched = 0
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
        const text = parts.join('')
        const out = normalizeChineseText(text)
        if (out === text) untouched++
        expect(out).toBe(everyStep(text))
      }),
      { numRuns: 3000 }
    )
    expect(untouched).toBeGreaterThan(100)
    // And the common case itself: a plain Chinese run comes back as the very same string.
    expect(normalizeChineseText('全年办理行政复议案件，较上年增长。')).toBe('全年办理行政复议案件，较上年增长。')
  })
})

describe('countCharacters', () => {
  it('counts every non-whitespace character, Chinese and Latin alike', () => {
    expect(countCharacters('法治政府')).toBe(4)
    expect(countCharacters('共 61 条。')).toBe(5)
    expect(countCharacters(' \t\n\u3000')).toBe(0)
    expect(countCharacters('Word文档')).toBe(6)
    expect(countCharacters('𠀀')).toBe(1)
  })
})

const template: ReportTemplate = {
  id: 't', version: 1, name: 't', description: '', builtIn: false, titlePattern: '', defaultAddressee: '', preambleGuidance: '',
  sections: [{ key: 'a', level: 1, title: 'A', guidance: 'g', required: true }],
  metrics: [{ id: 'm.patrols', label: '巡查次数', unit: '次', type: 'integer', qualifiers: ['余'], sectionKey: 'a' }]
}
const section: SectionJSON = {
  type: 'section',
  attrs: { id: 's1', level: 1, templateKey: 'a', required: true },
  content: [
    { type: 'sectionTitle', content: [{ type: 'text', text: '执法工作' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: '开展巡查', marks: [{ type: 'bold' }] },
        { type: 'metric', attrs: { metricId: 'm.patrols' } },
        { type: 'text', text: '。' },
        { type: 'hardBreak' },
        { type: 'text', text: '成效 明显' }
      ]
    },
    { type: 'paragraph' }
  ]
}

describe('section text and counts', () => {
  it('renders a block as lines, chips as their displayed text', () => {
    const values = [{ metricId: 'm.patrols', value: 120, qualifier: '余' as const }]
    expect(sectionPlainText(section, values, template)).toBe('执法工作\n开展巡查120余次。\n成效 明显\n')
    expect(sectionPlainText(section)).toBe('执法工作\n开展巡查。\n成效 明显\n')
  })
  it('counts chips as what the clerk sees, including an empty placeholder', () => {
    const filled = countSectionCharacters(section, [{ metricId: 'm.patrols', value: 120, qualifier: '余' }], template)
    expect(filled).toBe(countCharacters('执法工作开展巡查120余次。成效明显'))
    const empty = countSectionCharacters(section, [], template)
    expect(empty).toBe(countCharacters('执法工作开展巡查【未填：巡查次数】。成效明显'))
  })
  it('adds up the preamble and all sections for the whole document', () => {
    const preamble: PreambleJSON = { type: 'preamble', attrs: { id: 'preamble' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: '导语两句。' }] }] }
    expect(countDocCharacters({ type: 'doc', content: [preamble, section] }, [], template)).toBe(
      countCharacters('导语两句。') + countSectionCharacters(section, [], template)
    )
  })
})
