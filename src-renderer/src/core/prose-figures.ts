// Figures in prose: numbers typed as plain text ("开展日常巡查120余次") that should be chips,
// and chips whose neighbouring words contradict them ("约约20户次", "26起起"). The editor shows
// both as a list the clerk works through.
import { formatMetricValue, metricChipText, parseMetricInput, valuesById } from './metrics'
import type { BlockJSON, InlineJSON, ParagraphJSON, ReportDocJSON, SectionTitleJSON } from './report'
import type { MetricDefinition, MetricValue, Qualifier, ReportTemplate } from './template'

/** Units common in township reports, besides those of the template's own metrics. */
const COMMON_UNITS = [
  '人次', '户次', '件次', '场次', '个百分点', '万元', '亿元', '元', '平方米', '亩', '公里', '千米', '米', '吨',
  '次', '起', '件', '个', '条', '人', '名', '户', '场', '份', '册', '期', '家', '所', '处', '项', '篇', '批', '天', '小时', '%', '％'
]

export interface ProseFigure {
  /** As written, e.g. '120余次', '约20户次', '3300多份（册）'. */
  text: string
  start: number
  end: number
  value: number
  qualifier: Qualifier
  unit: string
  /**
   * Metrics the words around this figure name (label or alias), same unit; best first. A
   * metric is never offered on its unit alone.
   */
  candidates: string[]
  /** The single strong match, which the list may pre-select; null when there is none or several. */
  preselect: string | null
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function unitsFor(template: ReportTemplate | undefined): string[] {
  const units = new Set(COMMON_UNITS)
  for (const m of template?.metrics ?? []) {
    if (m.unit) {
      units.add(m.unit)
      // '份（册）' is also typed with half-width parentheses.
      units.add(m.unit.replace(/（/g, '(').replace(/）/g, ')'))
    }
  }
  return [...units].sort((a, b) => b.length - a.length)
}

function figurePattern(units: string[]): RegExp {
  // 约 before, 余/多 after; digits may be full-width; thousands separators allowed.
  return new RegExp(`(约)?([0-9０-９]+(?:[,，][0-9]{3})*(?:[.．][0-9０-９]+)?)(余|多)?(${units.map(escape).join('|')})`, 'g')
}

function toNumber(raw: string): number {
  return Number(raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30)).replace(/[,，]/g, '').replace('．', '.'))
}

const normUnit = (u: string) => u.replace(/[（(]/g, '(').replace(/[）)]/g, ')').replace('％', '%')
/** '份' or '册' typed in the text is the metric's '份（册）'. */
export function unitsCompatible(figureUnit: string, metricUnit: string): boolean {
  const f = normUnit(figureUnit)
  const m = normUnit(metricUnit)
  if (f === m) return true
  const alt = /^(.+)\((.+)\)$/.exec(m)
  return alt !== null && f !== '' && (f === alt[1] || f === alt[2])
}

// ---- Which metric do the words name? -----------------------------------------------------------

/** Where one clause ends: a figure's words are those of its own clause, not the sentence's. */
const CLAUSE_BREAK = /[，,。；;：:！!？?、\n（）()“”]/

/** The words of the figure's clause before and after it (at most 24 and 12 characters). */
export function clauseAround(text: string, start: number, end: number): { before: string; after: string } {
  let from = start
  while (from > 0 && start - from < 24 && !CLAUSE_BREAK.test(text[from - 1])) from--
  let to = end
  while (to < text.length && to - end < 12 && !CLAUSE_BREAK.test(text[to])) to++
  return { before: text.slice(from, start), after: text.slice(end, to) }
}

/** A label without its measure word: '日常巡查次数' → '日常巡查', '持证上岗率' → '持证上岗'. */
export function termCore(term: string): string {
  const core = term.trim().replace(/(次数|起数|个数|人数|件数|份数|条数|场数|场次|户次|人次|项数|数量|总数|率|数)$/, '')
  return core.length >= 2 ? core : term.trim()
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>()
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2))
  return out
}

/** Length of the longest common subsequence (characters in order, gaps allowed). */
function lcs(a: string, b: string): number {
  const row = new Array<number>(b.length + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    let diag = 0
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]
      row[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(row[j], row[j - 1])
      diag = up
    }
  }
  return row[b.length]
}

export interface TermMatch {
  score: number
  /** Written out in the clause, or nearly so ('法律顾问为村民提供服务' for 法律顾问入村服务). */
  strong: boolean
}

