// Which of last year's reports a new report continues: same template AND same issuing organ.
// Two townships' reports of one template must never be confused; when several reports of the
// organ exist (a copy, a redraft), the clerk chooses — nothing is picked for them.
import type { Report } from './report'

/** Organ names compared without spaces (full-width included), so '甲镇 人民政府' is '甲镇人民政府'. */
export function organKey(organ: string): string {
  return organ.replace(/[\s\u3000]+/g, '')
}

/** True when the two organ lists share an organ (a joint report matches either of its organs). */
export function sameIssuingOrgan(a: readonly string[], b: readonly string[]): boolean {
  const keys = new Set(a.map(organKey).filter((k) => k !== ''))
  return b.some((o) => keys.has(organKey(o)))
}

/**
 * Live reports of `year - 1`, made from `templateId`, issued by one of `organs`; most recently
 * edited first. No organ given: nothing (the dialog cannot tell whose report it would be).
 */
export function previousYearCandidates(reports: readonly Report[], query: { templateId: string; year: number; organs: readonly string[] }): Report[] {
  if (!query.organs.some((o) => organKey(o) !== '')) return []
  return reports
    .filter((r) => r.deletedAt === null && r.templateId === query.templateId && r.meta.year === query.year - 1 && sameIssuingOrgan(query.organs, r.meta.issuingOrgans))
    .sort((a, b) => b.updatedAt - a.updatedAt)
}
