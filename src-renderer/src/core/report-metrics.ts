// Report-own metrics: figures the clerk makes metrics of in THIS report ("全年领导班子会议学法8次"
// → 领导班子会议学法次数 = 8次), stored on the report row beside the template's. Every reader of a
// report's metrics (editor, panel, exports) sees the template's metrics followed by these.
import type { Report } from './report'
import type { MetricDefinition, MetricTableDefinition, MetricType, MetricValue, Qualifier, ReportTemplate } from './template'

/** Ids of report-own metrics start with this, so they can never collide with a template's. */
export const OWN_METRIC_PREFIX = 'own.'

export const isOwnMetricId = (id: string): boolean => id.startsWith(OWN_METRIC_PREFIX)

/** The template as this report sees it: its metrics plus the report's own (idempotent). */
export function withReportMetrics(template: ReportTemplate, report: Pick<Report, 'ownMetrics'> | null | undefined): ReportTemplate {
  const own = report?.ownMetrics ?? []
  if (own.length === 0) return template
  const ids = new Set(template.metrics.map((m) => m.id))
  const extra = own.filter((m) => !ids.has(m.id))
  return extra.length ? { ...template, metrics: [...template.metrics, ...extra] } : template
}

// ---- A label from the words around a figure ------------------------------------------------------

const LEADING = ['本年度', '全年度', '全年', '年内', '今年', '本年', '全镇', '全乡', '全街道', '我镇', '我乡', '共计', '累计', '总计', '共', '先后', '已经', '已', '均', '还', '并', '又', '同时']
const TRAILING = ['共计', '累计', '总计', '达到', '超过', '将近', '共', '达', '约', '近', '逾', '为', '有', '了']

