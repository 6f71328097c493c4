// Entry: the print route (a PDF being made) starts the lean print app; anything else the app.
// Both behind a dynamic import, so the print window never loads the app's code (editor,
// Element Plus, shell) and the app never loads the print app's.
import { printRouteOf } from './print/route'
import { prefetchEditorView } from './views/lazy'

const print = printRouteOf(location.hash)
if (print) void import('./print/boot').then((m) => m.bootPrint(print))
else {
  // A window opened at a report (a second window, a reload) fetches and evaluates the editor's
  // code while the app starts and the database opens, instead of after.
  if (/^#\/reports\/[^/]+\/?$/.test(location.hash)) prefetchEditorView()
  void import('./app-main')
}
