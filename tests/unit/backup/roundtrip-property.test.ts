// Backups hold everything: for EVERY schema version the app has ever had, a database filled
// with random rows in EVERY table (reports, sections, metric values, settings, templates,
// versions, comments, audit log, review state — and whatever later versions add) survives
// backup → file → restore into the current schema, row for row. The tables and their keys
// are read from the app's own schema declarations, so a new table is covered automatically.
import './node-shims'
import Dexie from 'dexie'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { createBackup, readBackup, restoreBackup } from '../../../src-renderer/src/db/backup'
import { SCHEMA_VERSIONS, declareSchema } from '../../../src-renderer/src/db/database'
import { closeAll, freshDb } from './helpers'

afterEach(closeAll)

const STATUSES = ['draft', 'submitted', 'returned', 'approved', 'sent'] as const

interface TableShape {
  name: string
  /** Primary key fields ([] never happens in this app: every table is inbound-keyed). */
  key: string[]
}

function tablesAt(version: number): TableShape[] {
  const probe = new Dexie(`huibao-shape-probe-${version}`)
  declareSchema(probe, version)
  return probe.tables.map((t) => {
    const kp = t.schema.primKey.keyPath
    return { name: t.name, key: Array.isArray(kp) ? kp : [kp as string] }
  })
}

/**
 * JSON-safe values (what a backup file can hold). Field names never shadow Object.prototype
 * (__proto__, valueOf, toString …): the app writes no such fields, and Dexie's key handling
 * calls valueOf on objects.
 */
const safeKey = fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !(k in Object.prototype))
const text = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom('梁洼镇人民政府', '𠮷野家🀄️', '\u202e', '\uffff'))
const leaf = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)), fc.boolean(), fc.constant(null))
const payload = fc.dictionary(safeKey, fc.oneof(leaf, fc.array(leaf, { maxLength: 3 }), fc.dictionary(safeKey, leaf, { maxKeys: 3 })), { maxKeys: 4 })
const keyPart = (field: string) => (field === 'seq' ? fc.integer({ min: 1, max: 10_000 }) : fc.string({ minLength: 1, maxLength: 10 }))

/** Fields the backup's row checks require for the tables it inspects closely. */
function required(table: string, version: number): fc.Arbitrary<Record<string, unknown>> {
  switch (table) {
    case 'reports':
      return fc.record({
        meta: fc.record({ title: text, year: fc.integer({ min: 1990, max: 2100 }) }),
        sectionOrder: fc.array(fc.string({ maxLength: 6 }), { maxLength: 4 }),
        updatedAt: fc.integer({ min: 0, max: 2 ** 42 }),
        // Before v4 any status string could be stored; v2 added deletedAt.
        status: version < 4 ? fc.oneof(fc.constantFrom(...STATUSES), fc.constant('归档')) : fc.constantFrom(...STATUSES),
        ...(version >= 2 ? { deletedAt: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 2 ** 42 })) } : {})
      })
    case 'sections':
      return fc.record({ json: fc.record({ type: fc.constantFrom('preamble', 'section'), attrs: payload }) })
    case 'versions':
      // v4 stored whole snapshots (content and metadata in one row); v5 keeps only metadata.
      return version === 4
        ? fc.oneof(
            fc.constant({}),
            fc.record({
              reportId: fc.string({ minLength: 1, maxLength: 6 }),
              meta: payload,
              values: fc.array(payload, { maxLength: 2 }),
              sections: fc.array(fc.record({ type: fc.constantFrom('preamble', 'section'), attrs: payload }), { maxLength: 3 })
            })
          )
        : fc.constant({})
    default:
      return fc.constant({})
  }
}

function rowsFor(table: TableShape, version: number): fc.Arbitrary<Record<string, unknown>[]> {
  const keyArb = fc.tuple(...table.key.map(keyPart))
  const row = fc.tuple(keyArb, payload, required(table.name, version)).map(([key, extra, req]) => {
    const r: Record<string, unknown> = { ...extra, ...req }
    table.key.forEach((field, i) => (r[field] = key[i]))
    return r
  })
  return fc.uniqueArray(row, { maxLength: 5, selector: (r) => JSON.stringify(table.key.map((f) => r[f])) })
}

