// Recognising a report in the raw blocks: title (also in a text box or a table cell, on two
// lines), 主送机关, headings (styles, typed numbers in every width and spacing, automatic
// numbering), body, tables, signature organ(s) and 成文日期. Spacing habits are normalised
// on the way: empty paragraphs, soft breaks, typed indents, runs split inside a figure.
import type { SectionLevel } from '../report'
import type { ParsedDocx, RawBlock, RawCell, RawParagraph, RawTable } from './model'

/** How tracked changes become text: accepted, or everything kept as Word shows it with markup. */
export type ChangeMode = 'accept' | 'asShown'

export interface ImportedRun {
  text: string
  bold?: boolean
}

export interface ImportedParagraph {
  type: 'paragraph'
  runs: ImportedRun[]
}

export interface ImportedTableCell {
  text: string
  span: number
  vMerge?: 'restart' | 'continue'
}

export interface ImportedTable {
  type: 'table'
  rows: ImportedTableCell[][]
}

export type ImportedBlock = ImportedParagraph | ImportedTable

export interface ImportedSection {
  level: SectionLevel
  title: string
  /** How the heading was recognised, for the preview. */
  source: 'number' | 'auto-number' | 'style'
  body: ImportedBlock[]
}

export interface RecognisedReport {
  title: string
  addressee: string
  organs: string[]
  /** 成文日期 'YYYY-MM-DD', '' when none was found. */
  date: string
  /** The year the report is about, when the title or date tells it. */
  year: number | null
  preamble: ImportedBlock[]
  sections: ImportedSection[]
}

// ---- Text normalisation -------------------------------------------------------------------

