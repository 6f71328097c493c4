// The print route as the location says it: `#/reports/<id>/print`, with `?print=1` (a browser
// opens its print dialog) and `?measure=careful` (the reference measuring, for tests). Parsed
// without the router so the print app can start without it.
export interface PrintRoute {
  id: string
  /** Open the browser's print dialog once laid out. */
  print: boolean
  measure: 'fast' | 'careful'
}

export function printRouteOf(hash: string): PrintRoute | null {
  const m = /^#\/reports\/([^/?#]+)\/print\/?(?:\?(.*))?$/.exec(hash)
  if (!m) return null
  let id: string
  try {
    id = decodeURIComponent(m[1])
  } catch {
    return null
  }
  const query = new URLSearchParams(m[2] ?? '')
  return { id, print: query.get('print') === '1', measure: query.get('measure') === 'careful' ? 'careful' : 'fast' }
}
