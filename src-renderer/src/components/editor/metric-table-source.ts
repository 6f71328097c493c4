// What the editor's read-only metric tables read: the template's tables per section and their
// values from the metrics store (reactive, so the widget re-renders when a figure changes).
import './metric-tables.css'
import { watchEffect } from 'vue'
import { resolveMetricTable } from '@core/metric-tables'
import type { MetricTableDefinition, ReportTemplate } from '@core/template'
import type { MetricTableSource } from '../../editor/metric-tables-plugin'
import type { useMetricsStore } from '../../stores/metrics'

export function metricTableSource(template: ReportTemplate, metrics: ReturnType<typeof useMetricsStore>, fill: (table: MetricTableDefinition) => void): MetricTableSource {
  const bySection = new Map<string, MetricTableDefinition[]>()
  for (const t of template.tables ?? []) bySection.set(t.sectionKey, [...(bySection.get(t.sectionKey) ?? []), t])
  return {
    tablesFor: (key) => bySection.get(key) ?? [],
    resolve: (table) => {
      // revision: bumped on every accepted value change; the table depends on all its cells.
      void metrics.revision
      return metrics.template ? resolveMetricTable(table, metrics.template, metrics.list(), metrics.results) : null
    },
    fill,
    track: (effect) => watchEffect(effect)
  }
}
