// Which blocks (preamble, sections) changed since the last save. ProseMirror nodes are immutable and a
// transaction reuses every node it does not touch, so "changed" is an identity comparison:
// a keystroke in one section serialises that section only.
import type { Node as PMNode } from '@tiptap/pm/model'
import type { BlockJSON } from '@core/report'
import { forEachBlock } from './doc'

export interface SavedSnapshot {
  /** The node object last written for each block id. */
  nodes: Map<string, PMNode>
  order: string[]
}

export interface SectionChange {
  changed: BlockJSON[]
  removedIds: string[]
  /** The new order, or null when it did not change. */
  order: string[] | null
}

export function snapshotOf(doc: PMNode): SavedSnapshot {
  const nodes = new Map<string, PMNode>()
  const order: string[] = []
  forEachBlock(doc, (node) => {
    nodes.set(node.attrs.id, node)
    order.push(node.attrs.id)
  })
  return { nodes, order }
}

export function detectChanges(doc: PMNode, saved: SavedSnapshot): { change: SectionChange; next: SavedSnapshot } {
  const changed: BlockJSON[] = []
  const next = snapshotOf(doc)
  let orderChanged = next.order.length !== saved.order.length
  next.order.forEach((id, i) => {
    if (!orderChanged && saved.order[i] !== id) orderChanged = true
    const node = next.nodes.get(id)!
    if (saved.nodes.get(id) !== node) changed.push(node.toJSON() as BlockJSON)
  })
  const removedIds = orderChanged ? saved.order.filter((id) => !next.nodes.has(id)) : []
  return { change: { changed, removedIds, order: orderChanged ? next.order : null }, next }
}

export function isEmptyChange(change: SectionChange): boolean {
  return change.changed.length === 0 && change.removedIds.length === 0 && change.order === null
}
