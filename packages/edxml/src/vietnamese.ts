/**
 * Vietnamese text helpers. Text is compared in Unicode NFC (TCVN 6909:2001 is Unicode; Decree 30
 * App. I §I.3), and the Icelandic eth `Ð`/`ð` (U+00D0/U+00F0), a frequent look-alike left by
 * legacy font conversions, is folded to `Đ`/`đ` (U+0110/U+0111).
 */

export function normalizeVietnamese(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\u00D0/g, '\u0110')
    .replace(/\u00F0/g, '\u0111');
}

const OLD_STYLE_TONES: Record<string, string> = {
  // "oà" → "òa", "oé" → "óe", "uỷ" → "ủy": old and new tone placement in open syllables.
  à: 'ò',
  á: 'ó',
  ả: 'ỏ',
  ã: 'õ',
  ạ: 'ọ',
  è: 'ò',
  é: 'ó',
  ẻ: 'ỏ',
  ẽ: 'õ',
  ẹ: 'ọ',
  ỳ: 'ù',
  ý: 'ú',
  ỷ: 'ủ',
  ỹ: 'ũ',
  ỵ: 'ụ',
};

const BASE_OF: Record<string, string> = {
  à: 'a',
  á: 'a',
  ả: 'a',
  ã: 'a',
  ạ: 'a',
  è: 'e',
  é: 'e',
  ẻ: 'e',
  ẽ: 'e',
  ẹ: 'e',
  ỳ: 'y',
  ý: 'y',
  ỷ: 'y',
  ỹ: 'y',
  ỵ: 'y',
};

/**
 * Key for comparing Vietnamese names: NFC, lower case, single spaces, and the old tone placement
 * ("thoả thuận", "uỷ quyền") folded to the new one ("thỏa thuận", "ủy quyền"), both of which
 * appear in official texts.
 */
export function vietnameseNameKey(value: string): string {
  const lower = normalizeVietnamese(value).toLowerCase().replace(/\s+/g, ' ').trim();
  return lower
    .replace(
      /o([àáảãạèéẻẽẹ])(?!\p{L})/gu,
      (_m, v: string) => `${OLD_STYLE_TONES[v] ?? 'o'}${BASE_OF[v] ?? v}`,
    )
    .replace(
      /(^|[^q])u([ỳýỷỹỵ])(?!\p{L})/gu,
      (_m, pre: string, v: string) => `${pre}${OLD_STYLE_TONES[v] ?? 'u'}y`,
    );
}
