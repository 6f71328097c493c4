// Hand-built resolved reports and DOCX unzipping shared by the DOCX tests.
import JSZip from 'jszip'
import type { ResolvedParagraph, ResolvedReport, ResolvedRun } from '@core/resolved'

export function para(...runs: (string | ResolvedRun)[]): ResolvedParagraph {
  return { runs: runs.map((r) => (typeof r === 'string' ? { text: r } : r)) }
}

/** A small report with every element the builder lays out; the wording is our own. */
export function handReport(overrides: Partial<ResolvedReport> = {}): ResolvedReport {
  return {
    title: '青石镇人民政府\n关于2024年法治政府建设情况的报告',
    addressee: '中共青山县委、青山县人民政府：',
    preamble: [para('这一年，青石镇围绕依法行政这条主线推进各项工作。现将有关情况报告如下：')],
    sections: [
      {
        id: 's1',
        level: 1,
        number: '一、',
        title: [{ text: '主要举措和成效' }],
        paragraphs: []
      },
      {
        id: 's2',
        level: 2,
        number: '（一）',
        title: [{ text: '规范执法行为' }],
        paragraphs: [
          para(
            '全年组织街面巡查',
            { text: '86余次', fromMetric: true },
            '，办结案件',
            { text: '【未填：办结案件数】', fromMetric: true, missing: true },
            '。'
          )
        ]
      },
      {
        id: 's3',
        level: 3,
        number: '1.',
        title: [{ text: '公开透明。' }],
        paragraphs: [para('政务信息按月更新。')]
      },
      {
        id: 's4',
        level: 4,
        number: '（1）',
        title: [{ text: '窗口服务' }],
        paragraphs: [para({ text: '群众满意度明显提高', bold: true }, '。')]
      }
    ],
    signatures: ['青石镇人民政府'],
    dateText: '2025年1月20日',
    author: '青石镇党政办',
    ...overrides
  }
}

export async function unzipDocx(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes)
  const out: Record<string, string> = {}
  for (const name of Object.keys(zip.files)) {
    if (!zip.files[name].dir) out[name] = await zip.files[name].async('string')
  }
  return out
}
