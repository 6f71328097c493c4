// The templates shipped with the app. User templates and stored versions live in the database;
// core/templates/catalog.ts looks both up (the templates store owns the app's catalog).
import type { ReportTemplate } from '../template'
import { GOV_DISCLOSURE_TEMPLATE } from './gov-disclosure'
import { RULE_OF_LAW_TEMPLATE } from './rule-of-law'
import { WORK_SUMMARY_TEMPLATE } from './work-summary'

export { GOV_DISCLOSURE_TEMPLATE, RULE_OF_LAW_TEMPLATE, WORK_SUMMARY_TEMPLATE }

export const BUILT_IN_TEMPLATES: ReportTemplate[] = [RULE_OF_LAW_TEMPLATE, GOV_DISCLOSURE_TEMPLATE, WORK_SUMMARY_TEMPLATE]

/** A built-in template by id (current version), or undefined. */
export function builtInTemplate(id: string): ReportTemplate | undefined {
  return BUILT_IN_TEMPLATES.find((t) => t.id === id)
}

/** True when the id belongs to a built-in template (read-only; editing makes a copy). */
export function isBuiltInTemplateId(id: string): boolean {
  return BUILT_IN_TEMPLATES.some((t) => t.id === id)
}
