// Issue 15.4: a review copy generated from hostile names and text (noncharacters, lone
// surrogates, controls) is a Word file a real word processor opens: LibreOffice converts it
// to PDF and its comments' authors and text survive. The XML-legality property over hundreds
// of reports is tests/unit/docx/xml-legal.test.ts; this is the sample a word processor reads.
import { execFile, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exportReportDocx } from '@core/docx/export'
import { prepareReviewExport } from '@core/docx/review'
import { xmlSafeText } from '@core/docx/xml-safe'
import { hostileReviewCase } from '../fixtures/xml-fuzz'

const run = promisify(execFile)
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0
const missing = ['soffice', 'pdftotext'].filter((t) => !has(t))
const skip = missing.length > 0 && !process.env.CI
const SKIP_REASON = `skipped: ${missing.join(', ')} not installed (LibreOffice and poppler-utils; CI installs them)`
if (skip) console.warn(`xml-fuzz-libreoffice: ${SKIP_REASON}`)

describe.skipIf(skip)(`hostile review copy in LibreOffice${skip ? ` (${SKIP_REASON})` : ''}`, () => {
  it('converts the review copy (comments by hostile names) to PDF with the sanitised text', async () => {
    // A fixed sample with comments, whose authors start with U+FFFE and a lone surrogate.
    const [sample] = fc.sample(hostileReviewCase.filter((c) => c.threads.length >= 2), { seed: 9704, numRuns: 1 })
    sample.threads[0].author = '\uFFFE审核人\u0001'
    sample.threads[1].author = '\uD800张\uFFFF三'
    sample.report.sections[0].paragraphs.push({ runs: [{ text: '本段\uFFFE文字\u0085保留\uDC00。' }] })
    const copy = prepareReviewExport(sample.report, sample.threads)
    const dir = mkdtempSync(join(tmpdir(), 'huibao-fuzz-'))
    try {
      const docx = join(dir, 'review.docx')
      writeFileSync(docx, await exportReportDocx(copy))
      await run(
        'soffice',
        [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, docx],
        { timeout: 90_000 }
      )
      const text = (await run('pdftotext', ['-enc', 'UTF-8', join(dir, 'review.pdf'), '-'])).stdout.replace(/\s+/g, '')
      expect(text).toContain('本段文字保留。')
      const signature = xmlSafeText(sample.report.signatures[0]).replace(/\s+/g, '')
      if (signature !== '') expect(text).toContain(signature)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})
