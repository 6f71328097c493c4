// Builds Word files and runs 公文校对 off the main thread: resolving, checking, the docx tree,
// packing and the package step of a 200-page report take seconds of CPU that would otherwise
// freeze the window. One worker serves the window's requests one after another.
import { handleReportRequest } from '../services/report-build-handler'
import type { ReportWorkerReply } from '../services/report-build-protocol'

const scope = self as unknown as { postMessage(message: ReportWorkerReply, transfer?: Transferable[]): void }

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  void handleReportRequest(event.data, (reply, transfer) => scope.postMessage(reply, transfer ?? []))
})
