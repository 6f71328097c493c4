// XML of a .docx part → a small element tree. saxes is a strict, non-validating streaming
// parser: it never reads a DTD, never fetches anything and expands only the five predefined
// entities; on top of that a DOCTYPE anywhere is refused outright, so entity tricks (billion
// laughs, external entities) cannot even start. Names are normalised to fixed prefixes by
// namespace URI, so a producer that binds WordprocessingML to another prefix still reads.
import { SaxesParser } from 'saxes'
import { ImportError } from './errors'

export interface XElement {
  /** 'w:p', 'mc:AlternateContent', 'Relationship' (no prefix for unknown/no namespace). */
  name: string
  attrs: Record<string, string>
  children: XNode[]
}
export type XNode = XElement | string

const PREFIXES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'urn:schemas-microsoft-com:vml': 'v',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a'
}

function qualified(uri: string | undefined, local: string, prefix: string): string {
  if (!uri) return local
  const p = PREFIXES[uri] ?? prefix
  return p ? `${p}:${local}` : local
}

/** Parses one part. Throws ImportError('doctype') for any DTD, ImportError('bad-xml') for malformed XML. */
export function parseXml(text: string): XElement {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new ImportError('doctype')
  const parser = new SaxesParser({ xmlns: true, position: false })
  const root: XElement = { name: '#root', attrs: {}, children: [] }
  const stack: XElement[] = [root]
  let failure: unknown = null
  parser.on('doctype', () => {
    failure ??= new ImportError('doctype')
  })
  parser.on('error', (err) => {
    failure ??= err
  })
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {}
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue
      attrs[qualified(a.uri, a.local, a.prefix)] = a.value
    }
    const el: XElement = { name: qualified(tag.uri, tag.local, tag.prefix), attrs, children: [] }
    stack[stack.length - 1].children.push(el)
    stack.push(el)
  })
  parser.on('closetag', () => {
    stack.pop()
  })
  const onText = (t: string) => {
    const top = stack[stack.length - 1]
    // Whitespace between elements matters only inside w:t / w:delText / w:instrText.
    if (top !== root) top.children.push(t)
  }
  parser.on('text', onText)
  parser.on('cdata', onText)
  try {
    parser.write(text).close()
  } catch (error) {
    failure ??= error
  }
  if (failure instanceof ImportError) throw failure
  if (failure) throw new ImportError('bad-xml')
  const top = root.children.find((c): c is XElement => typeof c !== 'string')
  if (!top) throw new ImportError('bad-xml')
  return top
}

// ---- Small helpers over the tree -------------------------------------------------------------

export function elements(el: XElement | undefined, name?: string): XElement[] {
  if (!el) return []
  return el.children.filter((c): c is XElement => typeof c !== 'string' && (name === undefined || c.name === name))
}

export function child(el: XElement | undefined, name: string): XElement | undefined {
  return el?.children.find((c): c is XElement => typeof c !== 'string' && c.name === name)
}

/** Path of child names, e.g. path(p, 'w:pPr', 'w:pStyle'). */
export function path(el: XElement | undefined, ...names: string[]): XElement | undefined {
  let cur = el
  for (const n of names) cur = child(cur, n)
  return cur
}

export function textOf(el: XElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('')
}

/** w:val of an element, or undefined. */
export function val(el: XElement | undefined): string | undefined {
  return el?.attrs['w:val']
}

/** An on/off property (w:b, w:tblHeader …): present and not false/0/off. */
export function isOn(el: XElement | undefined): boolean {
  if (!el) return false
  const v = el.attrs['w:val']
  return v === undefined || !/^(false|0|off|none)$/i.test(v)
}
