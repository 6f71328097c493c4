// The Word export's build as one job of plain data (what the export worker receives): after a
// structured clone (what postMessage does) it must give the same file as the former in-place
// pipeline — resolveReport → reportLayout → (review marks) → exportReportDocx — part by part.
import { describe, expect, it } from 'vitest'
import { resolveReport } from '@core/resolve'
import { reportLayout } from '@core/pages/report-layout'
import { exportReportDocx } from '@core/docx/export'
import { prepareReviewExport, type ReviewCommentInput } from '@core/docx/review'
import { buildDocxJob, DOCX_STAGES, type DocxJob, type DocxStage } from '@core/docx/job'
import type { ParagraphJSON, ReportDocJSON, SectionJSON } from '@core/report'
import { generateLargeReport } from '../../fixtures/large-report'
import { unzipDocx } from './helpers'

/** Every part of the package; docProps/core.xml without its creation and modification times. */
async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const out = await unzipDocx(bytes)
  if (out['docProps/core.xml']) out['docProps/core.xml'] = out['docProps/core.xml'].replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$1')
  return out
}

/** A generated report whose second section carries a comment and a suggested insertion and deletion. */
function reviewedReport() {
  const large = generateLargeReport({ pages: 8, seed: 12 })
  const doc = structuredClone(large.doc) as ReportDocJSON
  const section = doc.content.find((b, i) => i > 0 && b.type === 'section') as SectionJSON
  const paragraph = section.content.find((n) => n.type === 'paragraph') as ParagraphJSON
  paragraph.content = [
    { type: 'text', text: '审阅过的句子，', marks: [{ type: 'comment', attrs: { threadId: 't1' } }] },
    { type: 'text', text: '新加的话', marks: [{ type: 'insertion', attrs: { id: 'sg1', author: '李审核', at: 1_700_000_000_000 } }] },
    { type: 'text', text: '删去的话', marks: [{ type: 'deletion', attrs: { id: 'sg2', author: '李审核', at: 1_700_000_000_000 } }] },
    ...(paragraph.content ?? [])
  ] as ParagraphJSON['content']
  const comments: ReviewCommentInput[] = [
    { threadId: 't1', author: '李审核', at: 1_700_000_100_000, text: '请核实数字。', anchorText: '审阅过的句子，', orphaned: false, replies: [{ author: '王文书', at: 1_700_000_200_000, text: '已核实。' }] }
  ]
  return { ...large, doc, comments }
}

describe('buildDocxJob', () => {
  it('writes the same parts as the former in-place build for a draft', async () => {
    const { report, doc, template, values } = generateLargeReport({ pages: 12, seed: 7 })
    const layout = reportLayout(report, template, values)
    const before = await exportReportDocx(resolveReport(report, doc, template, values), layout.profile, { signatureRule: layout.signatureRule, attachments: layout.attachments })
    const job: DocxJob = structuredClone({ kind: 'draft', report, doc, template, values })
    const after = await buildDocxJob(job)
    const a = await parts(before)
    const b = await parts(after)
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort())
    for (const name of ['word/document.xml', 'word/styles.xml', 'word/fontTable.xml']) {
      expect(b[name].length, name).toBeGreaterThan(500)
      expect(b[name], name).toBe(a[name])
    }
    for (const name of Object.keys(a)) expect(b[name], name).toBe(a[name])
    // The report's own text is in it (not an empty document on both sides).
    const firstText = (doc.content[1] as SectionJSON).content.find((n) => n.type === 'paragraph') as ParagraphJSON
    const sentence = (firstText.content ?? []).map((n) => ('text' in n ? n.text : '')).join('').slice(0, 12)
    expect(sentence.length).toBeGreaterThan(5)
    expect(b['word/document.xml'].replace(/<[^>]+>/g, '')).toContain(sentence)
  })

  it('writes the same review copy (comments, tracked changes) as the former in-place build', async () => {
    const { report, doc, template, values, comments } = reviewedReport()
    const layout = reportLayout(report, template, values)
    const resolved = prepareReviewExport(resolveReport(report, doc, template, values, { review: true }), comments)
    const before = await exportReportDocx(resolved, layout.profile, { signatureRule: layout.signatureRule, attachments: layout.attachments })
    const after = await buildDocxJob(structuredClone({ kind: 'draft', report, doc, template, values, reviewComments: comments }))
    const a = await parts(before)
    const b = await parts(after)
    expect(b['word/comments.xml']).toContain('请核实数字。')
    expect(b['word/document.xml']).toContain('<w:ins ')
    expect(b['word/document.xml']).toContain('<w:del ')
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort())
    for (const name of Object.keys(a)) expect(b[name], name).toBe(a[name])
  })

  it('writes an approved output as frozen, and reports every stage once, in order', async () => {
    const { report, doc, template, values } = generateLargeReport({ pages: 3, seed: 3 })
    const layout = reportLayout(report, template, values)
    const resolved = resolveReport(report, doc, template, values)
    const before = await exportReportDocx(resolved, layout.profile, { signatureRule: layout.signatureRule, attachments: layout.attachments })
    const stages: DocxStage[] = []
    const after = await buildDocxJob(
      structuredClone({ kind: 'approved', resolved, profile: layout.profile, signatureRule: layout.signatureRule, attachments: layout.attachments }),
      (s) => stages.push(s)
    )
    expect(stages).toEqual([...DOCX_STAGES])
    const a = await parts(before)
    const b = await parts(after)
    for (const name of Object.keys(a)) expect(b[name], name).toBe(a[name])
  })
})
