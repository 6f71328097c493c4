// The templates shipped with the app. User templates (later) are looked up elsewhere.
import type { ReportTemplate } from '../template'
import { RULE_OF_LAW_TEMPLATE } from './rule-of-law'

export { RULE_OF_LAW_TEMPLATE }

export const BUILT_IN_TEMPLATES: ReportTemplate[] = [RULE_OF_LAW_TEMPLATE]

export function getTemplate(id: string): ReportTemplate | undefined {
  return BUILT_IN_TEMPLATES.find((t) => t.id === id)
}
