// Report title → file names for the exports (Word and PDF): what Windows accepts, short enough
// for its 260-character paths and for the 255-byte names of Linux file systems, and free of
// characters that make a name look like something else. Pure, and free of the docx library.
import { stripXmlIllegal } from '../text'

/** Characters Windows forbids in file names, plus C0/C1 controls. */
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001F\u007F-\u009F]/g
/**
 * Bidirectional controls (embeddings, overrides, isolates, marks): U+202E turns
 * "报告\u202Excod.exe" into "报告exe.docx" on screen, so none of them may reach a file name.
 */
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/g
/** Other invisible format characters that make two names look the same. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g
/** Device names Windows reserves whatever the extension ("con.docx", "CON.报告.pdf"). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i
/** Keeps the full path under Windows' 260-character limit in a typical documents folder. */
export const MAX_FILE_STEM_LENGTH = 80
/** Whole file name, extension included, in UTF-8 bytes: well under Linux's 255-byte limit. */
export const MAX_FILE_NAME_BYTES = 200
const FALLBACK_STEM = '报告'

const encoder = new TextEncoder()
const utf8Length = (s: string): number => encoder.encode(s).length

/** The longest prefix of whole characters (code points) that fits `maxBytes` of UTF-8. */
function cutToBytes(s: string, maxBytes: number): string {
  let out = ''
  let bytes = 0
  for (const ch of s) {
    const n = utf8Length(ch)
    if (bytes + n > maxBytes) break
    out += ch
    bytes += n
  }
  return out
}

/**
 * Report title → a file-name stem Windows accepts (no extension), at most `maxBytes` of UTF-8
 * (default: what leaves room for a 5-byte extension such as ".docx").
 */
export function suggestedFileStem(title: string, maxBytes = MAX_FILE_NAME_BYTES - 5): string {
  let stem = stripXmlIllegal(title)
    .replace(BIDI_CONTROLS, '')
    .replace(INVISIBLE, '')
    .replace(/\s*[\r\n]+\s*/g, '')
    .replace(FORBIDDEN, '')
    .replace(/\s+/g, ' ')
    .trim()
  stem = cutToBytes(Array.from(stem).slice(0, MAX_FILE_STEM_LENGTH).join(''), maxBytes)
  // Windows drops trailing dots and spaces, which would change the name the user saw.
  stem = stem.replace(/[. ]+$/, '').trim()
  if (stem === '') stem = FALLBACK_STEM
  // "CON", "con.报告", "LPT1 " are devices to Windows: the part before the first dot decides.
  if (RESERVED.test(stem.split('.')[0].trim())) stem = `_${stem}`
  return stem
}

/** Title + ending (".docx", "（审核稿）.docx": a fixed, safe text) → a name of at most MAX_FILE_NAME_BYTES bytes; the title is cut, never the ending. */
export function suggestedFileName(title: string, extension: string): string {
  return `${suggestedFileStem(title, MAX_FILE_NAME_BYTES - utf8Length(extension))}${extension}`
}

/** Report title → a file name Windows accepts, e.g. '梁洼镇关于2024年法治政府建设情况的报告.docx'. */
export function suggestedDocxFileName(title: string): string {
  return suggestedFileName(title, '.docx')
}
