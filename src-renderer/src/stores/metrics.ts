// The open report's metric values. Chips and the form read from here; each accepted value is
// written straight to the database. Invalid input is never stored: the previous value stays
// and the Chinese message is kept per metric for the form to show.
import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef } from 'vue'
import type { MetricDefinition, MetricValue, Qualifier, ReportTemplate } from '@core/template'
import { computeMetricResults, formatMetricValue, metricChipText, parseMetricInput } from '@core/metrics'
import { describeFormulaResult, type FormulaResult } from '@core/formula'
import { yoyChipText } from '@core/year-on-year'
import { getDatabase, loadMetricValues, saveMetricValue, type HuibaoDatabase } from '../db/database'
import type { ChipDisplay } from '../editor/metric-node'
import { ReportLockedError } from '../db/lock'
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

  async function load(id: string, tpl: ReportTemplate, database: HuibaoDatabase = getDatabase(), previousId: string | null = null): Promise<void> {
    db = database
    reportId.value = id
    template.value = tpl
    for (const key of Object.keys(values)) delete values[key]
    for (const key of Object.keys(errors)) delete errors[key]
    for (const v of await loadMetricValues(db, id)) values[v.metricId] = v
    previousReportId.value = previousId
    previous.value = new Map()
    if (previousId) {
      try {
        // An approved report shows last year's figures as frozen at approval, as its exports do.
        const last = (await approvedPreviousValues(db, id)) ?? (await loadMetricValues(db, previousId))
        // Last year's computed figures are recomputed from its typed ones, like this year's.
        const results = computeMetricResults(tpl, last)
        const map = new Map(last.map((v) => [v.metricId, v]))
        for (const [metricId, r] of results) map.set(metricId, { metricId, value: r.state === 'ok' ? r.value : null, qualifier: '' })
        previous.value = map
      } catch (error) {
        console.warn('[huibao] could not load last year’s figures', error)
      }
    }
    revision.value++
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

  async function setQualifier(metricId: string, qualifier: Qualifier): Promise<boolean> {
    const current = values[metricId]
    if (current?.qualifier === qualifier) return true
    return store({ metricId, value: current?.value ?? null, qualifier })
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
    setQualifier,
    clearError,
    list,
    previousList
  }
})
