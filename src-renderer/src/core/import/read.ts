// WordprocessingML → RawBlocks: paragraphs with their text, look, style heading level and
// automatic number; tables with merged cells; text boxes; tracked changes and comments.
import { chineseNumeral } from '../numbering'
import { ImportError } from './errors'
import type { Alignment, ParsedDocx, RawBlock, RawCell, RawComment, RawParagraph, RawTable, Segment } from './model'
import { child, elements, isOn, parseXml, path, textOf, val, type XElement } from './xml'
import { isSafePartName, readDocxPackage, type DocxPackage, type ZipLimits } from './zip'

// ---- Styles ----------------------------------------------------------------------------------

interface StyleInfo {
  name: string
  basedOn?: string
  outlineLvl?: number
  numId?: string
  ilvl?: number
  align?: Alignment
  bold?: boolean
}

type Styles = Map<string, StyleInfo>

const DEFAULT_KEY = '#default'

function readStyles(root: XElement | undefined): Styles {
  const map: Styles = new Map()
  for (const s of elements(root, 'w:style')) {
    const id = s.attrs['w:styleId']
    if (!id) continue
    if (s.attrs['w:type'] === 'paragraph' && /^(1|true|on)$/.test(s.attrs['w:default'] ?? '') && !map.has(DEFAULT_KEY)) {
      // Remembered under a reserved key: its basedOn points at the real default style.
      map.set(DEFAULT_KEY, { name: '', basedOn: id })
    }
    const pPr = child(s, 'w:pPr')
    const outline = val(path(pPr, 'w:outlineLvl'))
    const numPr = child(pPr, 'w:numPr')
    map.set(id, {
      name: (val(child(s, 'w:name')) ?? id).trim(),
      basedOn: val(child(s, 'w:basedOn')),
      outlineLvl: outline !== undefined ? Number(outline) : undefined,
      numId: val(child(numPr, 'w:numId')),
      ilvl: val(child(numPr, 'w:ilvl')) !== undefined ? Number(val(child(numPr, 'w:ilvl'))) : undefined,
      align: alignment(val(path(pPr, 'w:jc'))),
      bold: child(path(s, 'w:rPr'), 'w:b') ? isOn(path(s, 'w:rPr', 'w:b')) : undefined
    })
  }
  return map
}

/** Heading level named by a style: 'heading 2', 'Heading 2', '标题 2', 'Title' (→ 0). */
function levelFromStyleName(name: string): number | undefined {
  const m = /^(?:heading|标题)\s*([1-9])$/i.exec(name.trim())
  return m ? Number(m[1]) : undefined
}

/** Walks basedOn (bounded: a cycle in a hostile file must not hang). */
function styleChain(styles: Styles, id: string | undefined): StyleInfo[] {
  const chain: StyleInfo[] = []
  const seen = new Set<string>()
  while (id && !seen.has(id) && chain.length < 20) {
    seen.add(id)
    const s = styles.get(id)
    if (!s) break
    chain.push(s)
    id = s.basedOn
  }
  return chain
}

function alignment(v: string | undefined): Alignment | undefined {
  if (!v) return undefined
  if (v === 'center') return 'center'
  if (v === 'right' || v === 'end') return 'right'
  if (v === 'both' || v === 'distribute') return 'both'
  return 'left'
}

// ---- Numbering ------------------------------------------------------------------------------

interface LevelDef {
  fmt: string
  text: string
  start: number
}

interface Numbering {
  /** numId → level definitions and the abstract it shares counters with. */
  nums: Map<string, { abstractId: string; levels: Map<number, LevelDef>; starts: Map<number, number> }>
  counters: Map<string, number[]>
}

