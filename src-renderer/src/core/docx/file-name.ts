// Report title → file names for the exports (Word and PDF): what Windows accepts, short enough
// for its 260-character paths. Pure, and free of the docx library.
import { stripXmlIllegal } from '../text'

/** Characters Windows forbids in file names, plus controls. */
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001F\u007F]/g
/** Device names Windows reserves whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i
/** Keeps the full path under Windows' 260-character limit in a typical documents folder. */
export const MAX_FILE_STEM_LENGTH = 80
const FALLBACK_STEM = '报告'

/** Report title → a file-name stem Windows accepts (no extension). */
export function suggestedFileStem(title: string): string {
  let stem = stripXmlIllegal(title)
    .replace(/\s*[\r\n]+\s*/g, '')
    .replace(FORBIDDEN, '')
    .replace(/\s+/g, ' ')
    .trim()
  stem = Array.from(stem).slice(0, MAX_FILE_STEM_LENGTH).join('')
  // Windows drops trailing dots and spaces, which would change the name the user saw.
  stem = stem.replace(/[. ]+$/, '').trim()
  if (stem === '') stem = FALLBACK_STEM
  if (RESERVED.test(stem)) stem = `${stem}_`
  return stem
}

/** Report title → a file name Windows accepts, e.g. '梁洼镇关于2024年法治政府建设情况的报告.docx'. */
export function suggestedDocxFileName(title: string): string {
  return `${suggestedFileStem(title)}.docx`
}
