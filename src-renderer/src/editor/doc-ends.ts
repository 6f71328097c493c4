// Ctrl+End / Ctrl+Home (and with Shift, extending the selection) done by ProseMirror rather than
// by the browser. Chromium computes the document's end from layout, and report sections off
// screen are skipped by `content-visibility: auto`: its Ctrl+End stopped at the start of the last
// section's title, so the clerk's next words went into that heading. The document's own first and
// last text positions do not depend on what is laid out.
import { Selection, TextSelection, type Command } from '@tiptap/pm/state'

function toEnd(atEnd: boolean, extend: boolean): Command {
  return (state, dispatch) => {
    const target = atEnd ? Selection.atEnd(state.doc) : Selection.atStart(state.doc)
    if (dispatch) {
      const selection = extend ? TextSelection.between(state.selection.$anchor, target.$head) : target
      dispatch(state.tr.setSelection(selection).scrollIntoView())
    }
    return true
  }
}

/** Caret (or, extending, the selection's head) at the end of the last paragraph. */
export const caretToDocEnd = (extend = false): Command => toEnd(true, extend)
/** Caret (or, extending, the selection's head) at the start of the first paragraph. */
export const caretToDocStart = (extend = false): Command => toEnd(false, extend)
