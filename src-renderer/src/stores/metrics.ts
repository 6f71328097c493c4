// The open report's metric values. Chips and the form read from here; each accepted value is
// written straight to the database. Invalid input is never stored: the previous value stays
// and the Chinese message is kept per metric for the form to show.
import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef } from 'vue'
import type { MetricDefinition, MetricValue, Qualifier, ReportTemplate } from '@core/template'
import { metricChipText, parseMetricInput } from '@core/metrics'
import { getDatabase, loadMetricValues, saveMetricValue, type HuibaoDatabase } from '../db/database'
import type { ChipDisplay } from '../editor/metric-node'

export const useMetricsStore = defineStore('metrics', () => {
  const reportId = ref<string | null>(null)
  const template = shallowRef<ReportTemplate | null>(null)
  /** Keyed by metric id; reactive per key so a chip re-renders only when its own value changes. */
  const values = reactive<Record<string, MetricValue>>({})
  const errors = reactive<Record<string, string>>({})
  /** Bumped on every accepted change (character counts include chip text). */
  const revision = ref(0)
  let db: HuibaoDatabase = getDatabase()

  const definitions = computed(() => new Map((template.value?.metrics ?? []).map((m) => [m.id, m])))

  async function load(id: string, tpl: ReportTemplate, database: HuibaoDatabase = getDatabase()): Promise<void> {
    db = database
    reportId.value = id
    template.value = tpl
    for (const key of Object.keys(values)) delete values[key]
    for (const key of Object.keys(errors)) delete errors[key]
    for (const v of await loadMetricValues(db, id)) values[v.metricId] = v
    revision.value++
  }

  function definition(metricId: string): MetricDefinition | undefined {
    return definitions.value.get(metricId)
  }

  function chip(metricId: string): ChipDisplay {
    const def = definition(metricId)
    const { text, missing } = metricChipText(def, values[metricId])
    return { text, empty: missing, label: def?.label ?? metricId }
  }

  function chipText(metricId: string): string {
    return metricChipText(definition(metricId), values[metricId]).text
  }

  async function store(next: MetricValue): Promise<boolean> {
    const id = reportId.value
    if (!id) return false
    const previous = values[next.metricId]
    values[next.metricId] = next
    revision.value++
    try {
      await saveMetricValue(db, id, next)
      return true
    } catch {
      // Keep what is on screen consistent with what is stored.
      if (previous) values[next.metricId] = previous
      else delete values[next.metricId]
      revision.value++
      errors[next.metricId] = '保存失败：无法写入本地数据库，请再试一次。'
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

  return { reportId, template, values, errors, revision, definitions, load, definition, chip, chipText, setInput, setQualifier, clearError, list }
})
