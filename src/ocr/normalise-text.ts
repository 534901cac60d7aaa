/**
 * Tesseract separates every recognised Chinese character by a space (it segments CJK text one
 * character a "word"). A reader's search, pdftotext and the search index want the text as written:
 * spaces between two CJK characters (or CJK punctuation) go; spaces between Latin words and numbers stay.
 */
const CJK =
  '\\u2e80-\\u2fdf\\u3000-\\u303f\\u3040-\\u30ff\\u3100-\\u312f\\u31a0-\\u31bf\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef';
const BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[ \\t]+(?=[${CJK}])`, 'gu');
const CJK_THEN_ASCII = new RegExp(`(?<=[${CJK}])[ \\t]+(?=[0-9A-Za-z])|(?<=[0-9A-Za-z])[ \\t]+(?=[${CJK}])`, 'gu');

/** An ASCII mark right after Chinese text is the full-width one misread (Chinese text uses ：，；！？). */
const FULL_WIDTH: Record<string, string> = { ':': '：', ',': '，', ';': '；', '!': '！', '?': '？' };
const HALF_AFTER_CJK = new RegExp(`(?<=[${CJK}])[ \\t]*([:,;!?])`, 'gu');

export function normaliseOcrLine(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(HALF_AFTER_CJK, (_, m: string) => FULL_WIDTH[m] ?? m)
    .replace(BETWEEN_CJK, '')
    .replace(CJK_THEN_ASCII, '');
}
