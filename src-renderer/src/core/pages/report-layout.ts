// One report's layout as every exporter needs it: the profile, the signature rule and the
// attachments, from the settings stored on the report. The DOCX export and the page view both
// call this, so Word and the PDF carry the same attachments and the same closing block.
import type { LayoutProfile } from '../layout'
import type { Report } from '../report'
import type { MetricValue, ReportTemplate } from '../template'
import { buildAttachments, type Attachment } from './attachments'
import { effectiveLayout, type EffectiveLayoutSettings } from './settings'
import type { SignatureRule } from './signature'

export interface ReportLayout {
  settings: EffectiveLayoutSettings
  profile: LayoutProfile
  signatureRule: SignatureRule
  attachments: Attachment[]
}

export function reportLayout(report: Report, template: ReportTemplate, values: readonly MetricValue[]): ReportLayout {
  const settings = effectiveLayout(report.layout)
  const attachments = buildAttachments({
    metricTable: settings.metricTable,
    attachments: settings.attachments,
    template,
    values,
    year: report.meta.year
  })
  return { settings, profile: settings.profile, signatureRule: settings.signatureRule, attachments }
}
