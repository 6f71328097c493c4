// Metric input, formatting and lookup: the bridge between the form where a clerk types a
// figure and the chips that show it in the text.
import type { BlockJSON, InlineJSON, ReportDocJSON } from './report'
import type { MetricDefinition, MetricValue, Qualifier, ReportTemplate } from './template'
import { computeAll, type FormulaResult } from './formula'

export type ParseResult = { ok: true; value: number | string | null } | { ok: false; message: string }

const FULL_WIDTH_DIGIT = /[０-９]/g

/** Full-width digits and signs (typed with a Chinese IME) → ASCII; thousands separators dropped. */
function toAsciiNumber(raw: string): string {
  return raw
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[．。]/g, '.')
    .replace(/[－—]/g, '-')
    .replace(/＋/g, '+')
    .replace(/％/g, '%')
    .replace(/(\d)[,，](?=\d{3}(?:\D|$))/g, '$1')
    .replace(/\s+/g, '')
}

function rangeOf(def: MetricDefinition): { min: number; max: number } {
  // Counts and rates are never negative unless the definition says so.
  const min = def.min ?? 0
  const max = def.max ?? (def.type === 'percent' ? 100 : Number.MAX_SAFE_INTEGER)
  return { min, max }
}

function decimalsOf(def: MetricDefinition): number {
  if (def.type === 'integer') return 0
  return def.decimals ?? (def.type === 'percent' ? 1 : 2)
}

/**
 * Reads what the clerk typed. '' clears the value (null). Messages say what is wrong and
 * what to type instead.
 */
export function parseMetricInput(def: MetricDefinition, raw: string): ParseResult {
  const trimmed = raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')
  if (trimmed === '') return { ok: true, value: null }
  if (def.type === 'text') return { ok: true, value: trimmed }

  if (/[余多约]/.test(trimmed)) {
    return { ok: false, message: '这里只填数字；“余”“多”“约”请在旁边的修饰词中选择' }
  }
  let s = toAsciiNumber(trimmed)
  // The clerk may type the unit out of habit ("120次", "100%"): accept it.
  if (def.unit && s.endsWith(toAsciiNumber(def.unit))) s = s.slice(0, s.length - toAsciiNumber(def.unit).length)
  if (def.type === 'percent' && s.endsWith('%')) s = s.slice(0, -1)

  const example = def.type === 'integer' ? '120' : def.type === 'percent' ? '100' : '12.5'
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) {
    if (def.type === 'integer') return { ok: false, message: `请输入整数，例如 ${example}` }
    if (def.type === 'percent') return { ok: false, message: `请输入百分比数值，例如 ${example}（不用输入 % 号）` }
    return { ok: false, message: `请输入数字，例如 ${example}` }
  }
  const value = Number(s)
  if (!Number.isFinite(value)) return { ok: false, message: '数值无法识别，请检查后重新输入' }
  const fraction = s.includes('.') ? s.split('.')[1].replace(/0+$/, '') : ''
  if (def.type === 'integer' && fraction.length > 0) return { ok: false, message: `请输入整数，例如 ${example}` }
  const places = decimalsOf(def)
  if (fraction.length > places) {
    return {
      ok: false,
      message: places === 0 ? `请输入整数，例如 ${example}` : `最多保留 ${places} 位小数，请删去多余的小数位`
    }
  }
  const { min, max } = rangeOf(def)
  if (def.type === 'percent' && (value < min || value > max)) {
    return { ok: false, message: `百分比应在 ${min} 到 ${max} 之间` }
  }
  if (value < min) return { ok: false, message: `数值不能小于 ${min}` }
  if (value > max) {
    return {
      ok: false,
      message: max === Number.MAX_SAFE_INTEGER ? '数值过大，请检查是否多输了数字' : `数值不能大于 ${max}`
    }
  }
  return { ok: true, value: value === 0 ? 0 : value }
}

/** Rounds to the definition's places and drops trailing zeros: reports write 12.5 and 100, not 12.50 or 100.0. */
function formatNumber(def: MetricDefinition, n: number): string {
  const fixed = n.toFixed(decimalsOf(def))
  const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed
  return trimmed === '-0' ? '0' : trimmed
}

/**
 * The figure as it is written in the text: '120余次', '3300多份（册）', '约20户次', '100%'.
 * null when there is no value. A qualifier the definition does not allow is ignored.
 */
export function formatMetricValue(def: MetricDefinition, v: MetricValue | undefined | null): string | null {
  if (!v || v.value === null || v.value === undefined) return null
  if (def.type === 'text') {
    const text = String(v.value).trim()
    return text === '' ? null : text
  }
  const n = typeof v.value === 'number' ? v.value : Number(String(v.value).trim())
  if (typeof v.value === 'string' && v.value.trim() === '') return null
  if (!Number.isFinite(n)) return null
  const q: Qualifier = v.qualifier && def.qualifiers.includes(v.qualifier) ? v.qualifier : ''
  const number = formatNumber(def, n)
  if (q === '约') return `约${number}${def.unit}`
  return `${number}${q}${def.unit}`
}

