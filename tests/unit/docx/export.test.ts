// Export entry point: bytes that are a .docx, and a file name Windows accepts.
import { describe, expect, it } from 'vitest'
import { MAX_FILE_STEM_LENGTH, exportReportDocx, suggestedDocxFileName } from '@core/docx/export'
import { handReport, unzipDocx } from './helpers'

describe('exportReportDocx', () => {
  it('returns the bytes of a zip package with the Word parts', async () => {
    const bytes = await exportReportDocx(handReport())
    expect(bytes).toBeInstanceOf(Uint8Array)
    // "PK\x03\x04": a zip local file header.
    expect(Array.from(bytes.slice(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04])
    const files = await unzipDocx(bytes)
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']))
  })
})

describe('suggestedDocxFileName', () => {
  const forbidden = /[\\/:*?"<>|\u0000-\u001f]/

  it('keeps an ordinary Chinese title and adds .docx', () => {
    expect(suggestedDocxFileName('青石镇人民政府关于2024年法治政府建设情况的报告')).toBe(
      '青石镇人民政府关于2024年法治政府建设情况的报告.docx'
    )
  })

  it('removes every character Windows forbids and joins title lines', () => {
    const name = suggestedDocxFileName(' 青石镇\n关于"2024"年<法治>报告: a/b\\c|d?*\u0007 ')
    expect(name).toBe('青石镇关于2024年法治报告 abcd.docx')
    expect(name.slice(0, -5)).not.toMatch(forbidden)
  })

  it('drops trailing dots and spaces, which Windows would strip', () => {
    expect(suggestedDocxFileName('报告草稿…. . ')).toBe('报告草稿….docx')
  })

  it('caps the length without splitting a character', () => {
    const name = suggestedDocxFileName('很长的标题𠀀'.repeat(40))
    const stem = name.slice(0, -'.docx'.length)
    expect(Array.from(stem).length).toBeLessThanOrEqual(MAX_FILE_STEM_LENGTH)
    expect(stem).not.toMatch(/[\uD800-\uDBFF]$/)
    expect(name.endsWith('.docx')).toBe(true)
  })

  it('falls back to a name when nothing is left, and avoids reserved device names', () => {
    expect(suggestedDocxFileName('')).toBe('报告.docx')
    expect(suggestedDocxFileName('???')).toBe('报告.docx')
    expect(suggestedDocxFileName('CON')).not.toBe('CON.docx')
    expect(suggestedDocxFileName('con').toLowerCase()).not.toBe('con.docx')
  })
})
