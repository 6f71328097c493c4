// DOCX bytes and a file name for a resolved report.
import { Packer } from 'docx'
import type { ResolvedReport } from '../resolved'
import { GBT9704_PROFILE, type LayoutProfile } from '../layout'
import { buildReportDocument, type BuildOptions } from './build'
import { finishPackage } from './package'

/** The .docx file as bytes. ArrayBuffer output works both in the renderer bundle and in Node. */
export async function exportReportDocx(
  report: ResolvedReport,
  profile: LayoutProfile = GBT9704_PROFILE,
  options: BuildOptions = {}
): Promise<Uint8Array> {
  const buffer = await Packer.toArrayBuffer(buildReportDocument(report, profile, options))
  return finishPackage(new Uint8Array(buffer), profile)
}

// File names live apart from the DOCX writer so the PDF export can use them without docx.
export { MAX_FILE_NAME_BYTES, MAX_FILE_STEM_LENGTH, suggestedDocxFileName, suggestedFileName, suggestedFileStem } from './file-name'
