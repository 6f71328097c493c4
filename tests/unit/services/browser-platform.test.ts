// @vitest-environment happy-dom
// The browser platform saves by downloading: a Blob URL on an <a download>, revoked afterwards.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createBrowserPlatform } from '../../../src-renderer/src/platform/browser'

afterEach(() => {
  vi.restoreAllMocks()
  vi.useRealTimers()
})

describe('createBrowserPlatform', () => {
  it('downloads the bytes under the suggested name and revokes the object URL', async () => {
    vi.useFakeTimers()
    const blobs: Blob[] = []
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob)
      return 'blob:fake-1'
    })
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    const clicked: Array<{ href: string; download: string; attached: boolean }> = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, attached: document.body.contains(this) })
    })

    const platform = createBrowserPlatform()
    expect(platform.kind).toBe('browser')
    const result = await platform.saveFile({
      suggestedName: '报告.docx',
      data: new Uint8Array([80, 75, 3, 4]),
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      filters: [{ name: 'Word 文档', extensions: ['docx'] }]
    })

    expect(result).toEqual({ status: 'saved', path: '报告.docx' })
    expect(create).toHaveBeenCalledTimes(1)
    expect(blobs[0].type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(new Uint8Array(await blobs[0].arrayBuffer())).toEqual(new Uint8Array([80, 75, 3, 4]))
    expect(clicked).toEqual([{ href: 'blob:fake-1', download: '报告.docx', attached: true }])
    expect(document.querySelectorAll('a[download]')).toHaveLength(0)
    vi.runAllTimers()
    expect(revoke).toHaveBeenCalledWith('blob:fake-1')
    expect(await platform.getAppInfo()).toBeNull()
  })

  it('opens localStorage only when the audit anchor is read or written (the print window never does)', async () => {
    localStorage.removeItem('huibao.audit-anchor')
    const opened = vi.spyOn(window, 'localStorage', 'get')
    const platform = createBrowserPlatform()
    await platform.printReady?.(3)
    await platform.getAppInfo()
    expect(opened).not.toHaveBeenCalled()
    expect(await platform.readAuditAnchor?.()).toBeNull()
    expect(opened).toHaveBeenCalled()
    const reads = opened.mock.calls.length
    await platform.writeAuditAnchor?.('{"head":"abc"}')
    expect(await platform.readAuditAnchor?.()).toBe('{"head":"abc"}')
    // Opened once, kept.
    expect(opened).toHaveBeenCalledTimes(reads)
    opened.mockRestore()
    expect(localStorage.getItem('huibao.audit-anchor')).toBe('{"head":"abc"}')
    localStorage.removeItem('huibao.audit-anchor')
  })
})
