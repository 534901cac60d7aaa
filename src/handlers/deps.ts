import type { CallContext } from '../api/context.js';
import { AppError } from '../api/errors.js';
import type { UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import type { Sessions } from '../auth/sessions.js';
import type { EventBus } from '../jobs/event-bus.js';
import type { Jobs } from '../jobs/jobs.js';
import type { FootageServices } from '../footage/services.js';
import type { DossierOptions } from '../dossier/bind-input.js';
import type { StagingArea } from '../documents/staging-area.js';
import type { OcrService } from '../ocr/ocr-service.js';

/** What handlers are built from; wired once, in app-core.ts (tests open the same core). */
export interface HandlerDeps {
  archive: Archive;
  sessions: Sessions;
  jobs: Jobs;
  bus: EventBus;
  staging: StagingArea;
  /** The footage capability's long-lived parts: digest workers, thumbnail queue, checklist. */
  footage: FootageServices;
  /** What binding needs besides the catalogue: the profiles folder, the case's 视听资料 items. */
  dossier: DossierOptions;
  /** OCR of scanned pages: one run at a time, in the background after imports when the app asks for it. */
  ocr: OcrService;
}

/** The signed-in user of a non-public call (invoke guarantees one). */
export function userOf(ctx: CallContext): UserInfo {
  if (!ctx.user) throw new AppError('unauthenticated', 'please sign in', '请先登录');
  return ctx.user;
}
