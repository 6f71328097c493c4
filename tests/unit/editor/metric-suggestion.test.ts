// The # picker's trigger check: the quick test for the character in front of TipTap's match
// must never change what TipTap finds, only skip its work when nothing can match.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { findSuggestionMatch } from '@tiptap/suggestion'
import { reportSchema } from '../../../src-renderer/src/editor/schema'
import { TRIGGER_CHARS, findTrigger } from '../../../src-renderer/src/editor/metric-suggestion'
import { blockAt, blockPos } from '../../../src-renderer/src/editor/doc'

const schema = reportSchema()

function caretAfter(text: string, at: number) {
  const doc = schema.node('doc', null, [
    schema.node('preamble', null, [schema.node('paragraph')]),
    schema.node('chapter', null, [
      schema.node('section', { id: 's1', level: 1 }, [schema.node('sectionTitle', null, schema.text('标题')), schema.node('paragraph', null, text ? schema.text(text) : undefined)])
    ])
  ])
  doc.check()
  // The paragraph's content starts after doc > preamble(…) > chapter > section > title(…) > paragraph.
  const start = blockPos(doc, 1) + 1 + blockAt(doc, 1).child(0).nodeSize + 1
  return doc.resolve(start + at)
}

const config = (char: string, $position: ReturnType<typeof caretAfter>) => ({ char, allowSpaces: false, allowToIncludeChar: false, allowedPrefixes: null, startOfLine: false, $position })

describe('the # picker trigger', () => {
  it('finds what TipTap finds, for any text and caret, with either trigger', () => {
    const piece = fc.constantFrom('#', '＃', ' ', '全年', '开展', '120', 'a', '，', '。', '\u3000')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(), fc.constantFrom(...TRIGGER_CHARS), (pieces, n, char) => {
        const text = pieces.join('')
        const $pos = caretAfter(text, text.length === 0 ? 0 : n % (text.length + 1))
        expect(findTrigger(config(char, $pos))).toEqual(findSuggestionMatch(config(char, $pos)))
      }),
      { numRuns: 500 }
    )
  })

  it('opens on "#" typed after Chinese text and reads the query after it', () => {
    const $pos = caretAfter('全年查处#巡查', '全年查处#巡查'.length)
    expect(findTrigger(config('#', $pos))).toMatchObject({ query: '巡查', text: '#巡查' })
    expect(findTrigger(config('＃', $pos))).toBeNull()
  })
})
