// The top-level block (the preamble or a chapter) holding the selection is always laid out.
// Chapters off screen are skipped by `content-visibility: auto` (EditorView.vue); a caret put
// into a skipped chapter (an outline jump to an empty section, a search hit) relies on Chromium
// laying it out before the first key arrives, and once in CI the first key typed after an
// outline jump was lost (navigation.test.ts; not reproduced on demand). A node decoration marks
// the block (class `report-block--caret`, CSS: content-visibility visible) in the same update
// that moves the selection, so it is laid out before any key can reach it.
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'

export const CARET_BLOCK_CLASS = 'report-block--caret'

const key = new PluginKey<DecorationSet>('caretBlock')

/** [from, to) of the top-level blocks the selection touches (anchor and head). */
function caretBlocks(state: EditorState): Array<[number, number]> {
  const out: Array<[number, number]> = []
  for (const $pos of [state.selection.$anchor, state.selection.$head]) {
    if ($pos.depth < 1) continue
    const from = $pos.before(1)
    const to = $pos.after(1)
    if (!out.some(([f]) => f === from)) out.push([from, to])
  }
  return out.sort((a, b) => a[0] - b[0])
}

function decorate(state: EditorState): DecorationSet {
  return DecorationSet.create(state.doc, caretBlocks(state).map(([from, to]) => Decoration.node(from, to, { class: CARET_BLOCK_CLASS })))
}

export function caretBlockPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: (_config, state) => decorate(state),
      apply(tr, set, _oldState, newState) {
        if (!tr.docChanged && !tr.selectionSet) return set
        const want = caretBlocks(newState)
        // Typing inside the same block (the common keystroke): the mapped set is already right.
        const mapped = tr.docChanged ? set.map(tr.mapping, tr.doc) : set
        const have = mapped.find().sort((a, b) => a.from - b.from)
        if (have.length === want.length && have.every((d, i) => d.from === want[i][0] && d.to === want[i][1])) return mapped
        return decorate(newState)
      }
    },
    props: {
      decorations: (state) => key.getState(state)
    }
  })
}
