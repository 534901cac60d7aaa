/**
 * Parses a Cookie header into name → value (first occurrence wins). A value with a malformed %-escape
 * is kept as sent (it is no cookie of ours, and must not turn the request into an error).
 */
export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    if (!out.has(k)) out.set(k, decodeOrRaw(part.slice(i + 1).trim()));
  }
  return out;
}

function decodeOrRaw(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

export function setCookie(name: string, value: string, opts: { maxAge?: number } = {}): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
  if (opts.maxAge !== undefined) parts.push(`Max-Age=${opts.maxAge}`);
  return parts.join('; ');
}
