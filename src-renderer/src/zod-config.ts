// Imported first by main.ts (public/zod-jitless.js sets the same before any chunk runs; this
// keeps workers and tests that import zod directly jitless too). Zod compiles fast validators with `new Function` unless told not
// to; the app's CSP forbids eval, and even zod's guarded probe is reported as a violation.
import { z } from 'zod'

z.config({ jitless: true })