/** What a chip shows: the figure, or a visible placeholder so a gap cannot go unnoticed. */
export function metricChipText(
  def: MetricDefinition | undefined,
  v: MetricValue | undefined
): { text: string; missing: boolean } {
  if (!def) return { text: '【未知指标】', missing: true }
  const text = formatMetricValue(def, v)
  if (text === null) return { text: `【未填：${def.label}】`, missing: true }
  return { text, missing: false }
}

function collectInline(content: InlineJSON[] | undefined, out: string[], seen: Set<string>): void {
  for (const node of content ?? []) {
    if (node.type === 'metric' && !seen.has(node.attrs.metricId)) {
      seen.add(node.attrs.metricId)
      out.push(node.attrs.metricId)
    }
  }
}

/** Metric ids cited by chips in one block, in order of appearance, without repeats. */
export function citedMetricIdsInBlock(block: BlockJSON, out: string[] = [], seen = new Set<string>(out)): string[] {
  for (const child of block.content) collectInline(child.content, out, seen)
  return out
}

/** Metric ids cited anywhere in the report, in order of appearance, without repeats. */
export function citedMetricIds(doc: ReportDocJSON): string[] {
  const out: string[] = []
  const seen = new Set<string>()
  for (const block of doc.content) citedMetricIdsInBlock(block, out, seen)
  return out
}

export function valuesById(values: readonly MetricValue[]): Map<string, MetricValue> {
  return new Map(values.map((v) => [v.metricId, v]))
}

/** Metrics cited in the text whose value is still empty: the pre-export check lists these. */
export function findMissingCitedMetrics(
  doc: ReportDocJSON,
  template: ReportTemplate,
  values: readonly MetricValue[]
): MetricDefinition[] {
  const byId = valuesById(values)
  const defs = new Map(template.metrics.map((m) => [m.id, m]))
  return citedMetricIds(doc)
    .map((id) => defs.get(id))
    .filter((def): def is MetricDefinition => def !== undefined && formatMetricValue(def, byId.get(def.id)) === null)
}

export interface MetricGroup {
  /** The template section key, or null for metrics whose section is not in the template. */
  sectionKey: string | null
  /** Section title with {year}/{nextYear} filled when a year is given. */
  title: string
  level: number
  metrics: MetricDefinition[]
}

/** Metrics grouped under their template section, in outline order; sections without metrics are left out. */
export function groupMetricsBySection(template: ReportTemplate, year?: number): MetricGroup[] {
  const fill = (title: string) =>
    year === undefined ? title : title.replace(/\{year\}/g, String(year)).replace(/\{nextYear\}/g, String(year + 1))
  const groups: MetricGroup[] = template.sections.map((s) => ({
    sectionKey: s.key,
    title: fill(s.title),
    level: s.level,
    metrics: template.metrics.filter((m) => m.sectionKey === s.key)
  }))
  const keys = new Set(template.sections.map((s) => s.key))
  const orphans = template.metrics.filter((m) => !keys.has(m.sectionKey))
  if (orphans.length) groups.push({ sectionKey: null, title: '其他指标', level: 1, metrics: orphans })
  return groups.filter((g) => g.metrics.length > 0)
}

// ---- Computed metrics ---------------------------------------------------------------------

/** Typed numeric inputs by id: null for empty, text metrics left out. */
function numericInputs(template: ReportTemplate, values: readonly MetricValue[]): Map<string, number | null> {
  const byId = valuesById(values)
  const out = new Map<string, number | null>()
  for (const m of template.metrics) {
    if (m.type === 'text' || m.formula !== undefined) continue
    const v = byId.get(m.id)?.value
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : null
    out.set(m.id, n !== null && Number.isFinite(n) ? n : null)
  }
  return out
}

/** The result of every computed metric (those with a formula). */
export function computeMetricResults(template: ReportTemplate, values: readonly MetricValue[]): Map<string, FormulaResult> {
  return computeAll(template.metrics, numericInputs(template, values))
}

/**
 * The values as shown and exported: typed values as they are, computed metrics replaced by
 * their result (null while it cannot be computed). Whatever was stored for a computed metric
 * is ignored, so a sum can never be typed over.
 */
export function effectiveValues(template: ReportTemplate, values: readonly MetricValue[]): MetricValue[] {
  const results = computeMetricResults(template, values)
  if (results.size === 0) return [...values]
  const out = values.filter((v) => !results.has(v.metricId))
  for (const [metricId, r] of results) out.push({ metricId, value: r.state === 'ok' ? r.value : null, qualifier: '' })
  return out
}

/** What a metric chip shows: its text, whether the figure is still empty, and the metric label. */
export interface ChipDisplay {
  text: string
  empty: boolean
  label: string
}
