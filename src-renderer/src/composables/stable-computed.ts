// A computed that keeps its previous value when the new one is equal, so views derived from
// the document (outline, citations, toolbar state) do not re-render on every keystroke.
import { computed, type ComputedRef } from 'vue'

export function stableComputed<T>(get: () => T, equal: (a: T, b: T) => boolean): ComputedRef<T> {
  return computed((previous?: T) => {
    const next = get()
    return previous !== undefined && equal(previous, next) ? previous : next
  })
}

export function shallowEqualObjects<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as (keyof T)[]
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]))
}

export function equalArraysBy<T extends object>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => shallowEqualObjects(item, b[i]))
}

export function equalMaps<K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>): boolean {
  if (a.size !== b.size) return false
  for (const [k, v] of a) if (!Object.is(b.get(k), v)) return false
  return true
}
