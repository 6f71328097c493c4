// Why a file cannot be imported, phrased for the clerk: what the file is and what to do.
export type ImportErrorCode =
  | 'empty'
  | 'ole'
  | 'pdf'
  | 'rtf'
  | 'not-zip'
  | 'truncated'
  | 'too-large'
  | 'too-many-entries'
  | 'bomb'
  | 'macro'
  | 'not-docx'
  | 'doctype'
  | 'bad-xml'
  | 'unsupported'

const SAVE_AS = '请在 Word/WPS 中另存为 .docx 后再导入。'

export const IMPORT_MESSAGES: Record<ImportErrorCode, string> = {
  empty: `这个文件是空的（0 字节），可能没有保存完整。${SAVE_AS}`,
  ole: `该文件已加密或是旧版 .doc 格式（Word 97-2003），无法直接读取。若设置了打开密码，请先在 Word/WPS 中取消密码；${SAVE_AS}`,
  pdf: `这是一个 PDF 文件（只是扩展名改成了 .docx），无法识别其中的标题和段落。请找到原始的 Word 文件，或在 WPS 中把 PDF 转换为 Word 并另存为 .docx 后再导入。`,
  rtf: `这是 RTF 格式的文件（扩展名被改成了 .docx）。${SAVE_AS}`,
  'not-zip': `这不是 Word 文档（.docx 文件内部应是压缩包格式）。${SAVE_AS}`,
  truncated: `文件不完整（可能下载或拷贝时中断），无法打开。请重新拷贝原文件；若在 Word/WPS 中能打开，${SAVE_AS}`,
  'too-large': `文件过大，超过了导入上限。请删去文档中的大图片或附件后${SAVE_AS}`,
  'too-many-entries': `文件内部的部件数量异常（不像正常的 Word 文档），已拒绝导入。${SAVE_AS}`,
  bomb: `文件解压后的内容异常庞大（可能是恶意构造的压缩文件），已停止读取，没有保存任何内容。如确是正常文档，${SAVE_AS}`,
  macro: `这是启用宏的 Word 文档（.docm，扩展名被改成了 .docx），为安全起见不予导入。${SAVE_AS}`,
  'not-docx': `这个压缩包不是 Word 文档（缺少正文部件 word/document.xml），可能是 Excel、PPT 或其他文件改了扩展名。${SAVE_AS}`,
  doctype: `文档中含有不允许的 XML 声明（DOCTYPE/实体），可能是恶意构造的文件，已拒绝导入。${SAVE_AS}`,
  'bad-xml': `文档内容已损坏，无法读取。${SAVE_AS}`,
  unsupported: `文档使用了无法读取的压缩方式或加密。${SAVE_AS}`
}

export class ImportError extends Error {
  override name = 'ImportError'
  constructor(
    readonly code: ImportErrorCode,
    detail?: string
  ) {
    super(detail ? `${IMPORT_MESSAGES[code]}（${detail}）` : IMPORT_MESSAGES[code])
  }
}
