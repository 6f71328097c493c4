// Text hygiene for Chinese official documents: what comes in by paste and goes out by export.
import { metricChipText, valuesById } from './metrics'
import type { BlockJSON, InlineJSON, ReportDocJSON } from './report'
import type { MetricValue, ReportTemplate } from './template'

// Characters XML 1.0 forbids; a single one makes Word refuse the whole file.
const XML_ILLEGAL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Removes C0 controls other than tab/LF/CR, U+FFFE/U+FFFF and unpaired surrogates. */
export function stripXmlIllegal(s: string): string {
  return s.replace(XML_ILLEGAL, '')
}

// Ideographs plus the punctuation that lives in Chinese text (full-width forms, CJK symbols,
// curly quotes, dashes, ellipsis, middle dot): neighbours that make an ASCII mark "Chinese".
const CJK_CLASS = '\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\u3000-\\u303F\\uFF00-\\uFFEF\\u2018\\u2019\\u201C\\u201D\\u2014\\u2026\\u00B7'
const CJK = new RegExp(`[${CJK_CLASS}]`)
const isCjk = (ch: string | undefined): boolean => ch !== undefined && CJK.test(ch)

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' }

// Markers Word leaves in copied text, e.g. '[bookmark: _GoBack]', and invisible characters.
const WORD_ARTEFACTS = /\[bookmark:[^\]\n]*\]/gi
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g
const SPACE_BETWEEN_CJK = new RegExp(`([${CJK_CLASS}])[ \\t]+(?=[${CJK_CLASS}])`, 'g')
/**
 * Any character one of normalizeChineseText's steps can change or needs: controls, U+FFFE/FFFF
 * and surrogates (XML), '[' (Word markers), invisible ones, no-break space, space and tab,
 * the half-width marks and parentheses.
 */
const NEEDS_CLEANING = /[\u0000-\u001F \u00A0\u00AD\u200B-\u200D\u2060\uFEFF\uFFFE\uFFFF\uD800-\uDFFF[,;:?!()]/

/**
 * Cleans pasted or exported Chinese text: drops Word artefacts and invisible characters,
 * turns half-width , ; : ? ! ( ) next to Chinese into full-width, removes ASCII spaces
 * between Chinese characters. Numbers ("3,300", "12:30") and Latin text stay as they are.
 * Does not trim: callers normalise runs that sit between other runs.
 */
export function normalizeChineseText(s: string): string {
  // Most runs of a report are Chinese text with none of the characters any step below acts
  // on: returned as they are, without the eight passes (the print window cleans ~3,000 runs
  // before it lays out 200 pages).
  if (!NEEDS_CLEANING.test(s)) return s
  let out = stripXmlIllegal(s).replace(WORD_ARTEFACTS, '').replace(INVISIBLE, '').replace(/\u00A0/g, ' ')

  out = out.replace(/[ \t]*([,;:?!])[ \t]*/g, (match, mark: string, offset: number, whole: string) =>
    isCjk(whole[offset - 1]) || isCjk(whole[offset + match.length]) ? FULL_WIDTH[mark] : match
  )
  // Parentheses change as a pair, so "(册)" never becomes "（册)".
  out = out.replace(/\(([^()\n]*)\)/g, (match, inner: string, offset: number, whole: string) =>
    isCjk(whole[offset - 1]) || isCjk(whole[offset + match.length]) || CJK.test(inner) ? `（${inner}）` : match
  )
  out = out.replace(/[()]/g, (mark, offset: number, whole: string) =>
    isCjk(whole[offset - 1]) || isCjk(whole[offset + 1]) ? FULL_WIDTH[mark] : mark
  )
  out = out.replace(SPACE_BETWEEN_CJK, '$1')
  return out
}

/** 字数 as a Chinese clerk expects it (WPS "字符数（不计空格）"): every non-whitespace character. */
export function countCharacters(s: string): number {
  let n = 0
  for (const ch of s) if (!/\s/.test(ch)) n++
  return n
}

function inlineText(content: InlineJSON[] | undefined, chip: (metricId: string) => string): string {
  let text = ''
  for (const node of content ?? []) {
    if (node.type === 'text') text += node.text
    else if (node.type === 'metric') text += chip(node.attrs.metricId)
    else text += '\n'
  }
  return text
}

/**
 * A block's text, title first, one line per paragraph. Chips show what the clerk sees when a
 * template is given (value or placeholder) and are left out otherwise.
 */
export function sectionPlainText(json: BlockJSON, values?: readonly MetricValue[], template?: ReportTemplate): string {
  let chip: (id: string) => string = () => ''
  if (template) {
    const defs = new Map(template.metrics.map((m) => [m.id, m]))
    const byId = valuesById(values ?? [])
    chip = (id) => metricChipText(defs.get(id), byId.get(id)).text
  }
  return json.content.map((child) => inlineText(child.content, chip)).join('\n')
}

/** 本节 N 字: chips count as their displayed text. */
export function countSectionCharacters(json: BlockJSON, values: readonly MetricValue[], template: ReportTemplate): number {
  return countCharacters(sectionPlainText(json, values, template))
}

/** 全文 N 字 over the preamble and every section (heading numbers not included). */
export function countDocCharacters(doc: ReportDocJSON, values: readonly MetricValue[], template: ReportTemplate): number {
  return doc.content.reduce((sum, block) => sum + countSectionCharacters(block, values, template), 0)
}
