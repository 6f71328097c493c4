// PDF document properties (Title, Author) written as an incremental update: Chromium writes the
// title from <title> but never an author. Appending a new Info dictionary and a trailer that
// points back to the original xref keeps every byte Chromium wrote (fonts, text) untouched.

/** A PDF text string: UTF-16BE with a byte-order mark, in hex, so any Chinese title fits. */
export function pdfTextString(text: string): string {
  let hex = 'FEFF'
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')
  return `<${hex}>`
}

function pdfDate(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `(D:${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z)`
}

export interface PdfProperties {
  title: string
  author: string
  creator?: string
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')

/**
 * The PDF with Title, Author and Creator set. Throws when the file has no classic trailer
 * (Chromium's Skia writer always writes one), so a caller can keep the original bytes.
 */
export function setPdfProperties(pdf: Uint8Array, props: PdfProperties, now = new Date()): Uint8Array {
  // The trailer sits in the last few kilobytes; reading only those keeps big PDFs cheap.
  const tail = latin1(pdf.subarray(Math.max(0, pdf.byteLength - 4096)))
  const trailerAt = tail.lastIndexOf('trailer')
  const startxrefAt = tail.lastIndexOf('startxref')
  if (trailerAt < 0 || startxrefAt < 0) throw new Error('pdf: no classic trailer')
  const trailer = tail.slice(trailerAt, startxrefAt)
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1])
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer)?.[1]
  const prev = Number(/startxref\s+(\d+)/.exec(tail.slice(startxrefAt))?.[1])
  if (!Number.isInteger(size) || !root || !Number.isInteger(prev)) throw new Error('pdf: unreadable trailer')

  const infoId = size
  const entries = [
    `/Title ${pdfTextString(props.title)}`,
    `/Author ${pdfTextString(props.author)}`,
    `/Creator ${pdfTextString(props.creator ?? '汇报')}`,
    `/Producer (Chromium)`,
    `/ModDate ${pdfDate(now)}`
  ]
  const head = pdf.byteLength
  // A newline first: the original may not end with one.
  const object = `\n${infoId} 0 obj\n<< ${entries.join(' ')} >>\nendobj\n`
  const objectOffset = head + 1
  const xrefOffset = head + Buffer.byteLength(object, 'latin1')
  const xref = `xref\n${infoId} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n`
  const newTrailer = `trailer\n<< /Size ${infoId + 1} /Root ${root} /Info ${infoId} 0 R /Prev ${prev} >>\nstartxref\n${xrefOffset}\n%%EOF\n`
  const update = Buffer.from(object + xref + newTrailer, 'latin1')
  const out = new Uint8Array(head + update.byteLength)
  out.set(pdf, 0)
  out.set(update, head)
  return out
}
