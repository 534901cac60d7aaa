import { AppError } from '../api/errors.js';

/**
 * A payload path as the manifests will list it (`data/` + path). RFC 8493 §2.1.3 asks for CR, LF
 * and % to be percent-encoded; `sha256sum -c` would also escape backslashes. We refuse all of those
 * (and absolute paths, `.`/`..` segments, empty segments), so every manifest line is the plain path
 * and both BagIt tools and sha256sum read it the same way.
 */
export function checkPayloadPath(p: string): string {
  const bad = (why: string, zh: string) => new AppError('invalid_input', `payload path "${p}": ${why}`, `移交包内路径“${p}”：${zh}`, { item: p });
  if (!p || p.startsWith('/')) throw bad('must be relative', '必须是相对路径');
  if (/[\r\n%\\\0]/.test(p)) throw bad('must not contain CR, LF, %, backslash or NUL', '不得包含换行、%、反斜杠或空字符');
  const segs = p.split('/');
  if (segs.some((s) => s === '' || s === '.' || s === '..')) throw bad('has an empty, "." or ".." segment', '含有空段、“.”或“..”');
  if (p === 'metadata.xml') throw bad('is reserved for the package metadata', '为移交包元数据保留');
  return `data/${p}`;
}

export { safeSegment } from '../domain/file-names.js';
