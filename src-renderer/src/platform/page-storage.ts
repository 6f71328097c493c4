// The page's localStorage, or null where the page may not use it (a sandboxed or opaque origin
// throws on access). Opened on first use: the first touch costs a window start ~10 ms.
export function pageStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}
