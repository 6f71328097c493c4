// Issue 15.4: every XML part of every exported file is legal XML, whatever the report holds.
// Each part is read by saxes, a strict (non-recovering) parser that rejects characters XML 1.0
// forbids, over hundreds of generated reports and review copies.
import fc from 'fast-check'
import { SaxesParser } from 'saxes'
import { describe, expect, it } from 'vitest'
import { exportReportDocx } from '@core/docx/export'
import { prepareReviewExport } from '@core/docx/review'
import { xmlSafeText } from '@core/docx/xml-safe'
import { GBT9704_PROFILE } from '@core/layout'
import { hostileReport, hostileReviewCase, hostileString } from '../../fixtures/xml-fuzz'
import { unzipDocx } from './helpers'

/** Parses `xml` strictly; returns the first error (or null) and the text and attribute values. */
function strictParse(xml: string): { error: string | null; values: string[] } {
  const parser = new SaxesParser({ xmlns: true, position: true })
  let error: string | null = null
  const values: string[] = []
  parser.on('error', (e) => {
    error ??= e.message
  })
  parser.on('text', (t) => values.push(t))
  parser.on('opentag', (tag) => {
    for (const a of Object.values(tag.attributes)) values.push(typeof a === 'string' ? a : a.value)
  })
  parser.write(xml).close()
  return { error, values }
}

const XML_PARTS = /\.(xml|rels)$/

async function checkEveryPart(bytes: Uint8Array): Promise<number> {
  const parts = await unzipDocx(bytes)
  let checked = 0
  for (const [name, xml] of Object.entries(parts)) {
    if (!XML_PARTS.test(name)) continue
    const { error } = strictParse(xml)
    expect(error, `${name}: ${error}`).toBeNull()
    checked++
  }
  return checked
}

describe('strict parser', () => {
  it('really rejects what XML forbids (so the property below means something)', () => {
    for (const bad of ['\uFFFE', '\uFFFF', '\u0001', '\uD800', '\uDC00']) {
      expect(strictParse(`<a b="x${bad}">t</a>`).error, JSON.stringify(bad)).not.toBeNull()
      expect(strictParse(`<a>t${bad}</a>`).error, JSON.stringify(bad)).not.toBeNull()
    }
    expect(strictParse('<a b="1">t</a>').error).toBeNull()
  })
})

describe('xmlSafeText', () => {
  it('keeps ordinary text, astral characters and markup characters (the writer escapes those)', () => {
    expect(xmlSafeText('青石镇𠀀😀 & <b> "x" \t\n')).toBe('青石镇𠀀😀 & <b> "x" \t\n')
  })
  it('drops noncharacters, lone surrogates, C0 and C1 controls', () => {
    expect(xmlSafeText('张\uFFFE三\uFFFF\uD800x\uDC00\u0001\u0085\u009F\uD83F\uDFFE\uFDD0')).toBe('张三x')
  })
})

describe('every XML part of every export is legal (property)', () => {
  it('ordinary exports: 150 generated reports', async () => {
    await fc.assert(
      fc.asyncProperty(hostileReport, async (report) => {
        expect(await checkEveryPart(await exportReportDocx(report, GBT9704_PROFILE))).toBeGreaterThanOrEqual(8)
      }),
      { numRuns: 150, seed: 12_04 }
    )
  }, 240_000)

  it('review copies: 160 generated reports with comments by hostile names and tracked changes', async () => {
    let withComments = 0
    await fc.assert(
      fc.asyncProperty(hostileReviewCase, async ({ report, threads }) => {
        const copy = prepareReviewExport(report, threads)
        const bytes = await exportReportDocx(copy, GBT9704_PROFILE)
        const parts = await unzipDocx(bytes)
        if (threads.length) {
          withComments++
          expect(parts['word/comments.xml']).toBeDefined()
        }
        await checkEveryPart(bytes)
      }),
      { numRuns: 160, seed: 15_04 }
    )
    expect(withComments).toBeGreaterThan(50)
  }, 240_000)

  it('attachment pages and file properties too', async () => {
    await fc.assert(
      fc.asyncProperty(hostileReport, hostileString(4), fc.array(fc.array(hostileString(2), { minLength: 2, maxLength: 2 }), { maxLength: 3 }), async (report, label, rows) => {
        const bytes = await exportReportDocx(report, GBT9704_PROFILE, {
          attachments: [
            {
              number: 1,
              label: '附件1',
              title: label,
              paragraphs: [label],
              table: {
                columns: [
                  { header: label, widthChars: 10, align: 'left' },
                  { header: '数值', widthChars: 8, align: 'center' }
                ],
                rows: rows.map((cells) => ({ cells }))
              }
            }
          ]
        })
        const parts = await unzipDocx(bytes)
        const core = strictParse(parts['docProps/core.xml'])
        expect(core.error).toBeNull()
        await checkEveryPart(bytes)
      }),
      { numRuns: 20, seed: 15_05 }
    )
  }, 120_000)
})