/** The measure a count of this unit is called in a label: 次 → 次数, 场 → 场次, 万元 → 金额（万元）. */
function measureWord(unit: string): string {
  const u = unit.replace(/[（(].*$/, '')
  const table: Record<string, string> = {
    次: '次数', 起: '起数', 个: '个数', 人: '人数', 名: '人数', 件: '件数', 份: '份数', 条: '条数', 场: '场次',
    户: '户数', 项: '项数', 家: '家数', 所: '所数', 处: '处数', 篇: '篇数', 期: '期数', 批: '批次', 天: '天数',
    小时: '小时数', 人次: '人次', 户次: '户次', 件次: '件次', 场次: '场次', 万元: '金额', 亿元: '金额', 元: '金额',
    亩: '面积', 平方米: '面积', 公里: '里程', 千米: '里程', 米: '长度', 吨: '数量', 个百分点: '变化'
  }
  return table[u] ?? '数'
}

function stripEnds(words: string): string {
  let s = words.replace(/^[\s\u3000“”"'‘’《》]+|[\s\u3000“”"'‘’《》]+$/g, '')
  for (let changed = true; changed; ) {
    changed = false
    for (const w of LEADING) {
      if (s.startsWith(w) && s.length > w.length + 1) {
        s = s.slice(w.length)
        changed = true
      }
    }
    for (const w of TRAILING) {
      if (s.endsWith(w) && s.length > w.length + 1) {
        s = s.slice(0, -w.length)
        changed = true
      }
    }
  }
  return s
}

/**
 * A label proposed from the figure's clause: '全年领导班子会议学法' + 8次 → '领导班子会议学法次数';
 * '3起' + '行政诉讼案件' → '行政诉讼案件数'; '%' keeps a word ending in 率 ('满意率'). At most
 * 20 characters, taken nearest the figure. The clerk edits it before it is saved.
 */
export function proposeMetricLabel(before: string, after: string, unit: string): string {
  let core = stripEnds(before)
  if (core.length < 2) core = stripEnds(after.replace(/^(的|之)/, ''))
  core = core.length > 16 ? core.slice(-16) : core
  if (core === '') core = '新指标'
  if (unit === '%' || unit === '％') return /(率|比例|比重|占比)$/.test(core) ? core : `${core}比例`
  const measure = measureWord(unit)
  if (core.endsWith(measure)) return core
  // '案件' + 件 reads '案件数', not '案件件数'.
  if (measure.length === 2 && measure.endsWith('数') && core.endsWith(measure[0])) return `${core}数`
  return `${core}${measure}`
}

/** A new report-own metric for a figure: type from the figure, unit as written, range for counts. */
export function ownMetricForFigure(
  id: string,
  label: string,
  figure: { unit: string; value: number; qualifier: Qualifier },
  sectionKey = ''
): MetricDefinition {
  const unit = figure.unit === '％' ? '%' : figure.unit
  const decimals = String(figure.value).split('.')[1]?.length ?? 0
  const type: MetricType = unit === '%' ? 'percent' : decimals > 0 ? 'decimal' : 'integer'
  const base: MetricDefinition = {
    id,
    label: label.trim(),
    unit,
    type,
    qualifiers: type === 'percent' ? [] : ['余', '多', '约'],
    sectionKey
  }
  if (type === 'percent') return { ...base, decimals: Math.max(1, decimals), ...(figure.qualifier ? { qualifiers: [figure.qualifier] } : {}) }
  if (type === 'decimal') return { ...base, min: 0, decimals }
  return { ...base, min: 0 }
}

/** Problems with a report-own metric as the clerk edits it (Chinese), [] when fine. */
export function checkOwnMetric(def: MetricDefinition, others: readonly MetricDefinition[]): string[] {
  const problems: string[] = []
  const label = def.label.trim()
  if (label === '') problems.push('请填写指标名称，例如“领导班子会议学法次数”。')
  else if (label.length > 40) problems.push('指标名称太长，请控制在40个字以内。')
  else if (others.some((m) => m.id !== def.id && m.label.trim() === label)) problems.push(`已有名为“${label}”的指标，请换一个名称。`)
  if (def.unit.length > 10) problems.push('单位太长，请控制在10个字以内，例如“次”“人次”“万元”。')
  if (!['integer', 'decimal', 'percent'].includes(def.type)) problems.push('请选择指标类型：整数、小数或百分比。')
  return problems
}

// ---- Last year's values ---------------------------------------------------------------------------

const labelKey = (label: string) => label.replace(/[\s\u3000]+/g, '')

/**
 * Last year's values as this report's metric ids see them: template metrics and own metrics
 * carried over by 以去年报告为底稿 match by id; an own metric created anew this year takes the
 * value of last year's metric (own or template) with the same label.
 */
export function previousValuesForReport(
  template: ReportTemplate,
  report: Pick<Report, 'ownMetrics'>,
  previous: { template: ReportTemplate | undefined; report: Pick<Report, 'ownMetrics'> },
  previousValues: readonly MetricValue[]
): MetricValue[] {
  const byId = new Map(previousValues.map((v) => [v.metricId, v]))
  const lastMetrics = previous.template ? withReportMetrics(previous.template, previous.report).metrics : (previous.report.ownMetrics ?? [])
  const lastByLabel = new Map(lastMetrics.map((m) => [labelKey(m.label), m.id]))
  const out = [...previousValues]
  for (const m of withReportMetrics(template, report).metrics) {
    if (!isOwnMetricId(m.id) || byId.has(m.id)) continue
    const lastId = lastByLabel.get(labelKey(m.label))
    const v = lastId !== undefined ? byId.get(lastId) : undefined
    if (v) out.push({ ...v, metricId: m.id })
  }
  return out
}

// ---- The metric panel's groups --------------------------------------------------------------------

export interface PanelSection {
  id: string
  templateKey: string | null
  /** As the outline shows it now, e.g. '（二）严格规范执法'. */
  title: string
}

export interface PanelGroup {
  key: string
  title: string
  metrics: MetricDefinition[]
  tables: MetricTableDefinition[]
}

/**
 * Metrics grouped under the report's CURRENT sections: a template metric under the section
 * made from its template section (by templateKey), else under the first section citing it;
 * a report-own metric under the first section citing it. Titles are the sections' titles now,
 * so renamed sections show their new name and deleted ones disappear. What has no section
 * goes under 其他指标 (template) or 本报告指标（未引用） (own).
 */
export function groupMetricsForPanel(
  template: ReportTemplate,
  sections: readonly PanelSection[],
  firstCitation: ReadonlyMap<string, string>,
  hidden: ReadonlySet<string> = new Set()
): PanelGroup[] {
  const groups = new Map<string, PanelGroup>(sections.map((s) => [s.id, { key: s.id, title: s.title, metrics: [], tables: [] }]))
  const byKey = new Map<string, string>()
  for (const s of sections) if (s.templateKey !== null && !byKey.has(s.templateKey)) byKey.set(s.templateKey, s.id)
  const other: PanelGroup = { key: '__other', title: '其他指标', metrics: [], tables: [] }
  const uncited: PanelGroup = { key: '__own', title: '本报告指标（未引用）', metrics: [], tables: [] }
  for (const m of template.metrics) {
    if (hidden.has(m.id)) continue
    const cited = firstCitation.get(m.id)
    const home = isOwnMetricId(m.id) ? cited : (byKey.get(m.sectionKey) ?? cited)
    const group = home !== undefined ? groups.get(home) : undefined
    ;(group ?? (isOwnMetricId(m.id) ? uncited : other)).metrics.push(m)
  }
  for (const t of template.tables ?? []) {
    const home = byKey.get(t.sectionKey)
    ;((home !== undefined ? groups.get(home) : undefined) ?? other).tables.push(t)
  }
  return [...groups.values(), other, uncited].filter((g) => g.metrics.length > 0 || g.tables.length > 0)
}