/**
 * How well a clause names a term. Written verbatim: strong. Otherwise the term's characters
 * must appear in order (≥ 75 %, with gaps) and enough of its two-character words (≥ 40 %):
 * '行政复议案件' does not name 行政诉讼案件, '排查矛盾纠纷' does not name 化解矛盾纠纷.
 */
export function matchTerm(clause: string, term: string, figureAt = clause.length): TermMatch | null {
  const core = termCore(term)
  if (core.length < 2) return null
  const at = clause.lastIndexOf(core, figureAt)
  const found = at >= 0 ? at : clause.indexOf(core)
  if (found >= 0) {
    // Nearer the figure wins ('取缔晾晒场后组织复耕6个' is about 复耕), then the longer term.
    const gap = found + core.length <= figureAt ? figureAt - (found + core.length) : found - figureAt
    return { score: 1 + 0.1 / (1 + gap) + core.length / 1000, strong: true }
  }
  const pairs = bigrams(core)
  let hit = 0
  for (const p of pairs) if (clause.includes(p)) hit++
  const pairRatio = pairs.size ? hit / pairs.size : 0
  const seqRatio = lcs(core, clause) / core.length
  if (seqRatio < 0.75 || pairRatio < 0.4 || hit < 2) return null
  return { score: (seqRatio + pairRatio) / 2, strong: seqRatio >= 0.85 && pairRatio >= 0.6 }
}

export interface MetricProposal {
  candidates: string[]
  preselect: string | null
}

/**
 * The metrics a figure's clause names (the figure sits at `figureAt` in it), best first; only metrics of the figure's unit, and
 * only when the label or an alias matches the words. A filled value equal to the figure
 * breaks ties. The best is pre-selectable only if it is the one strong match.
 */
export function proposeMetrics(
  clause: string,
  figureAt: number,
  figure: { unit: string; value: number },
  metrics: readonly MetricDefinition[],
  values: ReadonlyMap<string, MetricValue> = new Map()
): MetricProposal {
  const scored: Array<{ id: string; score: number; strong: boolean }> = []
  for (const m of metrics) {
    if (m.type === 'text' || m.formula !== undefined || !unitsCompatible(figure.unit, m.unit)) continue
    let best: TermMatch | null = null
    for (const term of [m.label, ...(m.aliases ?? [])]) {
      const t = matchTerm(clause, term, figureAt)
      if (t && (!best || t.score > best.score)) best = t
    }
    if (!best) continue
    const sameValue = filledNumber(values.get(m.id)) === figure.value
    scored.push({ id: m.id, score: best.score + (sameValue ? 0.001 : 0), strong: best.strong })
  }
  scored.sort((a, b) => b.score - a.score)
  const strong = scored.filter((s) => s.strong)
  return { candidates: scored.map((s) => s.id), preselect: strong.length === 1 ? strong[0].id : null }
}

/**
 * Every figure in a piece of plain text. Dates ('2024年', '3月15日'), ordinals ('第3季度'),
 * list numbers ('1.') and numbers inside names ('6.26国际禁毒日') are not figures.
 * `propose: false` only finds them (no metric proposals).
 */
export function findProseFigures(text: string, template?: ReportTemplate, values: readonly MetricValue[] = [], options: { propose?: boolean } = {}): ProseFigure[] {
  const out: ProseFigure[] = []
  const byId = valuesById(values)
  const metrics = template?.metrics ?? []
  for (const m of text.matchAll(figurePattern(unitsFor(template)))) {
    const [whole, approx, digits, after, unit] = m
    const start = m.index
    const prev = text[start - 1] ?? ''
    if (/[0-9０-９.．第]/.test(prev)) continue
    const value = toNumber(digits)
    if (!Number.isFinite(value)) continue
    const qualifier: Qualifier = approx ? '约' : ((after ?? '') as Qualifier)
    const end = start + whole.length
    if (options.propose === false) {
      out.push({ text: whole, start, end, value, qualifier, unit, candidates: [], preselect: null })
      continue
    }
    const around = clauseAround(text, start, end)
    const { candidates, preselect } = proposeMetrics(around.before + around.after, around.before.length, { unit, value }, metrics, byId)
    out.push({ text: whole, start, end, value, qualifier, unit, candidates, preselect })
  }
  return out
}

function filledNumber(v: MetricValue | undefined): number | null {
  if (!v || v.value === null || v.value === '') return null
  const n = typeof v.value === 'number' ? v.value : Number(v.value)
  return Number.isFinite(n) ? n : null
}