function readNumbering(root: XElement | undefined): Numbering {
  const abstracts = new Map<string, Map<number, LevelDef>>()
  for (const a of elements(root, 'w:abstractNum')) {
    const levels = new Map<number, LevelDef>()
    for (const l of elements(a, 'w:lvl')) {
      levels.set(Number(l.attrs['w:ilvl'] ?? 0), {
        fmt: val(child(l, 'w:numFmt')) ?? 'decimal',
        text: val(child(l, 'w:lvlText')) ?? '',
        start: Number(val(child(l, 'w:start')) ?? 1)
      })
    }
    abstracts.set(a.attrs['w:abstractNumId'] ?? '', levels)
  }
  const nums: Numbering['nums'] = new Map()
  for (const n of elements(root, 'w:num')) {
    const abstractId = val(child(n, 'w:abstractNumId')) ?? ''
    const starts = new Map<number, number>()
    const levels = new Map(abstracts.get(abstractId) ?? [])
    for (const o of elements(n, 'w:lvlOverride')) {
      const ilvl = Number(o.attrs['w:ilvl'] ?? 0)
      const so = val(child(o, 'w:startOverride'))
      if (so !== undefined) starts.set(ilvl, Number(so))
      const lvl = child(o, 'w:lvl')
      if (lvl) levels.set(ilvl, { fmt: val(child(lvl, 'w:numFmt')) ?? 'decimal', text: val(child(lvl, 'w:lvlText')) ?? '', start: Number(val(child(lvl, 'w:start')) ?? 1) })
    }
    nums.set(n.attrs['w:numId'] ?? '', { abstractId, levels, starts })
  }
  return { nums, counters: new Map() }
}

function formatCounter(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'chineseLegalSimplified':
      return n > 0 ? chineseNumeral(n) : '〇'
    case 'ideographDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)])
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n)
    case 'lowerLetter':
      return String.fromCharCode(0x61 + ((n - 1) % 26))
    case 'upperLetter':
      return String.fromCharCode(0x41 + ((n - 1) % 26))
    case 'bullet':
    case 'none':
      return ''
    default:
      return String(n)
  }
}

/** The visible number of the next paragraph with this numId/ilvl (advances the counters). */
function nextLabel(numbering: Numbering, numId: string, ilvl: number): string {
  const num = numbering.nums.get(numId)
  if (!num || numId === '0') return ''
  const lvl = num.levels.get(ilvl)
  if (!lvl || lvl.fmt === 'bullet' || lvl.fmt === 'none') return ''
  // Counters belong to the abstract numbering (two numIds over one abstract continue each
  // other) unless the num restarts them with a startOverride.
  const key = num.starts.size ? `num:${numId}` : `abs:${num.abstractId}`
  let counters = numbering.counters.get(key)
  if (!counters) {
    counters = []
    numbering.counters.set(key, counters)
  }
  const startOf = (l: number) => num.starts.get(l) ?? num.levels.get(l)?.start ?? 1
  counters[ilvl] = counters[ilvl] === undefined ? startOf(ilvl) : counters[ilvl] + 1
  counters.length = ilvl + 1
  return lvl.text.replace(/%([1-9])/g, (_, d: string) => {
    const l = Number(d) - 1
    const value = counters[l] ?? startOf(l)
    return formatCounter(value, num.levels.get(l)?.fmt ?? 'decimal')
  })
}

// ---- Body -----------------------------------------------------------------------------------

interface Ctx {
  styles: Styles
  numbering: Numbering
  insertions: number
  deletions: number
  authors: Set<string>
}

function collectRuns(el: XElement, ctx: Ctx, out: Segment[], boxes: RawParagraph[], change: Segment['change'] | undefined, styleBold: boolean): void {
  for (const c of el.children) {
    if (typeof c === 'string') continue
    switch (c.name) {
      case 'w:r':
        readRun(c, ctx, out, boxes, change, styleBold)
        break
      case 'w:ins':
      case 'w:moveTo':
        ctx.insertions++
        if (c.attrs['w:author']) ctx.authors.add(c.attrs['w:author'])
        collectRuns(c, ctx, out, boxes, 'ins', styleBold)
        break
      case 'w:del':
      case 'w:moveFrom':
        ctx.deletions++
        if (c.attrs['w:author']) ctx.authors.add(c.attrs['w:author'])
        collectRuns(c, ctx, out, boxes, 'del', styleBold)
        break
      case 'w:hyperlink':
      case 'w:smartTag':
      case 'w:customXml':
      case 'w:fldSimple':
      case 'w:sdtContent':
      case 'w:dir':
      case 'w:bdo':
        collectRuns(c, ctx, out, boxes, change, styleBold)
        break
      case 'w:sdt':
        collectRuns(child(c, 'w:sdtContent') ?? c, ctx, out, boxes, change, styleBold)
        break
      case 'mc:AlternateContent':
        collectRuns(alternateBranch(c), ctx, out, boxes, change, styleBold)
        break
      default:
        // pPr, bookmarks, proofErr, comment anchors, permStart…: no text.
        break
    }
  }
}

