// Minimal placeholder written by the home/shell-renderer engineer so the platform index builds;
// the Electron shell engineer owns this file and replaces it.
import type { HuibaoBridge } from '@contract/ipc'
import type { Platform } from './platform'

export function createElectronPlatform(bridge: HuibaoBridge): Platform {
  return {
    kind: 'electron',
    saveFile: ({ suggestedName, data, filters }) => bridge.saveFile({ suggestedName, data, filters }),
    getAppInfo: () => bridge.getAppInfo()
  }
}