const FULL_DIGITS = /[０-９]/g
const toHalfDigits = (s: string) => s.replace(FULL_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
const SPACE = '[\\s\\u3000\\u00a0]'
const LEADING_SPACE = new RegExp(`^${SPACE}+`)
const TRAILING_SPACE = new RegExp(`${SPACE}+$`)

export const blockText = (b: ImportedParagraph) => b.runs.map((r) => r.text).join('')

interface Line {
  runs: ImportedRun[]
  text: string
  /** Leading whitespace before it was stripped (typed indents; signatures pushed right). */
  leading: number
  align: RawParagraph['align']
  styleName: string
  outlineLevel: number
  numLabel: string
  textBox: boolean
  fromTable: boolean
  bold: boolean
}

function materialise(p: RawParagraph, mode: ChangeMode): ImportedRun[] {
  const runs: ImportedRun[] = []
  for (const s of p.segments) {
    if (mode === 'accept' && s.change === 'del') continue
    const last = runs[runs.length - 1]
    // Runs split anywhere (inside "61条", around bookmarks) are joined back when they look alike.
    if (last && Boolean(last.bold) === Boolean(s.bold)) last.text += s.text
    else runs.push(s.bold ? { text: s.text, bold: true } : { text: s.text })
  }
  return runs
}

/**
 * A Word tab inside a line ("联系人：王明<tab>电话：…", figures typed in columns) is kept as two
 * full-width spaces, the width of Chinese Word's default tab stop. Two ASCII spaces, as before,
 * were later removed between Chinese characters by the text cleaning every export runs, so the
 * two fields ran together in the files sent upward.
 */
const TAB_AS_TEXT = '\u3000\u3000'

function trimRuns(runs: ImportedRun[]): { runs: ImportedRun[]; leading: number } {
  const out = runs.map((r) => ({ ...r, text: r.text.replace(/\t/g, TAB_AS_TEXT) }))
  let leading = 0
  while (out.length) {
    const before = out[0].text
    out[0].text = before.replace(LEADING_SPACE, '')
    leading += before.length - out[0].text.length
    if (out[0].text !== '') break
    out.shift()
  }
  while (out.length) {
    out[out.length - 1].text = out[out.length - 1].text.replace(TRAILING_SPACE, '')
    if (out[out.length - 1].text !== '') break
    out.pop()
  }
  return { runs: out, leading }
}

/** Splits runs at soft line breaks. */
function splitLines(runs: ImportedRun[]): ImportedRun[][] {
  const lines: ImportedRun[][] = [[]]
  for (const r of runs) {
    const parts = r.text.split(/\r?\n/)
    parts.forEach((part, i) => {
      if (i > 0) lines.push([])
      if (part !== '') lines[lines.length - 1].push({ ...r, text: part })
    })
  }
  return lines
}

function toLines(p: RawParagraph, mode: ChangeMode, extra: { fromTable?: boolean } = {}): Line[] {
  const pieces = splitLines(materialise(p, mode))
  const out: Line[] = []
  pieces.forEach((piece, i) => {
    const { runs, leading } = trimRuns(piece)
    const text = runs.map((r) => r.text).join('')
    if (text === '') return
    const line: Line = {
      runs,
      text,
      leading,
      align: p.align,
      styleName: p.styleName,
      outlineLevel: p.outlineLevel,
      numLabel: i === 0 ? p.numLabel : '',
      textBox: Boolean(p.textBox),
      fromTable: Boolean(extra.fromTable),
      bold: runs.every((r) => r.bold)
    }
    const prev = out[out.length - 1]
    // A soft break inside one logical paragraph is joined back, unless a heading starts or ends there.
    if (prev && !startsWithNumber(text) && !isHeadingLike(prev)) {
      prev.runs.push(...line.runs)
      prev.text += line.text
      prev.bold = prev.bold && line.bold
    } else out.push(line)
  })
  return out
}

// ---- Headings ------------------------------------------------------------------------------

const CN = '[一二三四五六七八九十百零〇]+'
const DIG = '[0-9０-９]{1,2}'
const NUMBER_PATTERNS: Array<{ level: SectionLevel; re: RegExp }> = [
  { level: 2, re: new RegExp(`^[（(]${SPACE}*${CN}${SPACE}*[）)]${SPACE}*[、.．]?${SPACE}*`) },
  { level: 4, re: new RegExp(`^[（(]${SPACE}*${DIG}${SPACE}*[）)]${SPACE}*[、.．]?${SPACE}*`) },
  { level: 1, re: new RegExp(`^${CN}${SPACE}*[、，,．.]${SPACE}*`) },
  // "1." / "1．" / "1、" but not "1.5万元" or "2024年".
  { level: 3, re: new RegExp(`^${DIG}${SPACE}*[.．、](?![0-9０-９])${SPACE}*`) }
]

function numberAt(text: string): { level: SectionLevel; rest: string } | null {
  for (const { level, re } of NUMBER_PATTERNS) {
    const m = re.exec(text)
    if (m) return { level, rest: text.slice(m[0].length) }
  }
  return null
}

const startsWithNumber = (text: string) => numberAt(text) !== null

function isHeadingLike(line: Line): boolean {
  const n = numberAt(line.text)
  return n !== null && n.rest.length > 0 && n.rest.length <= 40 && !/[。；]./.test(n.rest)
}

const MAX_HEADING = 40

interface HeadingMatch {
  level: SectionLevel
  title: string
  source: ImportedSection['source']
  /** Text run in after the heading sentence ("1.加强领导。全年召开…"), kept as body. */
  rest: ImportedRun[]
}

function splitRunsAt(runs: ImportedRun[], at: number): [ImportedRun[], ImportedRun[]] {
  const head: ImportedRun[] = []
  const tail: ImportedRun[] = []
  let pos = 0
  for (const r of runs) {
    const end = pos + r.text.length
    if (end <= at) head.push(r)
    else if (pos >= at) tail.push(r)
    else {
      head.push({ ...r, text: r.text.slice(0, at - pos) })
      tail.push({ ...r, text: r.text.slice(at - pos) })
    }
    pos = end
  }
  return [head, tail]
}

function headingOf(line: Line): HeadingMatch | null {
  const typed = numberAt(line.text)
  const auto = !typed && line.numLabel ? numberAt(line.numLabel.trim() + '\u0000') : null
  const styleLevel = line.outlineLevel >= 1 ? (Math.min(line.outlineLevel, 4) as SectionLevel) : null
  let level: SectionLevel
  let source: HeadingMatch['source']
  let rest: string
  if (typed) {
    level = typed.level
    source = 'number'
    rest = typed.rest
  } else if (auto) {
    level = auto.level
    source = 'auto-number'
    rest = line.text
  } else if (styleLevel) {
    level = styleLevel
    source = 'style'
    rest = line.text
  } else return null
  if (rest === '') return null
  const offset = line.text.length - rest.length
  // The heading sentence ends at the first full stop; the rest of the paragraph is body.
  const stop = rest.search(/[。！？]/)
  if (stop >= 0 && stop < rest.length - 1) {
    if (stop > MAX_HEADING - 10) return null
    const [head, tail] = splitRunsAt(line.runs, offset + stop + 1)
    const title = head.map((r) => r.text).join('').slice(offset, offset + stop)
    const restRuns = trimRuns(tail).runs
    return { level, title: title.trim(), source, rest: restRuns }
  }
  const title = rest.replace(/[。！？]$/, '').trim()
  if (title.length > (source === 'style' ? 60 : MAX_HEADING)) return null
  return { level, title, source, rest: [] }
}

// ---- Front and back matter ------------------------------------------------------------------

const DATE_RE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/
const CN_DIGIT: Record<string, number> = Object.fromEntries([...'〇一二三四五六七八九'].map((c, i) => [c, i]).concat([['零', 0], ['○', 0], ['O', 0]]))

function cnSmall(s: string): number | null {
  // 一 … 三十一
  if (s === '十') return 10
  const m = /^([一二三])?十([一二三四五六七八九])?$/.exec(s)
  if (m) return (m[1] ? CN_DIGIT[m[1]] : 1) * 10 + (m[2] ? CN_DIGIT[m[2]] : 0)
  return s.length === 1 && CN_DIGIT[s] !== undefined ? CN_DIGIT[s] : null
}

/** '2025年1月20日', '２０２５年１月２０日', '二〇二五年一月二十日' → '2025-01-20'. */
export function parseChineseDate(text: string): string | null {
  const t = toHalfDigits(text.replace(new RegExp(`${SPACE}`, 'g'), ''))
  let y: number, mo: number, d: number
  const m = DATE_RE.exec(t)
  if (m) {
    ;[y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  } else {
    const c = /^([〇零○O一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$/.exec(t)
    if (!c) return null
    y = Number([...c[1]].map((ch) => CN_DIGIT[ch]).join(''))
    mo = cnSmall(c[2]) ?? 0
    d = cnSmall(c[3]) ?? 0
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCMonth() !== mo - 1) return null
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

const isAddressee = (l: Line) => /[：:]$/.test(l.text) && l.text.length <= 60 && !startsWithNumber(l.text)
const isDocNumber = (l: Line) => /〔\d{4}〕|\[\d{4}\]|签发人/.test(l.text) && l.text.length <= 40
const isNote = (l: Line) => /^[（(](此件|联系人|本件)/.test(l.text)
const isTitleLike = (l: Line) =>
  l.text.length <= 60 && !/[：:]$/.test(l.text) && (l.align === 'center' || /^(title|标题)$/i.test(l.styleName) || l.textBox || l.fromTable)
const looksLikeOrgan = (l: Line) => l.text.length <= 40 && !/[。，；：:]/.test(l.text) && !startsWithNumber(l.text)
const pushedRight = (l: Line) => l.align === 'right' || l.align === 'center' || l.leading >= 4 || l.fromTable

/** Joint organs typed on one line, pushed apart by spaces. */
function splitOrgans(text: string): string[] {
  return text
    .split(/[\s\u3000]{2,}|\t/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

function tableLines(t: RawTable, mode: ChangeMode): Line[] {
  return t.rows.flatMap((row) => row.flatMap((cell) => (cell.vMerge === 'continue' ? [] : cell.paragraphs.flatMap((p) => toLines(p, mode, { fromTable: true })))))
}

function cellText(cell: RawCell, mode: ChangeMode): string {
  return cell.paragraphs
    .map((p) => trimRuns(materialise(p, mode)).runs.map((r) => r.text).join('').replace(/\n/g, ''))
    .filter((t) => t !== '')
    .join('\n')
}

function toImportedTable(t: RawTable, mode: ChangeMode): ImportedTable {
  return {
    type: 'table',
    rows: t.rows.map((row) => row.map((c) => ({ text: c.vMerge === 'continue' ? '' : cellText(c, mode), span: c.span, ...(c.vMerge ? { vMerge: c.vMerge } : {}) })))
  }
}

type Item = { kind: 'line'; line: Line } | { kind: 'table'; table: RawTable }

/** Recognises title, outline, body and signature. Pure and fast: it re-runs when the clerk switches the change mode. */
export function recogniseReport(parsed: ParsedDocx, mode: ChangeMode = 'accept'): RecognisedReport {
  const items: Item[] = []
  for (const b of parsed.blocks as RawBlock[]) {
    if (b.kind === 'p') for (const line of toLines(b, mode)) items.push({ kind: 'line', line })
    else if (b.rows.length > 0) items.push({ kind: 'table', table: b })
  }

  // -- Back matter: date and organs, read from the end.
  let end = items.length
  while (end > 0) {
    const it = items[end - 1]
    if (it.kind === 'line' && isNote(it.line)) end--
    else break
  }
  let date = ''
  const organs: string[] = []
  const last = items[end - 1]
  if (last?.kind === 'table' && last.table.borderless) {
    // Signature block laid out in a borderless table (joint organs side by side, date below).
    const lines = tableLines(last.table, mode)
    const dateLine = lines.find((l) => parseChineseDate(l.text))
    if (dateLine && lines.filter((l) => l !== dateLine).every(looksLikeOrgan)) {
      date = parseChineseDate(dateLine.text)!
      for (const l of lines) if (l !== dateLine) organs.push(...splitOrgans(l.text))
      end--
    }
  } else if (last?.kind === 'line' && parseChineseDate(last.line.text)) {
    date = parseChineseDate(last.line.text)!
    end--
    const found: string[][] = []
    while (end > 0 && found.length < 3) {
      const it = items[end - 1]
      if (it.kind === 'table' && it.table.borderless) {
        const lines = tableLines(it.table, mode)
        if (lines.length > 0 && lines.every(looksLikeOrgan)) {
          found.unshift(lines.flatMap((l) => splitOrgans(l.text)))
          end--
          continue
        }
        break
      }
      if (it.kind !== 'line' || !looksLikeOrgan(it.line) || !pushedRight(it.line)) break
      found.unshift(splitOrgans(it.line.text))
      end--
    }
    organs.push(...found.flat())
  }

  // -- Front matter: title and addressee, before the first heading.
  let start = 0
  const front: Line[] = []
  const firstHeading = items.findIndex((it, i) => i < end && it.kind === 'line' && headingOf(it.line) !== null)
  const frontEnd = firstHeading < 0 ? end : firstHeading
  // A title typed in a small table (a layout table at the very top) reads as lines.
  const titleLines: Line[] = []
  while (start < frontEnd) {
    const it = items[start]
    if (it.kind === 'table') {
      if (titleLines.length === 0 && it.table.rows.length <= 3) {
        front.push(...tableLines(it.table, mode))
        start++
        continue
      }
      break
    }
    front.push(it.line)
    start++
    if (isAddressee(it.line)) break
  }
  let fi = 0
  while (fi < front.length && isDocNumber(front[fi])) fi++
  while (fi < front.length && isTitleLike(front[fi])) titleLines.push(front[fi++])
  if (titleLines.length === 0 && fi < front.length) {
    const f = front[fi]
    if (f.text.length <= 60 && /关于|报告|总结|情况/.test(f.text) && !isAddressee(f)) titleLines.push(front[fi++])
  }
  let addressee = ''
  if (fi < front.length && isAddressee(front[fi])) {
    addressee = front[fi].text.replace(/[：:]+$/, '').trim()
    fi++
  }
  // Lines of the front that were not title/addressee are the opening text.
  const preambleLines = front.slice(fi)
  const title = titleLines.map((l) => l.text).join('')

  // -- Body.
  const preamble: ImportedBlock[] = preambleLines.map((l) => ({ type: 'paragraph', runs: l.runs }))
  const sections: ImportedSection[] = []
  const target = () => (sections.length ? sections[sections.length - 1].body : preamble)
  for (let i = start; i < end; i++) {
    const it = items[i]
    if (it.kind === 'table') {
      target().push(toImportedTable(it.table, mode))
      continue
    }
    const h = headingOf(it.line)
    if (h) {
      sections.push({ level: h.level, title: h.title, source: h.source, body: h.rest.length ? [{ type: 'paragraph', runs: h.rest }] : [] })
    } else {
      target().push({ type: 'paragraph', runs: it.line.runs })
    }
  }

  return { title, addressee, organs: organs.slice(0, 2), date, year: reportYear(title, date), preamble, sections }
}

/** The year a report is about: from its title ('2024年…'), else the year before its date's (reports are written early in the next year). */
export function reportYear(title: string, date: string): number | null {
  const m = /(\d{4})\s*年/.exec(toHalfDigits(title))
  if (m) return Number(m[1])
  if (date) {
    const [y, mo] = date.split('-').map(Number)
    return mo <= 6 ? y - 1 : y
  }
  return null
}

/**
 * The clerk's correction "this is not a heading": each listed section's heading becomes a body
 * paragraph (its text as recognised, without the number) followed by its body, appended to the
 * section before it (or the opening text).
 */
export function demoteSections(rec: RecognisedReport, indexes: ReadonlySet<number>): RecognisedReport {
  if (indexes.size === 0) return rec
  const preamble = [...rec.preamble]
  const sections: ImportedSection[] = []
  rec.sections.forEach((s, i) => {
    if (!indexes.has(i)) {
      sections.push({ ...s, body: [...s.body] })
      return
    }
    const target = sections.length ? sections[sections.length - 1].body : preamble
    target.push({ type: 'paragraph', runs: [{ text: s.title }] }, ...s.body)
  })
  return { ...rec, preamble, sections }
}