/** Reads one branch of mc:AlternateContent: the Choice when present (its Fallback repeats it as VML). */
function alternateBranch(el: XElement): XElement {
  return child(el, 'mc:Choice') ?? child(el, 'mc:Fallback') ?? { name: '#empty', attrs: {}, children: [] }
}

function readRun(r: XElement, ctx: Ctx, out: Segment[], boxes: RawParagraph[], change: Segment['change'] | undefined, styleBold: boolean): void {
  const rPr = child(r, 'w:rPr')
  const bEl = child(rPr, 'w:b') ?? child(rPr, 'w:bCs')
  const bold = bEl ? isOn(bEl) : styleBold
  const push = (text: string) => {
    if (text === '') return
    const last = out[out.length - 1]
    if (last && Boolean(last.bold) === bold && last.change === change) last.text += text
    else out.push({ text, ...(bold ? { bold: true } : {}), ...(change ? { change } : {}) })
  }
  let inField = false
  for (const c of r.children) {
    if (typeof c === 'string') continue
    switch (c.name) {
      case 'w:t':
      case 'w:delText':
        if (!inField) push(textOf(c))
        break
      case 'w:tab':
      case 'w:ptab':
        push('\t')
        break
      case 'w:br': {
        const type = c.attrs['w:type']
        if (!type || type === 'textWrapping') push('\n')
        break
      }
      case 'w:cr':
        push('\n')
        break
      case 'w:noBreakHyphen':
        push('-')
        break
      case 'w:sym':
        break
      case 'w:drawing':
      case 'w:pict':
      case 'w:object':
        collectTextBoxes(c, ctx, boxes)
        break
      case 'mc:AlternateContent':
        collectTextBoxes(alternateBranch(c), ctx, boxes)
        break
      default:
        break
    }
  }
}

/** Text-box paragraphs (wps:txbx or VML v:textbox, both holding w:txbxContent). */
function collectTextBoxes(el: XElement, ctx: Ctx, boxes: RawParagraph[]): void {
  for (const c of el.children) {
    if (typeof c === 'string') continue
    if (c.name === 'w:txbxContent') {
      for (const b of readBlocks(c, ctx)) {
        if (b.kind === 'p') boxes.push({ ...b, textBox: true })
        else for (const row of b.rows) for (const cell of row) for (const p of cell.paragraphs) boxes.push({ ...p, textBox: true })
      }
    } else if (c.name === 'mc:AlternateContent') {
      collectTextBoxes(alternateBranch(c), ctx, boxes)
    } else {
      collectTextBoxes(c, ctx, boxes)
    }
  }
}

