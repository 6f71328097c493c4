// The last resort when IndexedDB will not open (start-up error page): reopen, else delete and
// start empty, so recovery copies can be put back.
import Dexie from 'dexie'
import { getDatabase, HuibaoDatabase, setDatabase } from './database'

/**
 * Last resort when the database cannot be opened: one more try, and if it still fails, delete
 * it and start an empty one (the caller then puts reports back from recovery copies).
 */
export async function rebuildDatabase(): Promise<HuibaoDatabase> {
  const db = getDatabase()
  try {
    await db.open()
    return db
  } catch (error) {
    console.warn('[recovery] database still does not open; rebuilding it', error)
  }
  db.close()
  await Dexie.delete(db.name)
  const fresh = new HuibaoDatabase(db.name)
  await fresh.open()
  setDatabase(fresh)
  return fresh
}
