import type { Db } from '../db.js';

export type ProxyState = 'none' | 'pending' | 'done' | 'failed';

export interface ClipProxyRow {
  id: number;
  sha256: string;
  originalName: string;
  kind: 'video' | 'audio' | 'photo';
  container: string | null;
  videoCodec: string | null;
  audioCodec: string | null;
  durationSec: number | null;
  disposalId: number | null;
  proxySha256: string | null;
  proxyState: ProxyState;
  proxyError: string | null;
}

/** The playback-proxy columns of clips (migration 0006) and the derived object they point at. */
export class ClipProxyRepo {
  constructor(private readonly db: Db) {}

  byId(id: number): ClipProxyRow | undefined {
    return this.db
      .prepare(
        `SELECT id, sha256, original_name AS originalName, kind, container, video_codec AS videoCodec, audio_codec AS audioCodec,
           duration_sec AS durationSec, disposal_id AS disposalId, proxy_sha256 AS proxySha256, proxy_state AS proxyState, proxy_error AS proxyError
         FROM clips WHERE id = ?`,
      )
      .get(id) as ClipProxyRow | undefined;
  }

  setPending(id: number): void {
    this.db.prepare("UPDATE clips SET proxy_state = 'pending', proxy_error = NULL WHERE id = ?").run(id);
  }

  setDone(id: number, proxy: { sha256: string; size: number; mediaType: string }, now: string): void {
    this.db
      .prepare('INSERT INTO objects (sha256, size, media_type, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING')
      .run(proxy.sha256, proxy.size, proxy.mediaType, now);
    this.db.prepare("UPDATE clips SET proxy_sha256 = ?, proxy_state = 'done', proxy_error = NULL WHERE id = ?").run(proxy.sha256, id);
  }

  setFailed(id: number, error: string): void {
    this.db.prepare("UPDATE clips SET proxy_state = 'failed', proxy_error = ? WHERE id = ?").run(error.slice(0, 500), id);
  }

  /** Clips whose proxy is wanted but not made (a closed app left them pending). */
  pending(): number[] {
    return (this.db.prepare("SELECT id FROM clips WHERE proxy_state = 'pending' ORDER BY id").all() as { id: number }[]).map((r) => r.id);
  }
}