function contentsAt(version: number) {
  const tables = tablesAt(version)
  return fc.record(Object.fromEntries(tables.map((t) => [t.name, rowsFor(t, version)])) as Record<string, fc.Arbitrary<Record<string, unknown>[]>>)
}

/** What the current schema makes of a row written at `version` (the upgrades' documented rules). */
function upgraded(table: string, row: Record<string, unknown>, version: number): Record<string, unknown> {
  if (table === 'versions' && version < 5 && Array.isArray(row.sections)) {
    const { meta: _m, sections: _s, values: _v, ...rest } = row
    return rest
  }
  if (table !== 'reports') return row
  const out = { ...row }
  if (version < 2 && out.deletedAt === undefined) out.deletedAt = null
  if (version < 4 && !(STATUSES as readonly string[]).includes(out.status as string)) out.status = 'draft'
  return out
}

/**
 * Rows the v5 upgrade derives from a v4 version row (a whole snapshot): its content row, and
 * one section row per section under a reference naming the version and the position.
 */
function derived(contents: Record<string, Record<string, unknown>[]>, version: number): Record<string, Record<string, unknown>[]> {
  const out: Record<string, Record<string, unknown>[]> = { versionContent: [], versionBlocks: [] }
  if (version >= 5) return out
  for (const row of contents.versions ?? []) {
    if (!Array.isArray(row.sections)) continue
    const refs = row.sections.map((_: unknown, i: number) => `v4:${row.id}:${i}`)
    out.versionContent.push({ id: row.id, reportId: row.reportId, meta: row.meta, values: row.values, blocks: refs })
    row.sections.forEach((json: unknown, i: number) => out.versionBlocks.push({ key: `${row.reportId}/${refs[i]}`, reportId: row.reportId, json }))
  }
  return out
}

const byKey = (table: TableShape) => (a: Record<string, unknown>, b: Record<string, unknown>) => {
  const ka = JSON.stringify(table.key.map((f) => a[f]))
  const kb = JSON.stringify(table.key.map((f) => b[f]))
  return ka < kb ? -1 : ka > kb ? 1 : 0
}

let counter = 0

describe('backup → restore round trip (property)', () => {
  const current = SCHEMA_VERSIONS.length
  for (let version = 1; version <= current; version++) {
    it(`schema v${version}: every row of every table (${tablesAt(version).map((t) => t.name).join(', ')}) comes back`, async () => {
      await fc.assert(
        fc.asyncProperty(contentsAt(version), async (contents) => {
          // The source database exactly as that app version laid it out.
          const source = new Dexie(`huibao-prop-src-${process.pid}-${++counter}`)
          declareSchema(source, version)
          await source.open()
          for (const [name, rows] of Object.entries(contents)) await source.table(name).bulkAdd(rows)
          const bytes = await createBackup(source, { appVersion: '0.1.0', now: 1_764_000_000_000 })
          source.close()
          await Dexie.delete(source.name)

          // Restored over a current-version database that already holds other data.
          const target = freshDb()
          await target.open()
          await target.settings.put({ key: 'stale', value: 'must disappear' })
          const parsed = await readBackup(bytes, { appVersion: '0.1.0' })
          expect(parsed.schemaVersion).toBe(version)
          await restoreBackup(target, parsed)

          for (const table of tablesAt(current)) {
            const expected = [...(contents[table.name] ?? []).map((r) => upgraded(table.name, r, version)), ...(derived(contents, version)[table.name] ?? [])].sort(byKey(table))
            const actual = (await target.table(table.name).toArray()).sort(byKey(table))
            expect(actual, `table ${table.name}`).toEqual(expected)
          }
        }),
        { numRuns: 12 }
      )
    })
  }

  it('covers the tables the issue names, so the property is about real data', () => {
    const names = tablesAt(SCHEMA_VERSIONS.length).map((t) => t.name)
    for (const n of ['reports', 'sections', 'metricValues', 'settings', 'templates', 'versions', 'versionContent', 'versionBlocks', 'comments', 'auditLog', 'reviewState']) expect(names).toContain(n)
  })
})