/** Where a figure sits in the document: block id, child (title 0, paragraphs 1…), inline node. */
export interface DocFigure extends ProseFigure {
  blockId: string
  childIndex: number
  nodeIndex: number
  /** A little text around it for the list. */
  context: string
}

function children(block: BlockJSON): Array<ParagraphJSON | SectionTitleJSON> {
  return block.content as Array<ParagraphJSON | SectionTitleJSON>
}

/** Every plain-text figure in the report body (headings included), in document order. */
export function findProseFiguresInDoc(doc: ReportDocJSON, template: ReportTemplate, values: readonly MetricValue[] = []): DocFigure[] {
  const out: DocFigure[] = []
  for (const block of doc.content) {
    children(block).forEach((child, childIndex) => {
      ;(child.content ?? []).forEach((node, nodeIndex) => {
        if (node.type !== 'text') return
        for (const f of findProseFigures(node.text, template, values)) {
          const context = node.text.slice(Math.max(0, f.start - 12), Math.min(node.text.length, f.end + 6))
          out.push({ ...f, blockId: block.attrs.id, childIndex, nodeIndex, context })
        }
      })
    })
  }
  return out
}

/**
 * Replaces one found figure by a chip for `metricId`. Returns the new document and the value
 * the figure implies (so the form can be filled with what was typed), or null when the text
 * has changed since the figure was found.
 */
export function convertFigureToChip(
  doc: ReportDocJSON,
  figure: DocFigure,
  metricId: string
): { doc: ReportDocJSON; value: MetricValue } | null {
  const copy = JSON.parse(JSON.stringify(doc)) as ReportDocJSON
  const block = copy.content.find((b) => b.attrs.id === figure.blockId)
  const child = block ? children(block)[figure.childIndex] : undefined
  const node = child?.content?.[figure.nodeIndex]
  if (!child || !node || node.type !== 'text' || node.text.slice(figure.start, figure.end) !== figure.text) return null
  const before = node.text.slice(0, figure.start)
  const after = node.text.slice(figure.end)
  const replacement: InlineJSON[] = [
    ...(before ? [{ ...node, text: before }] : []),
    { type: 'metric', attrs: { metricId } },
    ...(after ? [{ ...node, text: after }] : [])
  ]
  child.content!.splice(figure.nodeIndex, 1, ...replacement)
  return { doc: copy, value: { metricId, value: figure.value, qualifier: figure.qualifier } }
}

// ---- May this figure become that metric? --------------------------------------------------------

export type ConversionCheck =
  /** `fill`: the value to store first (null when the metric already holds this very figure). */
  | { ok: true; fill: MetricValue | null }
  | { ok: false; message: string }

/**
 * Whether turning `figure` into a chip of `def` keeps the text saying what it says. Refused
 * (with the reason, in Chinese) when the metric's rule would refuse the figure ('463%' for a
 * rate of at most 100%), when the metric already holds another figure (the sentence would
 * change), when the qualifier (余/多/约) is not allowed for it, or when the metric is computed.
 */
export function checkFigureConversion(
  def: MetricDefinition | undefined,
  current: MetricValue | undefined,
  figure: Pick<ProseFigure, 'text' | 'value' | 'qualifier' | 'unit'>
): ConversionCheck {
  if (!def) return { ok: false, message: '找不到所选的指标，请重新选择。' }
  const keep = `“${figure.text}”保持原样，没有转换。`
  if (def.formula !== undefined) return { ok: false, message: `“${def.label}”是自动计算的指标，不能由正文中的数字填写；${keep}` }
  if (def.type === 'text') return { ok: false, message: `“${def.label}”是文字指标，不能对应数字；${keep}` }
  if (!unitsCompatible(figure.unit, def.unit)) return { ok: false, message: `“${figure.text}”的单位是“${figure.unit}”，“${def.label}”的单位是“${def.unit || '无'}”；${keep}` }
  if (figure.qualifier && !def.qualifiers.includes(figure.qualifier)) {
    return { ok: false, message: `“${def.label}”不允许修饰词“${figure.qualifier}”，转换会丢掉正文中的“${figure.qualifier}”；${keep}` }
  }
  const parsed = parseMetricInput(def, String(figure.value))
  if (!parsed.ok) return { ok: false, message: `“${figure.text}”不符合“${def.label}”的填写规则（${parsed.message}）；${keep}` }
  const filled = current && current.value !== null && current.value !== ''
  if (filled) {
    if (filledNumber(current) === parsed.value && (current.qualifier ?? '') === figure.qualifier) return { ok: true, fill: null }
    const shown = formatMetricValue(def, current) ?? String(current.value)
    return { ok: false, message: `“${def.label}”已填写为“${shown}”，与正文中的“${figure.text}”不同，转换会改变这句话的意思；${keep}请先核对数字。` }
  }
  return { ok: true, fill: { metricId: def.id, value: parsed.value, qualifier: figure.qualifier } }
}

