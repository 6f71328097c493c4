import { describe, expect, it } from 'vitest'
import type { ReportDocJSON } from '@core/report'
import { CharacterCounter } from '../../../src-renderer/src/editor/counts'
import { CitationCounter } from '../../../src-renderer/src/editor/citations'
import { reportSchema } from '../../../src-renderer/src/editor/schema'
import { docJSON, posInBlock, stateOf } from './helpers'
import { blockAt, editorDocJSON } from '../../../src-renderer/src/editor/doc'

describe('character counts', () => {
  it('counts every non-space character, titles included, chips as their shown text', () => {
    const json: ReportDocJSON = {
      type: 'doc',
      content: [
        { type: 'preamble', attrs: { id: 'preamble' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: '导语 两句。' }] }] },
        {
          type: 'section',
          attrs: { id: 'a', level: 1, templateKey: null, required: false },
          content: [
            { type: 'sectionTitle', content: [{ type: 'text', text: '举措' }] },
            { type: 'paragraph', content: [{ type: 'text', text: '巡查' }, { type: 'metric', attrs: { metricId: 'm' } }, { type: 'text', text: '。' }] }
          ]
        }
      ]
    }
    const doc = reportSchema().nodeFromJSON(editorDocJSON(json))
    let chip = '120余次'
    const counter = new CharacterCounter(() => chip)
    // 导语两句。 = 5; 举措 = 2; 巡查120余次。 = 8
    expect(counter.block(blockAt(doc, 0))).toBe(5)
    expect(counter.block(blockAt(doc, 1))).toBe(10)
    expect(counter.document(doc)).toBe(15)
    chip = '【未填：日常巡查次数】'
    counter.reset()
    expect(counter.block(blockAt(doc, 1))).toBe(2 + 2 + 11 + 1)
  })

  it('recounts only the block a keystroke changed', () => {
    let state = stateOf(docJSON([{ id: 'a', level: 1, title: '甲', paragraphs: ['一二三'] }, { id: 'b', level: 1, title: '乙' }, { id: 'c', level: 1, title: '丙' }]))
    const counter = new CharacterCounter(() => '')
    expect(counter.document(state.doc)).toBe(2 + 4 + 1 + 1)
    const after = counter.recounts
    state = state.apply(state.tr.insertText('四五', posInBlock(state, 2)))
    expect(counter.document(state.doc)).toBe(10)
    expect(counter.recounts - after).toBe(1)
  })

  it('counts how many chips cite each metric', () => {
    const json = docJSON([{ id: 'a', level: 1, title: '甲' }])
    json.content[1].content.push({
      type: 'paragraph',
      content: [{ type: 'metric', attrs: { metricId: 'x' } }, { type: 'text', text: '和' }, { type: 'metric', attrs: { metricId: 'x' } }, { type: 'metric', attrs: { metricId: 'y' } }]
    })
    const doc = reportSchema().nodeFromJSON(editorDocJSON(json))
    expect([...new CitationCounter().count(doc)]).toEqual([['x', 2], ['y', 1]])
  })
})
