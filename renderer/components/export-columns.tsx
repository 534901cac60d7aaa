/** Columns shared by the tables of exported files (dossier volumes, clip copies). */

/** A file size as the export dialogs show it: MB with one decimal from 1 MiB, else whole KB (at least 1). */
export function fileSize(bytes: number): string {
  return bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The 摘要值 column of an exported-files table: SHA-256 over SM3. */
export function digestColumn<Row extends { sha256: string; sm3: string }>(title: string, className = 'hash') {
  return {
    key: 'digests',
    title,
    render: (_: unknown, r: Row) => (
      <div className={className}>
        <div>SHA-256 {r.sha256}</div>
        <div>SM3 {r.sm3}</div>
      </div>
    ),
  };
}
