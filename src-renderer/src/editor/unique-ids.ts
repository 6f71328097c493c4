// Section ids are storage keys. Pasting a copied section (or splitting one) can produce a
// duplicate or missing id; give such sections fresh ids in the same undo step.
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { forEachBlock, newSectionId } from './doc'
import { blockChange } from './block-changes'

export function uniqueIdsPlugin(idFactory: () => string = newSectionId): Plugin {
  return new Plugin({
    key: new PluginKey('uniqueSectionIds'),
    appendTransaction(trs, _old, state) {
      // Ids can only go wrong when blocks are added or re-attributed; typing never does that.
      if (!trs.some((tr) => blockChange(tr) === 'structure')) return null
      const seen = new Set<string>()
      let tr = null
      forEachBlock(state.doc, (node, offset) => {
        const id = node.attrs.id as string | null
        if (node.type.name === 'section' && (!id || id === 'preamble' || seen.has(id))) {
          tr ??= state.tr
          tr.setNodeMarkup(offset, undefined, { ...node.attrs, id: idFactory() })
        } else if (id) {
          seen.add(id)
        }
      })
      return tr
    }
  })
}
