import { AppError } from '../api/errors.js';
import type { UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';
import { OCR_REVIEW_THRESHOLD } from '../domain/ocr-text.js';
import type { Jobs } from '../jobs/jobs.js';
import { OcrRepo, type PendingOcrPage } from '../storage/repos/ocr-repo.js';
import type { OcrEngine } from './engine.js';
import { ocrPageImage } from './page-image.js';

export interface OcrRunResult {
  /** Pages read in this run. */
  pages: number;
  done: number;
  failed: number;
  /** Pages a person should look at: low confidence, nothing recognised, or unreadable. */
  flagged: number;
  cancelled: boolean;
}

export interface OcrRunOptions {
  caseId?: number;
  jobId?: string;
  /** Pages read at once (default: the engine's workers; a page's picture is prepared while another is read). */
  concurrency?: number;
}

/**
 * Reads every scanned page that has no text yet (of one case, or the whole archive) as a job with
 * progress and cancel. Each page's result commits on its own, so a cancel or a crash keeps what was
 * read and the next run goes on from there; a page the engine cannot read is kept as 'failed' (and
 * flagged) with the reason, never retried in a loop. One audit entry sums the run up. Import and
 * export never wait for this: a page without text is exported image-only, and the 备考表 says so.
 */
export async function runOcr(archive: Archive, jobs: Jobs, engine: OcrEngine, user: UserInfo | null, o: OcrRunOptions = {}): Promise<OcrRunResult> {
  const repo = new OcrRepo(archive.db);
  const pending = repo.pending(o.caseId !== undefined ? { caseId: o.caseId } : {});
  const result: OcrRunResult = { pages: 0, done: 0, failed: 0, flagged: 0, cancelled: false };
  if (!pending.length) return result;
  const now = () => archive.clock.now().toISOString();
  const run = jobs.run('ocr.run', { items: pending.length, bytes: 0 }, o.jobId, async (job) => {
    const readOne = async (p: PendingOcrPage): Promise<void> => {
      const name = `${p.title}（第${p.sourcePage + 1}页）`;
      job.startItem(name);
      try {
        const img = await ocrPageImage(archive.store.pathOf(p.objectSha256), p.sourcePage);
        const text = await engine.recognise(img.image, img);
        const flagged = text.confidence < OCR_REVIEW_THRESHOLD || text.lines.length === 0;
        change(
          archive,
          user,
          () => (
            repo.putDone({ objectSha256: p.objectSha256, sourcePage: p.sourcePage, text, flagged, engine: engine.name, now: now() }),
            { value: null, audit: [] }
          ),
        );
        result.done++;
        if (flagged) result.flagged++;
      } catch (e) {
        if (job.signal.aborted) throw e;
        const reason = e instanceof Error ? e.message : String(e);
        change(
          archive,
          user,
          () => (
            repo.putFailed({ objectSha256: p.objectSha256, sourcePage: p.sourcePage, error: reason.slice(0, 500), engine: engine.name, now: now() }),
            { value: null, audit: [] }
          ),
        );
        result.failed++;
        result.flagged++;
      }
      result.pages++;
      job.finishItem(name);
    };
    const queue = [...pending];
    const width = Math.max(1, o.concurrency ?? 2);
    await Promise.all(
      Array.from({ length: width }, async () => {
        for (let p = queue.shift(); p; p = queue.shift()) {
          if (job.signal.aborted) return;
          await readOne(p);
        }
      }),
    );
    if (job.signal.aborted) throw new AppError('cancelled', 'OCR cancelled', '文字识别已取消');
  });
  try {
    await run;
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'cancelled')) throw e;
    result.cancelled = true;
  } finally {
    if (result.pages > 0)
      change(archive, user, () => ({
        value: null,
        audit: [
          {
            action: 'ocr.run',
            targetType: o.caseId !== undefined ? 'case' : 'archive',
            targetId: o.caseId ?? 'archive',
            detail: {
              pages: result.pages,
              done: result.done,
              failed: result.failed,
              flagged: result.flagged,
              cancelled: result.cancelled,
              engine: engine.name,
            },
          },
        ],
      }));
  }
  return result;
}
