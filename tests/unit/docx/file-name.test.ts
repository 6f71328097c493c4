// Export file names: byte budget, character boundaries, spoofing and device names (issue 15.5).
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { MAX_FILE_NAME_BYTES, suggestedDocxFileName, suggestedFileName } from '@core/docx/file-name'
import { suggestedPdfFileName } from '../../../src-renderer/src/services/export-pdf'

const bytes = (s: string) => new TextEncoder().encode(s).length
const BIDI = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/
const WINDOWS_FORBIDDEN = /[\\/:*?"<>|]/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

describe('export file names', () => {
  it('stays within 200 UTF-8 bytes for titles of 4-byte characters (Ext-B, emoji)', () => {
    const extB = '𠀀𠀁𠀂𠀃'.repeat(30)
    const emoji = '📄报告😀'.repeat(40)
    for (const title of [extB, emoji]) {
      for (const name of [suggestedDocxFileName(title), suggestedPdfFileName(title), suggestedFileName(title, '（审核稿）.docx')]) {
        expect(bytes(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES)
        expect(name).not.toMatch(LONE_SURROGATE)
        // Cut only at the end: what is left is the title's own beginning.
        const stem = name.replace(/(（审核稿）)?\.(docx|pdf)$/, '')
        expect(title.startsWith(stem)).toBe(true)
        expect(bytes(stem)).toBeGreaterThan(MAX_FILE_NAME_BYTES - 30)
      }
    }
    expect(suggestedFileName(extB, '（审核稿）.docx').endsWith('（审核稿）.docx')).toBe(true)
  })

  it('removes bidi controls so the name reads as it is (U+202E spoofing)', () => {
    const name = suggestedDocxFileName('青石镇报告\u202Excod.exe\u2066\u200F')
    expect(name).toBe('青石镇报告xcod.exe.docx')
    expect(suggestedPdfFileName('\u202A\u202B\u202C\u202D\u2067\u2068\u2069\u200E报告')).toBe('报告.pdf')
  })

  it('removes C0 and C1 controls and noncharacters', () => {
    expect(suggestedDocxFileName('青石\u0085镇\u009F报告\uFFFE\u0001')).toBe('青石镇报告.docx')
  })

  it('never yields a Windows device name, whatever the case or extension-like tail', () => {
    for (const t of ['CON', 'prn', 'Aux', 'nul', 'COM1', 'lpt9', 'con.报告', 'COM1 ']) {
      const stem = suggestedDocxFileName(t).replace(/\.docx$/, '')
      expect(stem.split('.')[0].trim()).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i)
    }
    // Words that merely start like a device name stay untouched.
    expect(suggestedDocxFileName('CONTEXT报告')).toBe('CONTEXT报告.docx')
  })

  it('holds for any title (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (title) => {
        for (const name of [suggestedDocxFileName(title), suggestedPdfFileName(title)]) {
          expect(bytes(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES)
          const stem = name.replace(/\.(docx|pdf)$/, '')
          expect(stem.length).toBeGreaterThan(0)
          expect(stem).not.toMatch(BIDI)
          expect(stem).not.toMatch(CONTROL)
          expect(stem).not.toMatch(WINDOWS_FORBIDDEN)
          expect(stem).not.toMatch(LONE_SURROGATE)
          expect(stem).not.toMatch(/[. ]$/)
        }
      }),
      { numRuns: 500 }
    )
  })
})
