// Character counts cached per node identity: after a keystroke only the edited block is a new
// node object, so only it is recounted. Chips count as the text they show; when metric values
// change, the owner calls reset() (chip text changed without the document changing).
import type { Node as PMNode } from '@tiptap/pm/model'
import { countCharacters } from '@core/text'
import { forEachBlock, inlineText } from './doc'

export class CharacterCounter {
  private cache = new WeakMap<PMNode, number>()
  /** Blocks actually counted since creation (lets tests see the cache work). */
  recounts = 0

  constructor(
    private readonly chipText: (metricId: string) => string,
    private readonly count: (text: string) => number = countCharacters
  ) {}

  reset(): void {
    this.cache = new WeakMap()
  }

  /** Characters of one block (preamble or section, title included). */
  block(node: PMNode): number {
    const cached = this.cache.get(node)
    if (cached !== undefined) return cached
    this.recounts++
    let total = 0
    node.forEach((child) => {
      total += this.count(inlineText(child, this.chipText))
    })
    this.cache.set(node, total)
    return total
  }

  document(doc: PMNode): number {
    let total = 0
    forEachBlock(doc, (node) => {
      total += this.block(node)
    })
    return total
  }
}
