import type { OpName, OpResult } from './api/contract.js';
import type { InvokeContext } from './api/context.js';
import type { AppEvent } from './api/events.js';
import { existsSync } from 'node:fs';
import { type Archive, initArchive, openArchive } from './archive/archive.js';
import { Sessions } from './auth/sessions.js';
import { createHandlers } from './handlers.js';
import { withViewRecords } from './handlers/view-records.js';
import { mediaView, recordView } from './archive/view-audit.js';
import { toInfo } from './storage/repos/user-repo.js';
import { createFootageServices, type FootageServices } from './footage/services.js';
import type { DigestPool } from './footage/digest-pool.js';
import { recoverInflight } from './footage/inflight.js';
import { caseAvItems } from './footage/av-items.js';
import type { HandlerDeps } from './handlers/deps.js';
import type { DossierOptions } from './dossier/bind-input.js';
import { txFor } from './archive/audited-change.js';
import { StagingArea } from './documents/staging-area.js';
import { authorize, createInvoker } from './invoke.js';
import { EventBus } from './jobs/event-bus.js';
import { createOcrService } from './ocr/ocr-service.js';
import { Jobs } from './jobs/jobs.js';
import type { Clock } from './ports/clock.js';
import type { FilePort } from './ports/file-port.js';
import { resourcesDir as defaultResources } from './resources/paths.js';
import { DocumentRepo } from './storage/repos/document-repo.js';
import { UserRepo } from './storage/repos/user-repo.js';
import { FootageRepo } from './storage/repos/footage-repo.js';
import { archiveLayout } from './archive/layout.js';
import { type ErrorPayload, toErrorPayload } from './api/errors.js';
import { resolveClipMedia } from './retrieval/clip-media.js';
import { closeStaleViews } from './retrieval/stale-views.js';
import { WRITERS } from './domain/roles.js';
import { mayReceive } from './jobs/event-audience.js';

/** What a transport (Electron IPC, HTTP bridge, CLI, tests) needs from the core. */
export interface AppCore {
  readonly archiveDir: string;
  /** Validates, checks the role, runs the handler. Never throws: errors come back as `{ ok: false }`. */
  invoke<N extends OpName>(name: N | string, input: unknown, ctx: InvokeContext): Promise<OpResult<N>>;
  /** Core events (job progress, changes). Returns the unsubscribe function. */
  subscribe(listener: (e: AppEvent) => void): () => void;
  /**
   * The events one signed-in session may see (src/jobs/event-audience.ts), for a transport that
   * serves a UI. Null when the token is no live session. When the session ends (sign-out, expiry,
   * account disabled) delivery stops and `onEnd` is called.
   */
  subscribeAs(sessionToken: string | undefined, listener: (e: AppEvent) => void, onEnd?: () => void): (() => void) | null;
  /**
   * Resolves a media id to a stored file, for a signed-in session only (null otherwise, or when
   * there is no such item). `page-thumb` is a page's thumbnail, `file` a document file's original.
   */
  media(kind: MediaKind, id: number, sessionToken: string | undefined): MediaFile | MediaRefusal | null;
  /** Stages an upload streamed by a transport into the archive's tmp/ (never into objects/). */
  stageStream(name: string, body: AsyncIterable<Uint8Array>, sessionToken: string | undefined): Promise<OpResult<'upload.stagePath'>>;
  /** Waits for queued thumbnails and the digest workers, then closes the catalogue; the same promise on every call. */
  close(): Promise<void>;
}

