// Bench-only: stores a generated template in the app origin's IndexedDB with the app's own
// database module, so the template editor opens it exactly as it opens a clerk's template.
import { HuibaoDatabase, saveTemplateVersion } from '../../src-renderer/src/db/database'
import type { ReportTemplate } from '../../src-renderer/src/core/template'

async function seedTemplate(template: ReportTemplate): Promise<void> {
  const db = new HuibaoDatabase()
  try {
    await saveTemplateVersion(db, template).catch((e: Error) => {
      // Seeded by an earlier run of the same size: the same content is already there.
      if (!/already exists/.test(e.message)) throw e
    })
  } finally {
    db.close()
  }
}

;(window as unknown as { __benchTpl: unknown }).__benchTpl = { seedTemplate }
