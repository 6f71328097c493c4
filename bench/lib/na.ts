// A figure either has a value or says why it has none; a missing piece never aborts the run.

export class NotAvailable extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'NotAvailable'
  }
}

export interface NA {
  na: string
}

export function isNA(x: unknown): x is NA {
  return typeof x === 'object' && x !== null && 'na' in x
}

/** Runs one figure; any failure becomes "n/a (reason)" so the other figures still print. */
export async function attempt<T>(label: string, run: () => Promise<T>): Promise<T | NA> {
  try {
    return await run()
  } catch (e) {
    const reason = e instanceof NotAvailable ? e.message : `${(e as Error).name}: ${(e as Error).message.split('\n')[0]}`
    console.error(`[bench] ${label}: n/a (${reason})`)
    return { na: reason }
  }
}
