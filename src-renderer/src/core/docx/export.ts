// DOCX bytes and a file name for a resolved report.
import { Packer } from 'docx'
import type { ResolvedReport } from '../resolved'
import { GBT9704_PROFILE, type LayoutProfile } from '../layout'
import { buildReportDocument, type BuildOptions } from './build'
import { finishPackage } from './package'

/** What exportReportDocx has finished: the docx tree, the zip packed by docx, the package step. */
export type PackStep = 'build' | 'pack' | 'package'

/** The .docx file as bytes. ArrayBuffer output works both in the renderer bundle and in Node. */
export async function exportReportDocx(
  report: ResolvedReport,
  profile: LayoutProfile = GBT9704_PROFILE,
  options: BuildOptions = {},
  onStep: (step: PackStep) => void = () => {}
): Promise<Uint8Array> {
  const document = buildReportDocument(report, profile, options)
  onStep('build')
  const buffer = await Packer.toArrayBuffer(document)
  onStep('pack')
  const bytes = finishPackage(new Uint8Array(buffer), profile)
  onStep('package')
  return bytes
}

// File names live apart from the DOCX writer so the PDF export can use them without docx.
export { MAX_FILE_NAME_BYTES, MAX_FILE_STEM_LENGTH, suggestedDocxFileName, suggestedFileName, suggestedFileStem } from './file-name'
