// Word (.docx) import: read safely (zip.ts, xml.ts), read the WordprocessingML (read.ts),
// recognise the report (recognise.ts), read the disclosure tables (tables.ts), build (build.ts).
export { ImportError, IMPORT_MESSAGES, type ImportErrorCode } from './errors'
export { DEFAULT_ZIP_LIMITS, readDocxPackage, sniffContainer, type ZipLimits } from './zip'
export { parseDocx } from './read'
export type { ParsedDocx, RawBlock } from './model'
export { recogniseReport, demoteSections, parseChineseDate, reportYear, blockText, type ChangeMode, type RecognisedReport, type ImportedSection, type ImportedBlock } from './recognise'
export { FREE_STRUCTURE, proposeTemplate, planImport, buildImportedReport, paragraphCounts, matchSections, headingSimilarity, type ImportPlan, type ImportInput, type ImportFigure } from './build'
export { matchMetricTables, expandGrid } from './tables'
