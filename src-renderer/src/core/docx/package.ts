// The one step after the docx library has packed the file: what docx 9 cannot write. It
// replaces word/fontTable.xml (altName, charset, PANOSE and family hints for every face, see
// ./font-table.ts) and adds to word/styles.xml the East-Asian line-breaking rules (kinsoku on,
// overflowPunct off, so "，" and "、" never hang into the right margin) and w:snapToGrid off on
// the report's own paragraph styles (./styles.ts). Pure: bytes in, bytes out (fflate).
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import type { LayoutProfile } from '../layout'
import { fontTableXml } from './font-table'
import { GRID_FREE_STYLE_IDS, STYLE, usedFonts } from './styles'

/** Kinsoku (no line starts with closing punctuation) on; punctuation may not hang past the margin. */
const LINE_BREAK_RULES = '<w:kinsoku/><w:overflowPunct w:val="0"/>'
const SNAP_OFF = '<w:snapToGrid w:val="0"/>'

/** Elements of w:pPr that the schema puts after w:snapToGrid (and after widowControl, kinsoku, overflowPunct). */
const AFTER_SNAP = /<w:(spacing|ind|contextualSpacing|mirrorIndents|suppressOverlap|jc|textDirection|textAlignment|textboxTightWrap|outlineLvl|divId|cnfStyle|rPr|sectPr|pPrChange)\b|<\/w:pPr>/

function insertIntoPPr(styleXml: string, insert: string): string {
  const open = styleXml.indexOf('<w:pPr>')
  if (open < 0) {
    // No paragraph properties yet: they go before w:rPr (or at the end of the style).
    const at = styleXml.search(/<w:rPr>|<\/w:style>/)
    return `${styleXml.slice(0, at)}<w:pPr>${insert}</w:pPr>${styleXml.slice(at)}`
  }
  const start = open + '<w:pPr>'.length
  const rel = styleXml.slice(start).search(AFTER_SNAP)
  const at = start + rel
  return `${styleXml.slice(0, at)}${insert}${styleXml.slice(at)}`
}

/** styles.xml with the line-breaking rules in the defaults and Normal, and grid-free styles. */
export function patchStyles(xml: string): string {
  const defaults = '<w:pPrDefault><w:pPr>'
  if (!xml.includes(defaults)) throw new Error('docx: styles.xml has no paragraph defaults to extend')
  let out = xml.replace(defaults, `${defaults}${LINE_BREAK_RULES}`)
  const patchStyle = (id: string, insert: string) => {
    // Normal is written with w:default="1"; others end the tag after the id.
    const head = `<w:style w:type="paragraph" w:styleId="${id}"`
    let from = out.indexOf(`${head}>`)
    if (from < 0) from = out.indexOf(`${head} `)
    if (from < 0) throw new Error(`docx: style ${id} not written`)
    const to = out.indexOf('</w:style>', from)
    out = out.slice(0, from) + insertIntoPPr(out.slice(from, to), insert) + out.slice(to)
  }
  // Normal (the body text) repeats the rules, as some readers take paragraph defaults only from
  // the base style, and drops widow/orphan control, which would leave pages at 21 lines.
  for (const id of GRID_FREE_STYLE_IDS) {
    patchStyle(id, id === STYLE.normal ? `<w:widowControl w:val="0"/>${LINE_BREAK_RULES}${SNAP_OFF}` : SNAP_OFF)
  }
  return out
}

export function finishPackage(bytes: Uint8Array, profile: LayoutProfile): Uint8Array {
  const files = unzipSync(bytes)
  const styles = files['word/styles.xml']
  if (!styles || !files['word/fontTable.xml']) throw new Error('docx: package lacks styles.xml or fontTable.xml')
  files['word/styles.xml'] = strToU8(patchStyles(strFromU8(styles)))
  files['word/fontTable.xml'] = strToU8(fontTableXml(usedFonts(profile)))
  return zipSync(files, { level: 6 })
}
