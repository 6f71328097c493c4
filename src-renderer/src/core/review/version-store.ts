// How versions are stored (schema v5), pure: a version is split into
//   - its metadata (VersionMeta: label, kind, time, who, hash, sizes), listed without content;
//   - its content row: title/meta, figures and the ordered list of its sections' references;
//   - section rows, content-addressed per report: a section is stored once under the SHA-256
//     of its exact JSON, and every later version whose section is byte-identical refers to it.
// Saving a version after a few edits therefore writes only the sections that changed since any
// earlier version of the report, and its cost does not grow with the number of versions (no
// chain to walk: every version names all of its sections directly, so reading one never needs
// another version, and no version's removal could break another's — sections are only removed
// with the whole report).
import type { BlockJSON, ReportMeta } from '../report'
import type { MetricValue } from '../template'
import { sha256Base64Url } from '../hash'
import type { VersionMeta, VersionSnapshot } from './versions'

/** One version's content, with its sections by reference (in document order). */
export interface VersionContentRow {
  id: string
  reportId: string
  meta: ReportMeta
  values: MetricValue[]
  blocks: string[]
}

/** One section as some version of the report had it, byte for byte. */
export interface VersionBlockRow {
  /** `${reportId}/${ref}`: ref is the SHA-256 (base64url) of JSON.stringify(json). */
  key: string
  reportId: string
  json: BlockJSON
}

export const versionBlockKey = (reportId: string, ref: string): string => `${reportId}/${ref}`

/**
 * References given to the sections of versions saved before schema v5 by the upgrade, which
 * cannot hash (an upgrade transaction must not wait on WebCrypto): one per version and position.
 */
export const legacyBlockRef = (versionId: string, index: number): string => `v4:${versionId}:${index}`

export interface EncodedVersion {
  meta: VersionMeta
  content: VersionContentRow
  /** Every distinct section of the version; the store writes only those it does not have yet. */
  blocks: VersionBlockRow[]
  /** UTF-8 bytes of each block's JSON, by key. */
  blockBytes: Map<string, number>
}

/** UTF-8 length without encoding (no 200 KB buffer per save). */
function utf8Bytes(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4
      i++
    } else n += 3
  }
  return n
}

/**
 * Section JSON → its reference, remembered across saves: most sections of a version are the
 * ones the previous save already hashed, and a Map lookup is far cheaper than a digest each.
 * A pure function's memo (the same text always has the same hash); bounded, then started over.
 */
const refMemo = new Map<string, string>()
/** About a few reports' worth of sections (UTF-16 code units held as keys). */
const REF_MEMO_CHARS = 4_000_000
let refMemoChars = 0

async function sectionRef(text: string): Promise<string> {
  const known = refMemo.get(text)
  if (known) return known
  const ref = await sha256Base64Url(text)
  if (refMemoChars + text.length > REF_MEMO_CHARS) {
    refMemo.clear()
    refMemoChars = 0
  }
  refMemo.set(text, ref)
  refMemoChars += text.length
  return ref
}

/** Splits a version for storage; hashing happens here, before any transaction. */
export async function encodeVersion(version: VersionSnapshot): Promise<EncodedVersion> {
  const { meta, sections, values, size: _size, ...rest } = version
  const texts = sections.map((s) => JSON.stringify(s))
  const refs = await Promise.all(texts.map(sectionRef))
  const keys = refs.map((r) => versionBlockKey(version.reportId, r))
  const blocks: VersionBlockRow[] = []
  const blockBytes = new Map<string, number>()
  keys.forEach((key, i) => {
    if (blockBytes.has(key)) return
    blockBytes.set(key, utf8Bytes(texts[i]))
    blocks.push({ key, reportId: version.reportId, json: sections[i] })
  })
  const content: VersionContentRow = { id: version.id, reportId: version.reportId, meta, values, blocks: refs }
  // = UTF-8 bytes of JSON.stringify({ meta, sections, values }), from the parts already made.
  const sectionBytes = texts.reduce((sum, t, i) => sum + (blockBytes.get(keys[i]) ?? utf8Bytes(t)), 0) + Math.max(0, texts.length - 1)
  const contentBytes = '{"meta":,"sections":[],"values":}'.length + utf8Bytes(JSON.stringify(meta)) + sectionBytes + utf8Bytes(JSON.stringify(values))
  return { meta: { ...rest, size: { content: contentBytes, stored: 0 } }, content, blocks, blockBytes }
}

/** The metadata with its stored size, once the store knows which of the blocks are new. */
export function withStoredSize(encoded: EncodedVersion, newKeys: readonly string[]): VersionMeta {
  const blocks = newKeys.reduce((sum, k) => sum + (encoded.blockBytes.get(k) ?? 0), 0)
  const stored = blocks + utf8Bytes(JSON.stringify(encoded.content))
  return { ...encoded.meta, size: { content: encoded.meta.size?.content ?? 0, stored } }
}

/** A stored version whose content rows are missing or incomplete (damaged or tampered with). */
export class VersionContentMissing extends Error {
  constructor(readonly versionId: string) {
    super('这个版本的内容不完整，无法读取（数据可能已损坏）。可以从备份恢复。')
    this.name = 'VersionContentMissing'
  }
}

/** Puts a version back together from its rows, exactly as it was saved. */
export function decodeVersion(meta: VersionMeta, content: VersionContentRow | undefined, blocks: ReadonlyMap<string, BlockJSON>): VersionSnapshot {
  if (!content || !Array.isArray(content.blocks)) throw new VersionContentMissing(meta.id)
  const sections = content.blocks.map((ref) => {
    const json = blocks.get(versionBlockKey(content.reportId, ref))
    if (!json) throw new VersionContentMissing(meta.id)
    return json
  })
  return { meta: content.meta, sections, values: content.values, ...meta }
}
