// Builders for editor tests: a report document from a compact outline description.
import { EditorState, type Plugin } from '@tiptap/pm/state'
import type { ParagraphJSON, ReportDocJSON, SectionJSON, SectionLevel } from '@core/report'
import { reportSchema } from '../../../src-renderer/src/editor/schema'
import { blockPos, editorDocJSON, forEachBlock } from '../../../src-renderer/src/editor/doc'
import { chaptersPlugin } from '../../../src-renderer/src/editor/chapters'

export interface SectionSpec {
  id: string
  level: SectionLevel
  title: string
  paragraphs?: string[]
  required?: boolean
  templateKey?: string | null
}

export function paragraph(text: string): ParagraphJSON {
  return text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' }
}

export function section(spec: SectionSpec): SectionJSON {
  return {
    type: 'section',
    attrs: { id: spec.id, level: spec.level, templateKey: spec.templateKey ?? null, required: spec.required ?? false },
    content: [
      spec.title ? { type: 'sectionTitle', content: [{ type: 'text', text: spec.title }] } : { type: 'sectionTitle' },
      ...(spec.paragraphs ?? ['']).map(paragraph)
    ]
  }
}

export function docJSON(sections: SectionSpec[], preamble = '导语'): ReportDocJSON {
  return {
    type: 'doc',
    content: [{ type: 'preamble', attrs: { id: 'preamble' }, content: [paragraph(preamble)] }, ...sections.map(section)]
  }
}

/** An editor state of a report document (grouped in chapters, with the plugin keeping them so). */
export function stateOf(json: ReportDocJSON, plugins: Plugin[] = []): EditorState {
  const schema = reportSchema()
  return EditorState.create({ schema, doc: schema.nodeFromJSON(editorDocJSON(json)), plugins: [...plugins, chaptersPlugin()] })
}

/** Position inside the title of the block at `index` (1 = first section). */
export function posInBlock(state: EditorState, index: number): number {
  return blockPos(state.doc, index) + 2
}

export function titles(state: EditorState): string[] {
  const out: string[] = []
  forEachBlock(state.doc, (node) => {
    if (node.type.name === 'section') out.push(node.firstChild!.textContent)
  })
  return out
}

export function levels(state: EditorState): number[] {
  const out: number[] = []
  forEachBlock(state.doc, (node) => {
    if (node.type.name === 'section') out.push(node.attrs.level)
  })
  return out
}

/** Document position of the first occurrence of `needle` in the text; throws when it is absent. */
export function posOf(state: EditorState, needle: string): number {
  let found = -1
  state.doc.descendants((node, pos) => {
    if (found >= 0) return false
    if (node.isText && node.text!.includes(needle)) found = pos + node.text!.indexOf(needle)
    return true
  })
  if (found < 0) throw new Error(`not found: ${needle}`)
  return found
}
