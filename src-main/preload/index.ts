import { contextBridge } from 'electron'

contextBridge.exposeInMainWorld('huibao', {})