function readParagraph(p: XElement, ctx: Ctx): { paragraph: RawParagraph; boxes: RawParagraph[] } {
  const pPr = child(p, 'w:pPr')
  const styleId = val(child(pPr, 'w:pStyle')) ?? defaultParagraphStyle(ctx.styles)
  const chain = styleChain(ctx.styles, styleId)
  const styleName = chain[0]?.name ?? ''
  let outlineLevel = 0
  for (const s of chain) {
    const byName = levelFromStyleName(s.name)
    if (byName !== undefined) {
      outlineLevel = byName
      break
    }
    if (s.outlineLvl !== undefined && s.outlineLvl < 9) {
      outlineLevel = s.outlineLvl + 1
      break
    }
  }
  const ownOutline = val(child(pPr, 'w:outlineLvl'))
  if (ownOutline !== undefined) outlineLevel = Number(ownOutline) < 9 ? Number(ownOutline) + 1 : 0
  const align = alignment(val(child(pPr, 'w:jc'))) ?? chain.find((s) => s.align)?.align ?? 'left'
  const styleBold = chain.find((s) => s.bold !== undefined)?.bold ?? false

  // Automatic numbering: the paragraph's own numPr, else its style's.
  const numPr = child(pPr, 'w:numPr')
  let numId = val(child(numPr, 'w:numId'))
  let ilvl = val(child(numPr, 'w:ilvl')) !== undefined ? Number(val(child(numPr, 'w:ilvl'))) : undefined
  if (numId === undefined) {
    const s = chain.find((st) => st.numId !== undefined)
    if (s) {
      numId = s.numId
      ilvl ??= s.ilvl
    }
  }
  const segments: Segment[] = []
  const boxes: RawParagraph[] = []
  collectRuns(p, ctx, segments, boxes, undefined, styleBold)
  // A deleted paragraph mark is still a paragraph: its text stays with the change flags.
  const numLabel = numId !== undefined ? nextLabel(ctx.numbering, numId, ilvl ?? 0) : ''
  return { paragraph: { kind: 'p', segments, styleName, outlineLevel, align, numLabel }, boxes }
}

/** The style a paragraph without w:pStyle has (w:default="1", usually Normal / 正文). */
function defaultParagraphStyle(styles: Styles): string | undefined {
  return styles.get(DEFAULT_KEY)?.basedOn
}


function readTable(tbl: XElement, ctx: Ctx): RawTable {
  const rows: RawCell[][] = []
  for (const tr of elements(tbl, 'w:tr')) {
    const cells: RawCell[] = []
    for (const tc of tableCells(tr)) {
      const tcPr = child(tc, 'w:tcPr')
      const span = Math.max(1, Math.min(64, Number(val(child(tcPr, 'w:gridSpan')) ?? 1) || 1))
      const vm = child(tcPr, 'w:vMerge')
      const vMerge = vm ? (vm.attrs['w:val'] === 'restart' ? 'restart' : 'continue') : undefined
      const paragraphs = readBlocks(tc, ctx).flatMap((b) => (b.kind === 'p' ? [b] : flattenTable(b)))
      cells.push({ paragraphs, span, ...(vMerge ? { vMerge } : {}) })
    }
    rows.push(cells)
  }
  return { kind: 'table', rows, borderless: isBorderless(tbl) }
}

/** Cells of a row, looking through w:sdt / w:customXml wrappers. */
function tableCells(tr: XElement): XElement[] {
  const out: XElement[] = []
  for (const c of elements(tr)) {
    if (c.name === 'w:tc') out.push(c)
    else if (c.name === 'w:sdt') out.push(...tableCells(child(c, 'w:sdtContent') ?? c))
    else if (c.name === 'w:customXml') out.push(...tableCells(c))
  }
  return out
}

function flattenTable(t: RawTable): RawParagraph[] {
  return t.rows.flatMap((r) => r.flatMap((c) => c.paragraphs))
}

function isBorderless(tbl: XElement): boolean {
  const tblPr = child(tbl, 'w:tblPr')
  const borders = child(tblPr, 'w:tblBorders')
  const style = val(child(tblPr, 'w:tblStyle')) ?? ''
  if (borders) return elements(borders).every((b) => /^(none|nil)$/.test(b.attrs['w:val'] ?? 'none'))
  // Without explicit borders, a table is only visible through its style (Table Grid / 网格型).
  if (style) return /^(TableNormal|a1|NormalTable)$/i.test(style) ? cellsBorderless(tbl) : false
  return cellsBorderless(tbl)
}

