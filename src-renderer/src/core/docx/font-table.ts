// word/fontTable.xml: how Word and WPS pick a face that is not installed. A stock Windows PC has
// 仿宋, 楷体, 黑体 and 宋体 but not 仿宋_GB2312, 楷体_GB2312 or 方正小标宋简体; the table names, for
// each face the document uses, the face to use instead (w:altName), the character set (86 =
// GB2312), the PANOSE class and the family and pitch, so the fallback is the like face and not
// the program's default (often 宋体 or Calibri).
import { xmlSafeText } from './xml-safe'

interface FaceHints {
  altName?: string
  panose1: string
  charset: string
  family: 'roman' | 'swiss' | 'modern' | 'script' | 'decorative' | 'auto'
  pitch: 'fixed' | 'variable' | 'default'
}

/** What Windows' own Chinese faces report (PANOSE 2-1-6-9-…: CJK, fixed pitch). */
const FANGSONG: Omit<FaceHints, 'altName'> = { panose1: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' }
const KAITI: Omit<FaceHints, 'altName'> = { panose1: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' }
const HEITI: Omit<FaceHints, 'altName'> = { panose1: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' }
const SONGTI: Omit<FaceHints, 'altName'> = { panose1: '02010600030101010101', charset: '86', family: 'auto', pitch: 'variable' }

export const FONT_HINTS: Record<string, FaceHints> = {
  仿宋_GB2312: { ...FANGSONG, panose1: '02010609030101010101', altName: '仿宋' },
  楷体_GB2312: { ...KAITI, panose1: '02010609030101010101', altName: '楷体' },
  // 华文中宋 comes with Office, not with Windows; 宋体 is on every Windows PC and is the same
  // Song (Ming) style, so a missing 小标宋 falls back to it rather than to the body face.
  方正小标宋简体: { ...SONGTI, panose1: '02000000000000000000', altName: '宋体' },
  仿宋: { ...FANGSONG, altName: 'FangSong' },
  楷体: { ...KAITI, altName: 'KaiTi' },
  黑体: { ...HEITI, altName: 'SimHei' },
  宋体: { ...SONGTI, altName: 'SimSun' }
}

const attr = (s: string) => xmlSafeText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** One w:font entry; unknown faces still get the GB2312 charset so Word picks a Chinese face. */
function fontEntry(name: string): string {
  const h = FONT_HINTS[name] ?? { panose1: '02010600030101010101', charset: '86', family: 'auto', pitch: 'variable' }
  return (
    `<w:font w:name="${attr(name)}">` +
    (h.altName ? `<w:altName w:val="${attr(h.altName)}"/>` : '') +
    `<w:panose1 w:val="${h.panose1}"/><w:charset w:val="${h.charset}"/><w:family w:val="${h.family}"/><w:pitch w:val="${h.pitch}"/>` +
    // Unicode ranges (CJK) and code page 936 (GB2312) + Latin 1.
    `<w:sig w:usb0="00000001" w:usb1="080E0000" w:usb2="00000010" w:usb3="00000000" w:csb0="00040001" w:csb1="00000000"/>` +
    `</w:font>`
  )
}

/** The whole fontTable.xml for these faces (and their altNames, which Word also wants listed). */
export function fontTableXml(faces: readonly string[]): string {
  const all = [...new Set(faces.flatMap((f) => [f, ...(FONT_HINTS[f]?.altName && /[^\x00-\x7f]/.test(FONT_HINTS[f].altName!) ? [FONT_HINTS[f].altName!] : [])]))]
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    all.map(fontEntry).join('') +
    '</w:fonts>'
  )
}