// ---- Chips contradicted by their surroundings ------------------------------------------------

export interface ChipContradiction {
  blockId: string
  childIndex: number
  nodeIndex: number
  metricId: string
  message: string
}

const APPROX_BEFORE = /(约|大约|近|将近|超过|逾|达到约)$/
const APPROX_AFTER = /^(余|多|左右|上下)/
const UP_WORDS = /(增长|增加|提高|上升|多了)$/
const DOWN_WORDS = /(下降|减少|降低|少了)$/

/**
 * Chips whose neighbouring text says something else: the unit written again after the chip
 * ("26起起"), a second qualifier ("约" before a chip that already says "约20户次", "余" after
 * "120余次"), or a plain number right next to a chip with a different figure.
 */
export function findChipContradictions(doc: ReportDocJSON, template: ReportTemplate, values: readonly MetricValue[]): ChipContradiction[] {
  const defs = new Map<string, MetricDefinition>(template.metrics.map((m) => [m.id, m]))
  const byId = valuesById(values)
  const out: ChipContradiction[] = []
  for (const block of doc.content) {
    children(block).forEach((child, childIndex) => {
      const nodes = child.content ?? []
      nodes.forEach((node, nodeIndex) => {
        if (node.type !== 'metric') return
        const def = defs.get(node.attrs.metricId)
        if (!def) return
        const shown = metricChipText(def, byId.get(def.id))
        if (shown.missing) return
        const prev = nodes[nodeIndex - 1]
        const next = nodes[nodeIndex + 1]
        const before = prev?.type === 'text' ? prev.text : ''
        const after = next?.type === 'text' ? next.text : ''
        const report = (message: string) => out.push({ blockId: block.attrs.id, childIndex, nodeIndex, metricId: def.id, message })
        const v = byId.get(def.id)
        if (def.unit && after.startsWith(def.unit)) report(`“${def.label}”已带单位“${def.unit}”，后面又写了一遍“${def.unit}”`)
        if (APPROX_BEFORE.test(before) && (v?.qualifier || def.type === 'percent')) {
          report(`“${def.label}”显示为“${shown.text}”，前面又写了“${APPROX_BEFORE.exec(before)![1]}”，修饰词重复`)
        } else if (APPROX_BEFORE.test(before) && !v?.qualifier && def.qualifiers.includes('约')) {
          report(`“${def.label}”前面写了“${APPROX_BEFORE.exec(before)![1]}”，但指标填的是确数；请在指标中选择修饰词，并删去正文中的这个字`)
        }
        if (APPROX_AFTER.test(after) && (v?.qualifier || !def.unit)) report(`“${def.label}”显示为“${shown.text}”，后面又写了“${APPROX_AFTER.exec(after)![1]}”`)
        const near = /^\s*[（(]?(\d+(?:\.\d+)?)\s*/.exec(after)
        if (near && formatMetricValue(def, v) !== null) report(`“${def.label}”后面紧跟着数字“${near[1]}”，与指标数值“${shown.text}”不一致，请删去正文中的数字`)
        if (/(同比|比上年|较上年)$/.test(before.replace(/\s+$/, '')) && !UP_WORDS.test(before) && !DOWN_WORDS.test(before)) {
          // '同比' followed by an absolute figure reads as a change: suggest the year-on-year chip.
          report(`“同比”后面是“${def.label}”的数值本身而不是变化量；如要写同比变化，请插入“同比”形式的指标`)
        }
      })
    })
  }
  return out
}

/**
 * Year-on-year chips contradicted by the word before them ("比去年减少" + a chip saying 增长).
 * `direction` gives each yoy chip's computed direction.
 */
export function yoyWordContradicts(before: string, direction: 'up' | 'down' | 'same'): boolean {
  const trimmed = before.replace(/\s+$/, '')
  if (direction === 'up') return DOWN_WORDS.test(trimmed)
  if (direction === 'down') return UP_WORDS.test(trimmed)
  return UP_WORDS.test(trimmed) || DOWN_WORDS.test(trimmed)
}
