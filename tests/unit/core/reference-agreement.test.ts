// The fixtures carry facts of the reference documents (the sample's figures, the disclosure
// format's labels) in the project's own files. Where the reference folder is present (the
// project's own machines), check the facts still agree with it; a fresh clone has no ../shared,
// and these checks then report themselves skipped with the reason.
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SAMPLE_FIGURE_FACTS } from '../../fixtures/sample-figures'
import { DISCLOSURE_SECTIONS, TABLE_3_GROUPS, TABLE_3_LEGAL_PERSON_COLUMNS, TABLE_4_RESULTS } from '../../fixtures/disclosure-format'

const REPORT_TYPES = resolve(__dirname, '../../../../shared/reference/report-types.md')
const present = existsSync(REPORT_TYPES)
if (!present) console.warn(`[skipped] reference agreement: ${REPORT_TYPES} is not present (a fresh clone has no ../shared)`)

// The reference wraps lines anywhere; compare without whitespace.
const squash = (s: string) => s.replace(/\s+/g, '')

describe.skipIf(!present)('fixtures agree with ../shared/reference (skipped when it is absent)', () => {
  const ref = present ? squash(readFileSync(REPORT_TYPES, 'utf8')) : ''

  it('lists the same sixteen sample figures, in order', () => {
    let at = 0
    for (const [subject, text] of SAMPLE_FIGURE_FACTS) {
      const next = ref.indexOf(squash(`${subject}${text}`), at)
      expect(next, `${subject} ${text}`).toBeGreaterThanOrEqual(at)
      at = next
    }
  })

  it('names the same disclosure sections and table labels', () => {
    for (const s of DISCLOSURE_SECTIONS) expect(ref, s).toContain(s)
    for (const c of [...TABLE_3_LEGAL_PERSON_COLUMNS, ...TABLE_4_RESULTS]) expect(ref, c).toContain(c)
    for (const [group, rows] of TABLE_3_GROUPS) {
      expect(ref, group).toContain(group)
      for (const r of rows) expect(ref, r).toContain(squash(r).replace(/[“”]/g, '"'))
    }
  })
})
