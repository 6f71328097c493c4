// Builds the Word file off the main thread: resolving, the docx tree, packing and the package
// step of a 200-page report take seconds of CPU that would otherwise freeze the window.
import { handleDocxRequest } from '../services/docx-export-handler'
import type { DocxWorkerReply } from '../services/docx-export-protocol'

const scope = self as unknown as { postMessage(message: DocxWorkerReply, transfer?: Transferable[]): void }

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  void handleDocxRequest(event.data, (reply, transfer) => scope.postMessage(reply, transfer ?? []))
})
