// Small report documents with review marks, written as stored JSON.
import type { BlockJSON, InlineJSON, MarkJSON, ReportMeta, SectionJSON } from '@core/report'

export const ins = (id: string, author = '李主任'): MarkJSON => ({ type: 'insertion', attrs: { id, author, at: 1000 } })
export const del = (id: string, author = '李主任'): MarkJSON => ({ type: 'deletion', attrs: { id, author, at: 1000 } })
export const comment = (threadId: string): MarkJSON => ({ type: 'comment', attrs: { threadId } })

export function t(text: string, ...marks: MarkJSON[]): InlineJSON {
  return marks.length ? { type: 'text', text, marks } : { type: 'text', text }
}

export function chip(metricId: string, ...marks: MarkJSON[]): InlineJSON {
  return marks.length ? { type: 'metric', attrs: { metricId }, marks } : { type: 'metric', attrs: { metricId } }
}

export function sectionOf(id: string, title: string, ...paragraphs: InlineJSON[][]): SectionJSON {
  return {
    type: 'section',
    attrs: { id, level: 1, templateKey: null, required: false },
    content: [{ type: 'sectionTitle', content: [t(title)] }, ...paragraphs.map((content) => ({ type: 'paragraph' as const, content }))]
  }
}

export function blocks(preamble: InlineJSON[], ...sections: SectionJSON[]): BlockJSON[] {
  return [{ type: 'preamble', attrs: { id: 'preamble' }, content: [{ type: 'paragraph', content: preamble }] }, ...sections]
}

export const META: ReportMeta = { title: '甲镇人民政府关于2024年法治政府建设情况的报告', issuingOrgans: ['甲镇人民政府'], addressee: '乙县人民政府', year: 2024, date: '2025-01-10' }
