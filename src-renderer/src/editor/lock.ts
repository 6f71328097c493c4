// The approval lock inside the editor: while on, no transaction may change the document —
// not typing, and also not the commands that bypass `editable` (undo/redo, bold, replace,
// inserting a chip, outline commands). Only comment anchors may be set while allowed (the
// clerk answering a submitted report). The data layer refuses such writes too (db/lock.ts);
// this keeps the in-memory document equal to what is stored.
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { AddMarkStep, RemoveMarkStep } from '@tiptap/pm/transform'

export interface EditorLockState {
  locked: boolean
  /** Comment marks may still be added or removed (everything else stays refused). */
  allowComments: boolean
}

export const editorLockKey = new PluginKey<EditorLockState>('approvalLock')

const OPEN: EditorLockState = { locked: false, allowComments: true }

function onlyCommentMarks(tr: Transaction): boolean {
  return tr.steps.every((step) => (step instanceof AddMarkStep || step instanceof RemoveMarkStep) && (step as AddMarkStep).mark.type.name === 'comment')
}

export function editorLockPlugin(options: { onRefused?: () => void } = {}): Plugin<EditorLockState> {
  return new Plugin<EditorLockState>({
    key: editorLockKey,
    state: {
      init: () => OPEN,
      apply: (tr, value) => (tr.getMeta(editorLockKey) as EditorLockState | undefined) ?? value
    },
    filterTransaction(tr, state) {
      const lock = editorLockKey.getState(state) ?? OPEN
      if (!lock.locked || !tr.docChanged) return true
      if (lock.allowComments && onlyCommentMarks(tr)) return true
      options.onRefused?.()
      return false
    }
  })
}

export function editorLockOf(state: EditorState): EditorLockState {
  return editorLockKey.getState(state) ?? OPEN
}

/** Turns the lock on or off (a transaction without document change, kept out of undo). */
export function setEditorLock(state: EditorState, dispatch: (tr: Transaction) => void, lock: EditorLockState): void {
  dispatch(state.tr.setMeta(editorLockKey, lock).setMeta('addToHistory', false))
}
