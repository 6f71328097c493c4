// Creating a new report from a template: the meta the clerk entered, one section per template
// section, and an empty value for every metric.
import { isValidIsoDate } from './dates'
import { PREAMBLE_ID, type Report, type ReportDocJSON, type SectionJSON } from './report'
import type { MetricValue, ReportTemplate } from './template'

export type ReportInputField = 'organs' | 'addressee' | 'year' | 'date' | 'title'

/** Bad input for a new report; `message` is Chinese and shown to the clerk as is. */
export class ReportInputError extends Error {
  override name = 'ReportInputError'
  constructor(
    message: string,
    readonly field: ReportInputField
  ) {
    super(message)
  }
}

export const MIN_YEAR = 2000
export const MAX_YEAR = 2100

export interface NewReportInput {
  organs: string[]
  addressee: string
  year: number
  date: string
  /** Overrides the composed title when non-blank. */
  title?: string
}

export interface NewReportIds {
  reportId: string
  newSectionId: () => string
  now: number
}

/** Fills {year} and {nextYear} in a section title or pattern. */
export function fillYearPlaceholders(text: string, year: number): string {
  return text.replace(/\{year\}/g, String(year)).replace(/\{nextYear\}/g, String(year + 1))
}

function cleanOrgans(organs: readonly string[]): string[] {
  return organs.map((o) => o.trim()).filter((o) => o !== '')
}

/**
 * '{organs}关于{year}年…' with the organs written as joint Party–government titles are:
 * separated by a space, e.g. '中共梁洼镇委员会 梁洼镇人民政府关于2024年…'.
 */
export function composeTitle(template: ReportTemplate, organs: string[], year: number): string {
  return fillYearPlaceholders(template.titlePattern.replace(/\{organs\}/g, cleanOrgans(organs).join(' ')), year)
}

const PARTY_ORGAN = /中共|党委|党工委|委员会$/
const GOVERNMENT_ORGAN = /人民政府|政府|办事处/

/**
 * A joint report names the Party committee before the government of the same level (GB/T 9704,
 * 党政联合行文): whichever field the clerk typed it in, the Party organ goes first.
 */
export function partyCommitteeFirst(organs: readonly string[]): string[] {
  const isParty = (o: string) => PARTY_ORGAN.test(o) && !GOVERNMENT_ORGAN.test(o)
  return [...organs.filter(isParty), ...organs.filter((o) => !isParty(o))]
}

/** Strips a trailing colon: the addressee is stored bare and the colon added on output. */
export function cleanAddressee(addressee: string): string {
  return addressee.trim().replace(/[:：]+$/, '').trim()
}

function validate(input: NewReportInput): string[] {
  const organs = cleanOrgans(input.organs ?? [])
  if (organs.length === 0) throw new ReportInputError('请填写发文机关，例如“××镇人民政府”', 'organs')
  if (organs.length > 2) {
    throw new ReportInputError('发文机关最多两个（党委和政府联合发文），请删去多余的机关', 'organs')
  }
  if (organs.length === 2 && organs[0] === organs[1]) {
    throw new ReportInputError('两个发文机关不能相同，请修改或删去联合发文机关', 'organs')
  }
  if (!Number.isInteger(input.year) || input.year < MIN_YEAR || input.year > MAX_YEAR) {
    throw new ReportInputError(`年度应为 ${MIN_YEAR} 到 ${MAX_YEAR} 之间的四位年份，例如 2024`, 'year')
  }
  if (!isValidIsoDate(input.date)) {
    throw new ReportInputError('成文日期无效，请选择一个日期，例如 2025-01-15', 'date')
  }
  return organs
}

export function createReportFromTemplate(
  template: ReportTemplate,
  input: NewReportInput,
  ids: NewReportIds
): { report: Report; doc: ReportDocJSON; values: MetricValue[] } {
  const organs = validate(input)
  const title = input.title?.trim() ? input.title.trim() : composeTitle(template, organs, input.year)

  const sections: SectionJSON[] = template.sections.map((s) => ({
    type: 'section',
    attrs: { id: ids.newSectionId(), level: s.level, templateKey: s.key, required: s.required },
    content: [
      { type: 'sectionTitle', content: [{ type: 'text', text: fillYearPlaceholders(s.title, input.year) }] },
      { type: 'paragraph' }
    ]
  }))
  const doc: ReportDocJSON = {
    type: 'doc',
    content: [{ type: 'preamble', attrs: { id: PREAMBLE_ID }, content: [{ type: 'paragraph' }] }, ...sections]
  }
  const report: Report = {
    id: ids.reportId,
    templateId: template.id,
    templateVersion: template.version,
    meta: {
      title,
      issuingOrgans: organs,
      addressee: cleanAddressee(input.addressee ?? ''),
      year: input.year,
      date: input.date
    },
    status: 'draft',
    sectionOrder: [PREAMBLE_ID, ...sections.map((s) => s.attrs.id)],
    createdAt: ids.now,
    updatedAt: ids.now,
    deletedAt: null
  }
  const values: MetricValue[] = template.metrics.map((m) => ({ metricId: m.id, value: null, qualifier: '' }))
  return { report, doc, values }
}
