// SHA-256 through WebCrypto (available in Chromium, Electron's renderer, workers and Node 20+):
// the one hash of the app, for content hashes, the audit chain and backup checksums.
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource)
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}
