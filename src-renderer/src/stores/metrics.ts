// The open report's metric values. Chips and the form read from here; each accepted value is
// written straight to the database. Invalid input is never stored: the previous value stays
// and the Chinese message is kept per metric for the form to show.
import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef } from 'vue'
import type { MetricDefinition, MetricValue, Qualifier, ReportTemplate } from '@core/template'
import { computeMetricResults, formatMetricValue, metricChipText, parseMetricInput, type ChipDisplay } from '@core/metrics'
import { describeFormulaResult, type FormulaResult } from '@core/formula'
import { yoyChipText } from '@core/year-on-year'
import { checkOwnMetric, isOwnMetricId, withReportMetrics } from '@core/report-metrics'
import { useTemplatesStore } from './templates'
import type { Report } from '@core/report'
import { clearUnsavedFigures, recordUnsavedFigures } from '../db/unsaved-edits'
import { pageStorage } from '../platform/page-storage'
import { getDatabase, loadMetricValues, loadPreviousYearValues, ReportLockedError, saveMetricValue, saveMetricValues, saveReportMetrics, type HuibaoDatabase } from '../db/database'
import { approvedPreviousValues } from '../services/approval'
import { useSessionStore } from './session'

export const useMetricsStore = defineStore('metrics', () => {
  const reportId = ref<string | null>(null)
  const template = shallowRef<ReportTemplate | null>(null)
  /** Keyed by metric id; reactive per key so a chip re-renders only when its own value changes. */
  const values = reactive<Record<string, MetricValue>>({})
  const errors = reactive<Record<string, string>>({})
  /** Bumped on every accepted change (character counts include chip text). */
  const revision = ref(0)
  /** Last year's values when the report is linked to last year's report (empty otherwise). */
  const previous = shallowRef<Map<string, MetricValue>>(new Map())
  const previousReportId = ref<string | null>(null)
  let db: HuibaoDatabase = getDatabase()

  const definitions = computed(() => new Map((template.value?.metrics ?? []).map((m) => [m.id, m])))

  /** The report's template as made; `template` adds the report's own metrics to it. */
  const baseTemplate = shallowRef<ReportTemplate | null>(null)
  /** The clerk's own metrics of this report, in creation order. */
  const own = shallowRef<MetricDefinition[]>([])

  /** `stored`: the report's values when already read (the editor reads them with the report). */
  async function load(report: Report, tpl: ReportTemplate, database: HuibaoDatabase = getDatabase(), stored?: readonly MetricValue[]): Promise<void> {
    db = database
    reportId.value = report.id
    baseTemplate.value = tpl
    own.value = [...(report.ownMetrics ?? [])]
    template.value = withReportMetrics(tpl, report)
    for (const key of Object.keys(values)) delete values[key]
    for (const key of Object.keys(errors)) delete errors[key]
    for (const v of stored ?? (await loadMetricValues(db, report.id))) values[v.metricId] = v
    const previousId = report.previousReportId ?? null
    previousReportId.value = previousId
    previous.value = new Map()
    if (previousId) {
      try {
        // An approved report shows last year's figures as frozen at approval, as its exports do.
        const last =
          (await approvedPreviousValues(db, report.id)) ??
          (await loadPreviousYearValues(db, report, template.value, (r) => {
          try {
            return useTemplatesStore().forReport(r)
          } catch {
            return undefined
          }
        })) ?? []
        // Last year's computed figures are recomputed from its typed ones, like this year's.
        const results = computeMetricResults(template.value, last)
        const map = new Map(last.map((v) => [v.metricId, v]))
        for (const [metricId, r] of results) map.set(metricId, { metricId, value: r.state === 'ok' ? r.value : null, qualifier: '' })
        previous.value = map
      } catch (error) {
        console.warn('[huibao] could not load last year’s figures', error)
      }
    }
    revision.value++
  }

  // ---- The clerk's own metrics --------------------------------------------------------------

  type OwnResult = { ok: true } | { ok: false; message: string }

  function failure(error: unknown): OwnResult {
    if (error instanceof ReportLockedError) return { ok: false, message: error.message }
    return { ok: false, message: '保存失败：无法写入本地数据库，请再试一次。' }
  }

  async function writeOwn(nextIn: MetricDefinition[], options: { removedIds?: string[]; values?: MetricValue[] } = {}): Promise<OwnResult> {
    const id = reportId.value
    const base = baseTemplate.value
    if (!id || !base) return { ok: false, message: '报告尚未打开。' }
    // Plain copies: definitions edited in a dialog may be Vue proxies, which IndexedDB cannot clone.
    const next = JSON.parse(JSON.stringify(nextIn)) as MetricDefinition[]
    try {
      await saveReportMetrics(db, id, next, { ...options, values: options.values?.map((v) => ({ metricId: v.metricId, value: v.value, qualifier: v.qualifier })) }, Date.now(), useSessionStore().role)
    } catch (error) {
      if (!(error instanceof ReportLockedError)) console.warn('[huibao] could not save the report’s own metrics', error)
      return failure(error)
    }
    own.value = next
    template.value = withReportMetrics(base, { ownMetrics: next })
    for (const removed of options.removedIds ?? []) {
      delete values[removed]
      delete errors[removed]
    }
    for (const v of options.values ?? []) values[v.metricId] = v
    revision.value++
    return { ok: true }
  }

  /** Adds a metric of this report, with its first value (the figure it was made from). */
  async function addOwnMetric(def: MetricDefinition, value?: MetricValue): Promise<OwnResult> {
    if (!isOwnMetricId(def.id)) return { ok: false, message: '指标编号无效。' }
    const problems = checkOwnMetric(def, template.value?.metrics ?? [])
    if (problems.length) return { ok: false, message: problems.join('') }
    return writeOwn([...own.value, def], { values: value ? [value] : [] })
  }

  /** Renames or re-types a metric of this report; a stored value the new type refuses keeps it unchanged. */
  async function updateOwnMetric(def: MetricDefinition): Promise<OwnResult> {
    if (!own.value.some((m) => m.id === def.id)) return { ok: false, message: '只能修改本报告自建的指标。' }
    const problems = checkOwnMetric(def, template.value?.metrics ?? [])
    if (problems.length) return { ok: false, message: problems.join('') }
    const current = values[def.id]
    if (current && current.value !== null && current.value !== '') {
      const parsed = parseMetricInput(def, String(current.value))
      if (!parsed.ok) return { ok: false, message: `已填的数值“${current.value}”不符合新的设置：${parsed.message}` }
      if (current.qualifier && !def.qualifiers.includes(current.qualifier)) {
        return { ok: false, message: `已填的数值带修饰词“${current.qualifier}”，新的设置不允许，请先在指标中改为精确数。` }
      }
    }
    return writeOwn(own.value.map((m) => (m.id === def.id ? def : m)))
  }

  /** Deletes a metric of this report and its value; the editor turns its chips back into text first. */
  async function removeOwnMetric(metricId: string): Promise<OwnResult> {
    if (!own.value.some((m) => m.id === metricId)) return { ok: false, message: '只能删除本报告自建的指标。' }
    return writeOwn(
      own.value.filter((m) => m.id !== metricId),
      { removedIds: [metricId] }
    )
  }

  /** Stores a value as it is (already checked), in one write: the figure a chip replaced. */
  async function setValue(next: MetricValue): Promise<boolean> {
    delete errors[next.metricId]
    return store(next)
  }

  /** Results of the computed metrics (formulas), recomputed whenever a value changes. */
  const results = computed<Map<string, FormulaResult>>(() => {
    void revision.value
    return template.value ? computeMetricResults(template.value, Object.values(values)) : new Map()
  })

  /** The value shown for a metric: a computed one's result, else what was typed. */
  function effective(metricId: string): MetricValue | undefined {
    const r = results.value.get(metricId)
    if (r) return { metricId, value: r.state === 'ok' ? r.value : null, qualifier: '' }
    return values[metricId]
  }

  function previousText(metricId: string): string | null {
    const def = definition(metricId)
    return def ? formatMetricValue(def, previous.value.get(metricId)) : null
  }

  /** A computed metric's state in words when it has no number ('无法计算：除数为 0', '待填：…'). */
  function computedProblem(metricId: string): string | null {
    const r = results.value.get(metricId)
    if (!r || r.state === 'ok') return null
    return describeFormulaResult(r, (id) => definition(id)?.label ?? id)
  }

  function definition(metricId: string): MetricDefinition | undefined {
    return definitions.value.get(metricId)
  }

  function chip(metricId: string, show: 'value' | 'yoy' = 'value'): ChipDisplay {
    const def = definition(metricId)
    const { text, missing } =
      show === 'yoy' ? yoyChipText(def, effective(metricId), previous.value.get(metricId)) : metricChipText(def, effective(metricId))
    return { text, empty: missing, label: def?.label ?? metricId }
  }

  function chipText(metricId: string): string {
    return metricChipText(definition(metricId), effective(metricId)).text
  }

  async function store(next: MetricValue): Promise<boolean> {
    const id = reportId.value
    if (!id) return false
    const previous = values[next.metricId]
    values[next.metricId] = next
    revision.value++
    try {
      await saveMetricValue(db, id, next, Date.now(), useSessionStore().role)
      return true
    } catch (error) {
      // Keep what is on screen consistent with what is stored.
      if (previous) values[next.metricId] = previous
      else delete values[next.metricId]
      revision.value++
      errors[next.metricId] = error instanceof ReportLockedError ? error.message : '保存失败：无法写入本地数据库，请再试一次。'
      return false
    }
  }

  /** Validates and stores what was typed; returns false (and sets the message) if invalid. */
  async function setInput(metricId: string, raw: string): Promise<boolean> {
    const def = definition(metricId)
    if (!def) return false
    const parsed = parseMetricInput(def, raw)
    if (!parsed.ok) {
      errors[metricId] = parsed.message
      return false
    }
    delete errors[metricId]
    const current = values[metricId]
    if (current && current.value === parsed.value) return true
    return store({ metricId, value: parsed.value, qualifier: current?.qualifier ?? '' })
  }

  /**
   * Several typed values at once (a pasted block, 其余填0): each validated like one typed value
   * and written with the same saveMetricValue, but the form re-renders once, not once per cell.
   * Returns the ids that were refused or could not be saved (their previous value is kept).
   */
  async function setInputs(entries: ReadonlyArray<{ metricId: string; raw: string }>): Promise<string[]> {
    const id = reportId.value
    if (!id) return entries.map((e) => e.metricId)
    const failed: string[] = []
    const changed: Array<{ next: MetricValue; before: MetricValue | undefined }> = []
    for (const e of entries) {
      const def = definition(e.metricId)
      if (!def) {
        failed.push(e.metricId)
        continue
      }
      const parsed = parseMetricInput(def, e.raw)
      if (!parsed.ok) {
        errors[e.metricId] = parsed.message
        failed.push(e.metricId)
        continue
      }
      delete errors[e.metricId]
      const current = values[e.metricId]
      if (current && current.value === parsed.value) continue
      const next = { metricId: e.metricId, value: parsed.value, qualifier: current?.qualifier ?? '' }
      changed.push({ next, before: current })
      values[e.metricId] = next
    }
    if (changed.length === 0) return failed
    revision.value++
    let rolledBack = false
    for (const { next, before } of changed) {
      try {
        await saveMetricValue(db, id, next)
      } catch {
        if (before) values[next.metricId] = before
        else delete values[next.metricId]
        errors[next.metricId] = '保存失败：无法写入本地数据库，请再试一次。'
        failed.push(next.metricId)
        rolledBack = true
      }
    }
    if (rolledBack) revision.value++
    return failed
  }

  /**
   * The page is going away with figures typed but not confirmed (no Enter, the field never
   * left, so no change event). Their checked values are recorded synchronously
   * (db/unsaved-edits.ts), since the save started here may die with the page, and stored; the
   * record goes once they are. An invalid entry is left alone, as leaving its field would.
   */
  async function keepUnconfirmed(drafts: Readonly<Record<string, string>>): Promise<void> {
    const id = reportId.value
    if (!id) return
    const figures: MetricValue[] = []
    for (const [metricId, raw] of Object.entries(drafts)) {
      const def = definition(metricId)
      if (!def || def.formula !== undefined) continue
      const parsed = parseMetricInput(def, raw)
      const current = values[metricId]
      if (!parsed.ok || (current?.value ?? null) === parsed.value) continue
      figures.push({ metricId, value: parsed.value, qualifier: current?.qualifier ?? '' })
    }
    if (figures.length === 0) return
    const storage = pageStorage()
    const recorded = recordUnsavedFigures(storage, { reportId: id, at: Date.now(), by: useSessionStore().role, figures })
    const failed = await setInputs(figures.map((f) => ({ metricId: f.metricId, raw: drafts[f.metricId]! })))
    if (recorded && failed.length === 0) clearUnsavedFigures(storage, id)
  }

  async function setQualifier(metricId: string, qualifier: Qualifier): Promise<boolean> {
    const current = values[metricId]
    if (current?.qualifier === qualifier) return true
    return store({ metricId, value: current?.value ?? null, qualifier })
  }

  /** 其余填0: the listed empty metrics become 0, stored in one transaction (or none on failure). */
  async function fillZero(metricIds: readonly string[]): Promise<boolean> {
    const id = reportId.value
    if (!id) return false
    const next = metricIds
      .filter((m) => definition(m) && definition(m)!.formula === undefined && (values[m]?.value ?? null) === null)
      .map((metricId): MetricValue => ({ metricId, value: 0, qualifier: '' }))
    if (next.length === 0) return true
    try {
      await saveMetricValues(db, id, next, Date.now(), useSessionStore().role)
    } catch {
      return false
    }
    for (const v of next) values[v.metricId] = v
    revision.value++
    return true
  }

  function clearError(metricId: string): void {
    delete errors[metricId]
  }

  function list(): MetricValue[] {
    return Object.values(values)
  }

  function previousList(): MetricValue[] {
    return [...previous.value.values()]
  }

  return {
    reportId,
    template,
    baseTemplate,
    own,
    values,
    errors,
    revision,
    definitions,
    previous,
    previousReportId,
    results,
    load,
    definition,
    effective,
    previousText,
    computedProblem,
    chip,
    chipText,
    setInput,
    setInputs,
    keepUnconfirmed,
    setQualifier,
    setValue,
    addOwnMetric,
    updateOwnMetric,
    removeOwnMetric,
    clearError,
    fillZero,
    list,
    previousList
  }
})
