/**
 * An original file name as recorded in the catalogue: a plain name, never a path. Returns the reason
 * (English, Chinese) when it is not acceptable.
 */
export function fileNameProblem(name: string): [string, string] | null {
  if (name.length === 0 || name.trim().length === 0) return ['the file name is empty', '文件名为空'];
  if (/[/\\]/.test(name)) return ['the file name contains a path separator (/ or \\)', '文件名包含路径分隔符（/ 或 \\）'];
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return ['the file name contains control characters', '文件名包含控制字符'];
  if (name === '.' || name === '..') return ['the file name is not a name', '文件名无效'];
  if (new TextEncoder().encode(name).length > 255) return ['the file name is longer than 255 bytes', '文件名超过 255 字节'];
  return null;
}

/** Makes a safe file-name segment from a label (a 档号, a volume name): keeps CJK, drops path and control characters. */
export function safeSegment(name: string): string {
  const s = name
    .replace(/[\\/:*?"<>|%\r\n\t\0]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '_');
  return s || '_';
}
