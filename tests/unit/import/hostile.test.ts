// Hostile and broken files are refused with a Chinese message saying what the file is and
// what to do; a big image is ignored rather than read.
import { describe, expect, it } from 'vitest'
import { ImportError, parseDocx, recogniseReport } from '@core/import'
import * as H from '../../fixtures/import/hostile'

function refusal(bytes: Uint8Array): ImportError {
  try {
    parseDocx(bytes)
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError)
    return error as ImportError
  }
  throw new Error('the file was accepted')
}

describe('hostile .docx files', () => {
  it('refuses a zip bomb by its declared size without inflating it', () => {
    const e = refusal(H.zipBomb())
    expect(e.code).toBe('bomb')
    expect(e.message).toContain('另存为 .docx')
  })

  it('stops a bomb that lies about its size once 50 MB have really come out', () => {
    const e = refusal(H.lyingZipBomb())
    expect(e.code).toBe('bomb')
    expect(e.message).toContain('实际解压')
  })

  it('never expands entities: a DOCTYPE is refused', () => {
    const e = refusal(H.doctypeEntities())
    expect(e.code).toBe('doctype')
    expect(e.message).not.toContain('哈哈')
  })

  it('ignores entries and relationship targets outside the package, reading only its own parts', () => {
    const parsed = parseDocx(H.traversal())
    expect(parsed.externalTargets).toEqual(['../../../../etc/passwd', 'file:///C:/Windows/win.ini'])
    const rec = recogniseReport(parsed)
    expect(rec.title).toBe('青禾镇工作报告')
    expect(rec.sections.map((s) => s.title)).toEqual(['总体情况'])
  })

  it('says an OLE file is encrypted or a legacy .doc', () => {
    const e = refusal(H.oleHeader())
    expect(e.code).toBe('ole')
    expect(e.message).toMatch(/已加密或是旧版 \.doc/)
    expect(e.message).toContain('请在 Word/WPS 中另存为 .docx 后再导入')
  })

  it('refuses a .docm renamed .docx, by its macro part or by its content type alone', () => {
    expect(refusal(H.docmRenamed()).code).toBe('macro')
    expect(refusal(H.docmContentTypeOnly()).code).toBe('macro')
  })

  it('says a truncated zip is incomplete', () => {
    const e = refusal(H.truncatedZip())
    expect(e.code).toBe('truncated')
    expect(e.message).toContain('不完整')
  })

  it('recognises a PDF, a text file and another zip renamed .docx', () => {
    expect(refusal(H.pdfRenamed()).code).toBe('pdf')
    expect(refusal(H.notAZip()).code).toBe('not-zip')
    expect(refusal(H.otherZip()).code).toBe('not-docx')
    expect(refusal(new Uint8Array(0)).code).toBe('empty')
    expect(refusal(H.rtfRenamed()).code).toBe('rtf')
  })

  it('refuses a package with more entries than the cap', () => {
    expect(refusal(H.manyEntries()).code).toBe('too-many-entries')
  })

  it('reads a report beside a 40 MB image without touching the image', () => {
    const parsed = parseDocx(H.bigImage())
    expect(recogniseReport(parsed).title).toBe('青禾镇工作报告')
  })
})
