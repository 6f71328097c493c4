// Opening a .docx safely. The bytes are sniffed first (OLE/encrypted, PDF, RTF, not a zip),
// then the central directory is listed with fflate (entry count, declared sizes, names), and
// only the XML parts import needs are inflated — through fflate's streaming inflater, fed in
// small chunks, counting the bytes that actually come out, so a zip bomb or an entry that
// lies about its size is stopped after the cap rather than after the memory is gone. Media
// (images, embedded objects) are never inflated at all.
import { Unzip, UnzipInflate, unzipSync } from 'fflate'
import { ImportError } from './errors'

export interface ZipLimits {
  /** Largest file accepted at all (bytes). */
  maxFileBytes: number
  /** Most entries a package may list. */
  maxEntries: number
  /** Total inflated XML the import may read, declared or actual (bytes). */
  maxXmlBytes: number
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxEntries: 2000,
  maxXmlBytes: 50 * 1024 * 1024
}

/** The package parts import reads; everything else is left compressed. */
export const WANTED_PARTS = [
  '[Content_Types].xml',
  'word/document.xml',
  'word/styles.xml',
  'word/numbering.xml',
  'word/comments.xml',
  'word/_rels/document.xml.rels'
] as const

export type WantedPart = (typeof WANTED_PARTS)[number]

export interface DocxPackage {
  /** Part name → its text (UTF-8 decoded). Parts absent from the package are absent here. */
  parts: Map<string, string>
  /** Every entry name, for the checks that look at names only (vbaProject.bin, traversal). */
  entryNames: string[]
  /** Entries ignored because their name leaves the package root (../, absolute, drive letters). */
  unsafeNames: string[]
}

const CHUNK = 16 * 1024

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b)
}

/** The container kind, from the first bytes: refuses what is not a zip with the reason. */
export function sniffContainer(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new ImportError('empty')
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) throw new ImportError('ole')
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) throw new ImportError('pdf') // %PDF
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) throw new ImportError('rtf') // {\rtf
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && !startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) throw new ImportError('not-zip')
}

/** A part name that stays inside the package: no '..' segment, not absolute, no drive or backslash. */
export function isSafePartName(name: string): boolean {
  if (name === '' || name.startsWith('/') || name.includes('\\') || /^[a-zA-Z]:/.test(name) || name.includes('\0')) return false
  return !name.split('/').some((seg) => seg === '..' || seg === '.')
}

const isMedia = (name: string) => !/\.(xml|rels)$/i.test(name)

interface EntryInfo {
  name: string
  size: number
  originalSize: number
  compression: number
}

function listEntries(bytes: Uint8Array, limits: ZipLimits): EntryInfo[] {
  const entries: EntryInfo[] = []
  try {
    // The filter sees every central-directory entry and returns false: nothing is inflated here.
    unzipSync(bytes, {
      filter: (f) => {
        entries.push({ name: f.name, size: f.size, originalSize: f.originalSize, compression: f.compression })
        if (entries.length > limits.maxEntries) throw new ImportError('too-many-entries', `超过 ${limits.maxEntries} 个`)
        return false
      }
    })
  } catch (error) {
    if (error instanceof ImportError) throw error
    // No end-of-central-directory record, or offsets past the end: the zip was cut short.
    throw new ImportError('truncated')
  }
  return entries
}

/**
 * Reads the parts import needs from a .docx. Throws ImportError (Chinese message) for every
 * kind of file that is not a readable, plain .docx.
 */
export function readDocxPackage(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS, onProgress?: (fraction: number) => void): DocxPackage {
  if (bytes.length > limits.maxFileBytes) throw new ImportError('too-large', `${Math.round(bytes.length / 1024 / 1024)} MB`)
  sniffContainer(bytes)
  const entries = listEntries(bytes, limits)
  const names = entries.map((e) => e.name)
  const unsafeNames = names.filter((n) => !isSafePartName(n))
  const wanted = new Map<string, EntryInfo>()
  for (const e of entries) {
    if (!isSafePartName(e.name) || isMedia(e.name)) continue
    if ((WANTED_PARTS as readonly string[]).includes(e.name)) wanted.set(e.name, e)
  }
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) throw new ImportError('macro')
  if (!wanted.has('word/document.xml')) throw new ImportError('not-docx')
  let declared = 0
  for (const e of wanted.values()) {
    if (e.compression !== 0 && e.compression !== 8) throw new ImportError('unsupported')
    declared += e.originalSize
  }
  if (declared > limits.maxXmlBytes) throw new ImportError('bomb', `声明解压后 ${Math.round(declared / 1024 / 1024)} MB`)
  return { parts: inflateWanted(bytes, new Set(wanted.keys()), limits, onProgress), entryNames: names, unsafeNames }
}

function inflateWanted(bytes: Uint8Array, wanted: Set<string>, limits: ZipLimits, onProgress?: (fraction: number) => void): Map<string, string> {
  const chunks = new Map<string, Uint8Array[]>()
  let total = 0
  let failure: unknown = null
  const unzip = new Unzip((file) => {
    if (!wanted.has(file.name) || chunks.has(file.name)) return // never started: never inflated
    const parts: Uint8Array[] = []
    chunks.set(file.name, parts)
    file.ondata = (err, data) => {
      if (failure) return
      if (err) {
        failure = err
        return
      }
      total += data.length
      if (total > limits.maxXmlBytes) {
        failure = new ImportError('bomb', `实际解压超过 ${Math.round(limits.maxXmlBytes / 1024 / 1024)} MB`)
        file.terminate()
        return
      }
      parts.push(data)
    }
    file.start()
  })
  unzip.register(UnzipInflate)
  try {
    // Small pushes keep each inflate step, and so the memory a bomb can claim between two
    // checks, bounded (deflate expands at most ~1000:1).
    for (let off = 0; off < bytes.length && !failure; off += CHUNK) {
      unzip.push(bytes.subarray(off, Math.min(off + CHUNK, bytes.length)), off + CHUNK >= bytes.length)
      // About every megabyte: enough for a progress bar on a large file, cheap on a small one.
      if (onProgress && off % (64 * CHUNK) === 0) onProgress(Math.min(1, off / bytes.length))
    }
  } catch (error) {
    if (!failure) failure = error
  }
  if (failure instanceof ImportError) throw failure
  if (failure) throw new ImportError('truncated')
  const decoder = new TextDecoder('utf-8')
  const out = new Map<string, string>()
  for (const [name, parts] of chunks) {
    const size = parts.reduce((n, p) => n + p.length, 0)
    const joined = new Uint8Array(size)
    let at = 0
    for (const p of parts) {
      joined.set(p, at)
      at += p.length
    }
    out.set(name, decoder.decode(joined))
  }
  return out
}
