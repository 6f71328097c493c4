// Bench-only: row 13's round (bench/versions-round.ts) in a Chromium page, on real IndexedDB.
import { runVersionRound, type RoundInput, type StoreKind } from '../versions-round'

let input: RoundInput | null = null
let counter = 0

;(window as unknown as { __benchVersions: unknown }).__benchVersions = {
  setInput(value: RoundInput): void {
    input = value
  },
  round(kind: StoreKind, measureBytes: boolean) {
    if (!input) throw new Error('setInput first')
    return runVersionRound(kind, input, `huibao-bench-versions-${kind}-${++counter}`, measureBytes)
  }
}
