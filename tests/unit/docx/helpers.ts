// Hand-built resolved reports and DOCX unzipping shared by the DOCX tests.
import { Window } from 'happy-dom'
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

/** Part text (document.xml, footers) → its package's styles.xml, so parsed parts can resolve styles. */
const stylesOfPart = new Map<string, string>()
const stylesOfDoc = new WeakMap<object, Document>()

export async function unzipDocx(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes)
  const out: Record<string, string> = {}
  for (const name of Object.keys(zip.files)) {
    if (!zip.files[name].dir) out[name] = await zip.files[name].async('string')
  }
  const styles = out['word/styles.xml']
  if (styles) for (const name of Object.keys(out)) if (/^word\/(document|footer\d*|header\d*)\.xml$/.test(name)) stylesOfPart.set(out[name], styles)
  return out
}

const parser = new new Window().DOMParser()

/** Parses OOXML; happy-dom reports unbalanced markup as a parsererror element. */
export function parseXml(xml: string): Document {
  const doc = parser.parseFromString(xml, 'application/xml') as unknown as Document
  const styles = stylesOfPart.get(xml)
  if (styles !== undefined) stylesOfDoc.set(doc, parser.parseFromString(styles, 'application/xml') as unknown as Document)
  return doc
}

/** A style and the styles it is based on, nearest first. */
function styleChain(styles: Document, id: string | null, type: 'paragraph' | 'character'): Element[] {
  const all = Array.from(styles.getElementsByTagName('w:style')).filter((s) => s.getAttribute('w:type') === type)
  const byId = new Map(all.map((s) => [s.getAttribute('w:styleId'), s]))
  let style = id !== null ? byId.get(id) : all.find((s) => ['1', 'true'].includes(s.getAttribute('w:default') ?? ''))
  const chain: Element[] = []
  while (style && !chain.includes(style)) {
    chain.push(style)
    style = byId.get(child(style, 'w:basedOn')?.getAttribute('w:val') ?? '')
  }
  return chain
}

function defaultsProp(styles: Document, kind: 'w:pPrDefault' | 'w:rPrDefault', name: string, attr: string): string | null {
  const props = child(styles.getElementsByTagName(kind)[0], kind === 'w:pPrDefault' ? 'w:pPr' : 'w:rPr')
  return child(props, name)?.getAttribute(attr) ?? null
}

function paragraphOf(el: Element): Element | null {
  let node: Element | null = el
  while (node && node.tagName !== 'w:p') node = node.parentElement
  return node
}

export function isWellFormed(xml: string): boolean {
  return parseXml(xml).getElementsByTagName('parsererror').length === 0
}

/** Direct children of `el` with the given qualified name, e.g. 'w:pPr'. */
export function child(el: Element | null | undefined, name: string): Element | null {
  if (!el) return null
  for (const c of Array.from(el.children)) if (c.tagName === name) return c
  return null
}

export function all(root: Document | Element, name: string): Element[] {
  return Array.from(root.getElementsByTagName(name))
}

/** Text of a paragraph: its w:t contents joined (line breaks as '\n'). */
export function paragraphText(p: Element): string {
  let out = ''
  for (const el of all(p, '*')) {
    if (el.tagName === 'w:t') out += el.textContent ?? ''
    if (el.tagName === 'w:br') out += '\n'
  }
  return out
}

/**
 * The value a paragraph property has in effect, as Word resolves it: written on the paragraph,
 * else on its style or the styles that style is based on, else in the document defaults.
 * E.g. pProp(p, 'w:ind', 'w:firstLine').
 */
export function pProp(p: Element, name: string, attr: string): string | null {
  const direct = child(child(p, 'w:pPr'), name)?.getAttribute(attr)
  if (direct != null) return direct
  const styles = stylesOfDoc.get(p.ownerDocument)
  if (!styles) return null
  const id = child(child(p, 'w:pPr'), 'w:pStyle')?.getAttribute('w:val') ?? null
  for (const style of styleChain(styles, id, 'paragraph')) {
    const v = child(child(style, 'w:pPr'), name)?.getAttribute(attr)
    if (v != null) return v
  }
  return defaultsProp(styles, 'w:pPrDefault', name, attr)
}

/** The run property in effect: the run, its character style, its paragraph's style chain, defaults. */
export function rProp(r: Element, name: string, attr: string): string | null {
  const direct = child(child(r, 'w:rPr'), name)?.getAttribute(attr)
  if (direct != null) return direct
  const styles = stylesOfDoc.get(r.ownerDocument)
  if (!styles) return null
  const rStyle = child(child(r, 'w:rPr'), 'w:rStyle')?.getAttribute('w:val')
  const p = paragraphOf(r)
  const pStyle = p ? (child(child(p, 'w:pPr'), 'w:pStyle')?.getAttribute('w:val') ?? null) : null
  const chain = [...(rStyle ? styleChain(styles, rStyle, 'character') : []), ...styleChain(styles, pStyle, 'paragraph')]
  for (const style of chain) {
    const v = child(child(style, 'w:rPr'), name)?.getAttribute(attr)
    if (v != null) return v
  }
  return defaultsProp(styles, 'w:rPrDefault', name, attr)
}

/** The paragraph's style id (null: Normal). */
export function pStyle(p: Element): string | null {
  return child(child(p, 'w:pPr'), 'w:pStyle')?.getAttribute('w:val') ?? null
}

export function runs(p: Element): Element[] {
  return all(p, 'w:r').filter((r) => child(r, 'w:t') !== null && (child(r, 'w:t')!.textContent ?? '') !== '')
}