/** Media a signed-in view may load by id: a page's thumbnail, a document file, a clip's thumbnail or contact sheet. */
export const MEDIA_KINDS = ['page-thumb', 'file', 'clip-thumb', 'clip-sheet', 'clip', 'clip-proxy'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export interface MediaFile {
  path: string;
  mediaType: string;
  size: number;
  /** Original footage: a malformed or multi-part Range is refused with 416 instead of sending it all. */
  strictRange?: boolean;
}

/** 'clip' / 'clip-proxy' refused for this viewer (调阅 rules, src/retrieval/clip-media.ts), with why. */
export interface MediaRefusal {
  refused: true;
  status: 403 | 404 | 409;
  error: ErrorPayload;
}

export interface CoreOptions {
  archiveDir: string;
  /** Create the archive when the folder has none. */
  createIfMissing?: boolean;
  resourcesDir?: string;
  clock?: Clock;
  files?: FilePort;
  /** Footage test knobs: the digest pool to use, the fixity audit's grace period for strays. */
  footage?: { pool?: DigestPool; strayGraceMs?: number };
  /** Binding test knob: the 视听资料 items a case has (by default its linked clips). */
  avItems?: DossierOptions['avItems'];
  /**
   * OCR of scanned pages. `auto`: read new scans in the background after each import and once at
   * open (the app and `juanzong serve` ask for it); off by default, so tests and one-shot CLI calls
   * run OCR only when they mean to (`ocr.run`).
   */
  ocr?: { auto?: boolean; workers?: number };
}

/** Wires the core in one place: archive, sessions, jobs, handlers, invoker, media. */
export async function openCore(opts: CoreOptions): Promise<AppCore & { archive: Archive; footage: FootageServices; deps: HandlerDeps }> {
  const resourcesDir = opts.resourcesDir ?? defaultResources();
  const portOpts = { resourcesDir, ...(opts.clock ? { clock: opts.clock } : {}), ...(opts.files ? { files: opts.files } : {}) };
  const archive =
    opts.createIfMissing && !existsSync(archiveLayout(opts.archiveDir).catalog)
      ? await initArchive(opts.archiveDir, portOpts)
      : await openArchive(opts.archiveDir, portOpts);
  const bus = new EventBus();
  const sessions = new Sessions(archive.clock);
  const jobs = new Jobs(bus, archive.clock);
  const staging = new StagingArea(archive.store);
  const users = new UserRepo(archive.db);
  // An ingest killed between renaming an object into place and committing its row left a marker:
  // quarantine such objects now (recorded and audited), before anyone lists or verifies.
  await recoverInflight(archive, txFor(archive, null));
  // View sessions a closed tab or a crash left open end as 自动结束 (src/retrieval/stale-views.ts).
  closeStaleViews(archive, archive.clock.now());
  const footage = createFootageServices({ archive, jobs, resourcesDir, ...(opts.files ? { files: opts.files } : {}), ...opts.footage });
  const dossier: DossierOptions = { resourcesDir, avItems: opts.avItems ?? ((caseId) => caseAvItems(archive.db, caseId)) };
  const ocr = createOcrService({ archive, jobs, bus, ...(opts.ocr?.auto ? { auto: true } : {}), ...(opts.ocr?.workers ? { workers: opts.ocr.workers } : {}) });
  const deps: HandlerDeps = { archive, sessions, jobs, bus, staging, footage, dossier, ocr };
  const invoke = createInvoker(withViewRecords(createHandlers(deps), archive), sessions, users);
  let closing: Promise<void> | null = null;
  const docs = new DocumentRepo(archive.db);
  const clips = new FootageRepo(archive.db);

  return {
    archive,
    footage,
    deps,
    archiveDir: archive.layout.root,
    invoke,
    subscribe: (l) => bus.subscribe(l),
    subscribeAs(sessionToken, listener, onEnd) {
      const viewer = () => {
        const id = sessions.peek(sessionToken);
        const row = id === null ? undefined : users.byId(id);
        return row && !row.disabled ? row : null;
      };
      if (viewer() === null) return null;
      const stop = bus.subscribe((e) => {
        const v = viewer();
        if (v === null) {
          stop();
          onEnd?.();
        } else if (mayReceive(e, v)) listener(e);
      });
      return stop;
    },
    media(kind, id, sessionToken) {
      const viewerId = sessions.resolve(sessionToken);
      if (viewerId === null) return null;
      if (kind === 'clip' || kind === 'clip-proxy') {
        const viewer = users.byId(viewerId);
        if (!viewer || viewer.disabled || viewer.mustChange === 1) return null;
        const r = resolveClipMedia(archive, viewer, kind, id);
        return r.ok ? { path: r.path, mediaType: r.mediaType, size: r.size, strictRange: true } : { refused: true, status: r.status, error: r.error };
      }
      const obj = kind === 'page-thumb' ? docs.thumbObject(id) : kind === 'file' ? docs.fileObject(id) : clips.mediaObject(kind, id);
      if (!obj) return null;
      // A view of evidence content: audited (once a minute per user and object, src/archive/view-audit.ts).
      const viewer = users.byId(viewerId);
      if (!viewer || viewer.disabled || viewer.mustChange === 1) return null;
      const view = mediaView(archive, kind, id);
      if (view) recordView(archive, toInfo(viewer), view);
      return { path: archive.store.pathOf(obj.sha256), mediaType: obj.mediaType, size: obj.size };
    },
    async stageStream(name, body, sessionToken) {
      try {
        authorize(sessions, users, sessionToken, WRITERS, 'upload');
        return { ok: true, value: await staging.fromStream(name, body) };
      } catch (e) {
        return { ok: false, error: toErrorPayload(e) };
      }
    },
    // The digest workers are unref'd; queued thumbnails finish before the catalogue closes.
    close: () =>
      (closing ??= Promise.all([footage.close(), ocr.close()])
        .finally(() => archive.close())
        .then(() => undefined)),
  };
}
