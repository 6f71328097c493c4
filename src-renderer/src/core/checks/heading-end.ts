// 标题末尾标点: a heading ending with ，、；： is unfinished; headings of one level should all end
// without a mark or all with 。 (run-in headings), not some of each.
import type { CheckItem, CheckRule, TextUnit } from './types'
import { unitItem } from './units'

export const headingEnd: CheckRule = {
  id: 'heading-end',
  family: 'format',
  name: '标题末尾标点不一致',
  run({ units }) {
    const out: CheckItem[] = []
    const byLevel = new Map<number, { stop: TextUnit[]; none: TextUnit[] }>()
    for (const u of units) {
      if (u.kind !== 'heading' || u.text === '') continue
      const last = u.text[u.text.length - 1]
      if (/[，、；：,;:]/.test(last)) {
        out.push(unitItem(this, '建议检查', u, u.text.length - 1, u.text.length, `标题以“${last}”结尾，请删去或补全标题`, { to: '', label: `删去“${last}”` }))
        continue
      }
      const g = byLevel.get(u.level ?? 0) ?? { stop: [], none: [] }
      byLevel.set(u.level ?? 0, g)
      if (/[。.]/.test(last)) g.stop.push(u)
      else if (!/[）)”》！？]/.test(last)) g.none.push(u)
    }
    for (const [level, g] of byLevel) {
      if (g.stop.length === 0 || g.none.length === 0) continue
      // Flag the minority; on a tie the full stops (GB/T 9704 headings usually end bare).
      if (g.stop.length <= g.none.length) {
        for (const u of g.stop) out.push(unitItem(this, '建议检查', u, u.text.length - 1, u.text.length, `同级（第${level}级）的其他标题末尾没有句号，本标题有；请统一`, { to: '', label: '删去句号' }))
      } else {
        for (const u of g.none) out.push(unitItem(this, '建议检查', u, u.text.length, u.text.length, `同级（第${level}级）的其他标题以句号结尾，本标题没有；请统一`, { to: '。', label: '补上句号' }))
      }
    }
    return out
  }
}
