// What the reader gets out of a .docx before any recognition: plain, cloneable data (it is
// posted from the import worker to the window).

export type ChangeKind = 'ins' | 'del'

/** A stretch of text with one look and one review state. */
export interface Segment {
  text: string
  bold?: boolean
  /** Inside a tracked insertion (w:ins, w:moveTo) or deletion (w:del, w:moveFrom). */
  change?: ChangeKind
}

export type Alignment = 'left' | 'center' | 'right' | 'both'

export interface RawParagraph {
  kind: 'p'
  segments: Segment[]
  /** Paragraph style's display name ('heading 1', '标题 1', 'Title', 'Normal'…), '' when none. */
  styleName: string
  /** Heading level 1–9 from the style chain or the paragraph's own outlineLvl; 0 for body. */
  outlineLevel: number
  align: Alignment
  /** The number automatic list numbering shows before the text ('一、', '（二）', '3.'), '' when none. */
  numLabel: string
  /** The paragraph came from a floating text box. */
  textBox?: boolean
}

export interface RawCell {
  paragraphs: RawParagraph[]
  /** Grid columns the cell spans (w:gridSpan). */
  span: number
  /** Vertical merge: 'restart' starts a merged cell, 'continue' is covered by the one above. */
  vMerge?: 'restart' | 'continue'
}

export interface RawTable {
  kind: 'table'
  rows: RawCell[][]
  /** No visible borders: a layout table (title, signature) rather than a data table. */
  borderless: boolean
}

export type RawBlock = RawParagraph | RawTable

export interface RawComment {
  author: string
  text: string
}

export interface ParsedDocx {
  blocks: RawBlock[]
  comments: RawComment[]
  /** Tracked insertions and deletions found (counted per w:ins / w:del element). */
  changeCount: { insertions: number; deletions: number }
  /** Authors of tracked changes, for the preview. */
  changeAuthors: string[]
  /** Relationship targets that point outside the package (never followed; listed for the record). */
  externalTargets: string[]
}
