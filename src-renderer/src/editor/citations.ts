// How many chips cite each metric, cached per block node so a keystroke re-scans one block.
import type { Node as PMNode } from '@tiptap/pm/model'
import { forEachBlock } from './doc'

export class CitationCounter {
  private cache = new WeakMap<PMNode, Map<string, number>>()

  /** Citations within one block (cached per node object). */
  block(node: PMNode): Map<string, number> {
    let counts = this.cache.get(node)
    if (!counts) {
      const found = new Map<string, number>()
      node.descendants((child) => {
        if (child.type.name === 'metric') found.set(child.attrs.metricId, (found.get(child.attrs.metricId) ?? 0) + 1)
        return !child.isInline
      })
      counts = found
      this.cache.set(node, counts)
    }
    return counts
  }

  count(doc: PMNode): Map<string, number> {
    const total = new Map<string, number>()
    forEachBlock(doc, (node) => {
      for (const [id, n] of this.block(node)) total.set(id, (total.get(id) ?? 0) + n)
    })
    return total
  }

  /** The first section (block id) citing each metric, in document order. */
  firstSections(doc: PMNode): Map<string, string> {
    const first = new Map<string, string>()
    forEachBlock(doc, (node) => {
      for (const id of this.block(node).keys()) if (!first.has(id)) first.set(id, node.attrs.id)
    })
    return first
  }
}
