// Store tests: each test gets its own database, installed as the app's (setDatabase), and a
// fresh Pinia; the database is deleted after it.
import Dexie from 'dexie'
import { afterEach, beforeEach } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { HuibaoDatabase, setDatabase } from '../../../src-renderer/src/db/database'

let counter = 0

/** Registers the hooks; `use` receives each test's database. */
export function useStoreDatabase(name: string, use: (db: HuibaoDatabase) => void): void {
  let db: HuibaoDatabase | null = null
  beforeEach(() => {
    db = new HuibaoDatabase(`huibao-${name}-${process.pid}-${++counter}`)
    setDatabase(db)
    setActivePinia(createPinia())
    use(db)
  })
  afterEach(async () => {
    setDatabase(null)
    if (!db) return
    db.close()
    await Dexie.delete(db.name)
    db = null
  })
}
