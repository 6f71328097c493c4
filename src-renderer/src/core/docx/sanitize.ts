// Text that reaches the DOCX must be valid XML 1.0 character data, or Word refuses the file.

// C0 controls except tab, LF, CR; U+FFFE/U+FFFF; surrogate halves that are not part of a pair.
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

export function stripXmlIllegal(text: string): string {
  return text.replace(XML_ILLEGAL, '')
}
