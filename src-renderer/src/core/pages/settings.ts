// Per-report layout choices, stored as optional fields on the Report and read with defaults,
// so reports written before these existed need no migration.
import { GBT9704_PROFILE, LAYOUT_PROFILES, type LayoutProfile } from '../layout'
import type { SignatureRule } from './signature'

/** A free attachment section (附件) the clerk writes: a title and plain paragraphs. */
export interface FreeAttachment {
  id: string
  title: string
  paragraphs: string[]
}

export interface ReportLayoutSettings {
  /** Layout profile id: 'gbt9704' (default) or 'practice'. */
  profileId?: string
  signatureRule?: SignatureRule
  /** Attach the metric summary table (指标, 单位, 数值) as 附件. */
  metricTable?: boolean
  /**
   * 附去年数值: the summary table adds 上年数值 and 增减. Only takes effect while the report is
   * linked to last year's report (previousReportId).
   */
  previousYearColumn?: boolean
  /** Free attachment sections, after the metric table. */
  attachments?: FreeAttachment[]
}

export interface EffectiveLayoutSettings {
  profile: LayoutProfile
  signatureRule: SignatureRule
  metricTable: boolean
  previousYearColumn: boolean
  attachments: FreeAttachment[]
}

export function profileById(id: string | undefined): LayoutProfile {
  return LAYOUT_PROFILES.find((p) => p.id === id) ?? GBT9704_PROFILE
}

/** Defaults: the standard profile, no seal, no attachments. Unknown values fall back too. */
export function effectiveLayout(settings: ReportLayoutSettings | undefined): EffectiveLayoutSettings {
  const s = settings ?? {}
  return {
    profile: profileById(s.profileId),
    signatureRule: s.signatureRule === 'with-seal' ? 'with-seal' : 'no-seal',
    metricTable: s.metricTable === true,
    previousYearColumn: s.previousYearColumn === true,
    attachments: Array.isArray(s.attachments) ? s.attachments.filter((a) => a && typeof a.title === 'string') : []
  }
}
