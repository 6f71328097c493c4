// DOCX bytes and a file name for a resolved report.
import { Packer } from 'docx'
import type { ResolvedReport } from '../resolved'
import { GBT9704_PROFILE, type LayoutProfile } from '../layout'
import { buildReportDocument, type BuildOptions } from './build'
import { stripXmlIllegal } from '../text'

/** The .docx file as bytes. ArrayBuffer output works both in the renderer bundle and in Node. */
export async function exportReportDocx(
  report: ResolvedReport,
  profile: LayoutProfile = GBT9704_PROFILE,
  options: BuildOptions = {}
): Promise<Uint8Array> {
  const buffer = await Packer.toArrayBuffer(buildReportDocument(report, profile, options))
  return new Uint8Array(buffer)
}

/** Characters Windows forbids in file names, plus controls. */
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001F\u007F]/g
/** Device names Windows reserves whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i
/** Keeps the full path under Windows' 260-character limit in a typical documents folder. */
export const MAX_FILE_STEM_LENGTH = 80
const FALLBACK_STEM = '报告'

/** Report title → a file name Windows accepts, e.g. '梁洼镇关于2024年法治政府建设情况的报告.docx'. */
export function suggestedDocxFileName(title: string): string {
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
  return `${stem}.docx`
}