function cellsBorderless(tbl: XElement): boolean {
  for (const tr of elements(tbl, 'w:tr')) {
    for (const tc of elements(tr, 'w:tc')) {
      const b = path(tc, 'w:tcPr', 'w:tcBorders')
      if (b && elements(b).some((e) => !/^(none|nil)$/.test(e.attrs['w:val'] ?? 'none'))) return false
    }
  }
  return true
}

function readBlocks(container: XElement, ctx: Ctx): RawBlock[] {
  const out: RawBlock[] = []
  for (const c of elements(container)) {
    if (c.name === 'w:p') {
      const { paragraph, boxes } = readParagraph(c, ctx)
      // A floating text box shows where it is anchored; its text comes before the anchor's.
      out.push(...boxes, paragraph)
    } else if (c.name === 'w:tbl') {
      out.push(readTable(c, ctx))
    } else if (c.name === 'w:sdt') {
      out.push(...readBlocks(child(c, 'w:sdtContent') ?? c, ctx))
    } else if (c.name === 'w:customXml' || c.name === 'w:ins' || c.name === 'w:del') {
      out.push(...readBlocks(c, ctx))
    } else if (c.name === 'mc:AlternateContent') {
      out.push(...readBlocks(alternateBranch(c), ctx))
    }
  }
  return out
}

function readComments(root: XElement | undefined): RawComment[] {
  return elements(root, 'w:comment').map((c) => ({
    author: c.attrs['w:author'] ?? '',
    text: elements(c, 'w:p')
      .map((p) => textOf(p))
      .join('\n')
      .trim()
  }))
}

/** Relationship targets that leave the package (TargetMode External, absolute, or ../ above the root). */
function externalTargets(rels: XElement | undefined): string[] {
  const out: string[] = []
  for (const r of elements(rels, 'Relationship')) {
    const target = r.attrs['Target'] ?? ''
    if (r.attrs['TargetMode'] === 'External') {
      out.push(target)
      continue
    }
    // Targets are relative to word/: one '..' reaches the root, two leave the package.
    const resolved = target.startsWith('/') ? target.slice(1) : `word/${target}`
    const segs: string[] = []
    let escapes = false
    for (const s of resolved.split('/')) {
      if (s === '..') {
        if (segs.length === 0) escapes = true
        else segs.pop()
      } else if (s !== '.' && s !== '') segs.push(s)
    }
    if (escapes || !isSafePartName(segs.join('/')) || /^[a-z][a-z0-9+.-]*:/i.test(target)) out.push(target)
  }
  return out
}

/** Reads the bytes of a .docx into raw blocks. Throws ImportError with a Chinese message. */
export function parseDocx(bytes: Uint8Array, limits?: ZipLimits, onProgress?: (fraction: number) => void): ParsedDocx {
  return parseDocxPackage(readDocxPackage(bytes, limits, onProgress))
}

export function parseDocxPackage(pkg: DocxPackage): ParsedDocx {
  const types = pkg.parts.get('[Content_Types].xml') ?? ''
  // A .docm renamed .docx declares a macro-enabled main part even when vbaProject.bin is absent.
  if (/macroEnabled/i.test(types)) throw new ImportError('macro')
  const part = (name: string) => {
    const text = pkg.parts.get(name)
    return text === undefined ? undefined : parseXml(text)
  }
  if (types) parseXml(types) // a DOCTYPE hidden in the content types is refused too
  const docRoot = part('word/document.xml')!
  const body = child(docRoot, 'w:body')
  if (!body) throw new ImportError('bad-xml', '缺少正文')
  const ctx: Ctx = {
    styles: readStyles(part('word/styles.xml')),
    numbering: readNumbering(part('word/numbering.xml')),
    insertions: 0,
    deletions: 0,
    authors: new Set()
  }
  const blocks = readBlocks(body, ctx)
  return {
    blocks,
    comments: readComments(part('word/comments.xml')),
    changeCount: { insertions: ctx.insertions, deletions: ctx.deletions },
    changeAuthors: [...ctx.authors],
    externalTargets: externalTargets(part('word/_rels/document.xml.rels'))
  }
}
