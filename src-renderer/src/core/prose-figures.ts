// Figures in prose: numbers typed as plain text ("开展日常巡查120余次") that should be chips,
// and chips whose neighbouring words contradict them ("约约20户次", "26起起"). The editor shows
// both as a list the clerk works through.
import { formatMetricValue, metricChipText, valuesById } from './metrics'
import type { BlockJSON, InlineJSON, ParagraphJSON, ReportDocJSON, SectionTitleJSON } from './report'
import type { MetricDefinition, MetricValue, Qualifier, ReportTemplate } from './template'

/** Units common in township reports, besides those of the template's own metrics. */
const COMMON_UNITS = [
  '人次', '户次', '件次', '场次', '个百分点', '万元', '亿元', '元', '平方米', '亩', '公里', '千米', '米', '吨',
  '次', '起', '件', '个', '条', '人', '名', '户', '场', '份', '期', '家', '所', '处', '项', '篇', '批', '天', '小时', '%', '％'
]

export interface ProseFigure {
  /** As written, e.g. '120余次', '约20户次', '3300多份（册）'. */
  text: string
  start: number
  end: number
  value: number
  qualifier: Qualifier
  unit: string
  /** Metrics this figure may be: same value (when filled), else same unit; best first. */
  candidates: string[]
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

const sameUnit = (a: string, b: string) => a.replace(/[（(]/g, '(').replace(/[）)]/g, ')').replace('％', '%') === b.replace(/[（(]/g, '(').replace(/[）)]/g, ')').replace('％', '%')

/**
 * Every figure in a piece of plain text. Dates ('2024年', '3月15日'), ordinals ('第3季度'),
 * list numbers ('1.') and numbers inside names ('6.26国际禁毒日') are not figures.
 */
export function findProseFigures(text: string, template?: ReportTemplate, values: readonly MetricValue[] = []): ProseFigure[] {
  const out: ProseFigure[] = []
  const byId = valuesById(values)
  const metrics = template?.metrics.filter((m) => m.type !== 'text') ?? []
  for (const m of text.matchAll(figurePattern(unitsFor(template)))) {
    const [whole, approx, digits, after, unit] = m
    const start = m.index
    const prev = text[start - 1] ?? ''
    if (/[0-9０-９.．第]/.test(prev)) continue
    const value = toNumber(digits)
    if (!Number.isFinite(value)) continue
    const qualifier: Qualifier = approx ? '约' : ((after ?? '') as Qualifier)
    const withValue = metrics.filter((d) => sameUnit(d.unit, unit) && filledNumber(byId.get(d.id)) === value)
    const withUnit = metrics.filter((d) => sameUnit(d.unit, unit) && !withValue.includes(d))
    out.push({ text: whole, start, end: start + whole.length, value, qualifier, unit, candidates: [...withValue, ...withUnit].map((d) => d.id) })
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
