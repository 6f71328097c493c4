// Outline entries in a narrow column: a long title is shortened in the MIDDLE ("2024年度推进…的主要举措"),
// so titles that start alike stay tellable apart; the full title is in the entry's tooltip.

/** Display width in CJK character cells: digits, Latin letters and ASCII punctuation count about half. */
export function cells(text: string): number {
  let w = 0
  for (const ch of text) w += ch.charCodeAt(0) < 0x2e80 ? 0.55 : 1
  return w
}

function takeCells(chars: string[], max: number, fromEnd: boolean): string {
  const out: string[] = []
  let w = 0
  const list = fromEnd ? [...chars].reverse() : chars
  for (const ch of list) {
    const cw = cells(ch)
    if (w + cw > max) break
    out.push(ch)
    w += cw
  }
  return (fromEnd ? out.reverse() : out).join('')
}

/** `title` in at most `max` cells: whole, or head…tail with `tail` cells kept from the end. */
export function middleEllipsis(title: string, max: number, tail = 5): string {
  if (cells(title) <= max) return title
  const chars = Array.from(title)
  const end = takeCells(chars, Math.min(tail, max - 2), true)
  const head = takeCells(chars, max - 1 - cells(end), false)
  return `${head}…${end}`
}

export interface LabelInput {
  title: string
  /** Cells the column has for this entry's title (after its number, indent and tags). */
  room: number
}

function commonPrefix(a: string[], b: string[]): number {
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  return i
}

/**
 * Labels for all entries: middle-shortened to their room. Where different titles would read
 * the same, each is re-cut so its label includes the first character in which it differs from
 * the others: in the head when the titles part early, else in the kept end.
 */
export function outlineLabels(items: readonly LabelInput[]): string[] {
  const labels = items.map((it) => middleEllipsis(it.title, it.room))
  for (let round = 0; round < 4; round++) {
    const groups = new Map<string, number[]>()
    labels.forEach((l, i) => groups.set(l, [...(groups.get(l) ?? []), i]))
    let changed = false
    for (const idx of groups.values()) {
      if (idx.length < 2 || new Set(idx.map((i) => items[i].title)).size < 2) continue
      for (const i of idx) {
        const mine = Array.from(items[i].title)
        const others = idx.filter((j) => j !== i && items[j].title !== items[i].title).map((j) => Array.from(items[j].title))
        const pre = Math.max(...others.map((o) => commonPrefix(mine, o)))
        const suf = Math.max(...others.map((o) => commonPrefix([...mine].reverse(), [...o].reverse())))
        const room = items[i].room
        const headNeeded = cells(mine.slice(0, pre + 1).join(''))
        const tailNeeded = cells(mine.slice(Math.max(0, mine.length - suf - 1)).join(''))
        let next = labels[i]
        if (headNeeded <= room - 2) next = middleEllipsis(items[i].title, room, Math.max(1, room - 1 - headNeeded))
        else if (tailNeeded <= room - 2) next = middleEllipsis(items[i].title, room, tailNeeded)
        if (next !== labels[i]) {
          labels[i] = next
          changed = true
        }
      }
    }
    if (!changed) break
  }
  return labels
}

/** Title cells an outline entry has: the column minus indent, number and the 必写 tag. */
export function roomFor(level: number, number: string, required: boolean, columnCells = 15): number {
  return Math.max(6, Math.floor(columnCells - (level - 1) * 0.9 - cells(number) - (required ? 2.6 : 0)))
}
