// Entry: the print route (a PDF being made) starts the lean print app; anything else the app.
// Both behind a dynamic import, so the print window never loads the app's code (editor,
// Element Plus, shell) and the app never loads the print app's.
import { printRouteOf } from './print/route'

const print = printRouteOf(location.hash)
if (print) void import('./print/boot').then((m) => m.bootPrint(print))
else void import('./app-main')
