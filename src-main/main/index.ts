// Entry point of the main process (bundled to out/main/index.js, CommonJS).
import { startApp } from './app'

startApp({ mainDir: __dirname })
