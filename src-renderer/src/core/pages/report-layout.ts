// One report's layout as every exporter needs it: the profile, the signature rule and the
// attachments, from the settings stored on the report. The DOCX export and the page view both
// call this, so Word and the PDF carry the same attachments and the same closing block.
import type { LayoutProfile } from '../layout'
import type { Report } from '../report'
import type { MetricValue, ReportTemplate } from '../template'
import { buildAttachments, type Attachment } from './attachments'
import { effectiveLayout, type EffectiveLayoutSettings } from './settings'
import type { SignatureRule } from './signature'
import { withReportMetrics } from '../report-metrics'

export interface ReportLayout {
  settings: EffectiveLayoutSettings
  profile: LayoutProfile
  signatureRule: SignatureRule
  attachments: Attachment[]
}

/**
 * `previousValues`: last year's figures (the linked report's), or absent when the report has no
 * link; 附去年数值 adds them to the summary table only when they are there.
 */
export function reportLayout(report: Report, template: ReportTemplate, values: readonly MetricValue[], previousValues?: readonly MetricValue[] | null): ReportLayout {
  const settings = effectiveLayout(report.layout)
  const linked = Boolean(report.previousReportId) && previousValues != null
  const attachments = buildAttachments({
    metricTable: settings.metricTable,
    attachments: settings.attachments,
    template: withReportMetrics(template, report),
    values,
    year: report.meta.year,
    previousValues: settings.previousYearColumn && linked ? previousValues : null
  })
  return { settings, profile: settings.profile, signatureRule: settings.signatureRule, attachments }
}
