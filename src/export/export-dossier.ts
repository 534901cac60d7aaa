import path from 'node:path';
import { AppError } from '../api/errors.js';
import type { DossierView } from '../api/types-dossier.js';
import type { DossierExportResult, ExportedPackage, ExportedVolume } from '../api/types-export.js';
import type { UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';
import { toIoError } from '../archive/object-store.js';
import { archiveTimeZone } from '../domain/archive-time.js';
import { safeSegment } from '../domain/file-names.js';
import type { Job, Jobs } from '../jobs/jobs.js';
import { renderVolumes } from '../pdf/from-page-model.js';
import { CaseRepo } from '../storage/repos/case-repo.js';
import { uniqueFileNames } from './bag-paths.js';
import { type BagPayloadFile, type BeforeTagManifest, writeBag } from './bagit.js';
import { avItemsOf, bagMetadata, contactSheetOf, documentTitles, dossierAuditEvents, footageOriginal, pageResolver } from './dossier-export-sources.js';
import { verifyBag } from './verify-bag.js';
import { abandonExport, beginExport, type OpenExport, placeExport, sweepParts } from './export-intent.js';
import { faultPoint } from '../ports/fault-point.js';

/** What an export needs: the archive (catalogue, objects, its FilePort, clock) and the job runner. */
export interface ExportDeps {
  archive: Archive;
  jobs: Jobs;
  /** Checks the 移交包 just written and returns its report files (四性检测, src/fourness/), written before the tag manifest. */
  checkPackage?: BeforeTagManifest;
}

/** Where and what to write: an absolute folder, whether to add the 移交包, the job id to report under. */
export interface ExportRequest {
  out: string;
  package: boolean;
  jobId?: string | undefined;
}

/**
 * Exports a sealed dossier version (`view`, e.g. from `dossier.get`) into `<out>/<档号>/` (one PDF/A-2b file per volume) and, when
 * asked, `<out>/<档号>-移交包/` (a BagIt bag: the volume PDFs, the original footage of the AV items,
 * data/metadata.xml). Everything is written under hidden temporary names, read back (page count,
 * fonts, digests; the bag's manifests) and only then renamed into place, so a failure or a cancel
 * leaves nothing under the final names; the error names the document or file. An audit entry records
 * the paths and digests.
 */
export async function exportDossier(deps: ExportDeps, user: UserInfo, view: DossierView, input: ExportRequest): Promise<DossierExportResult> {
  const started = Date.now();
  const b = view.bound;
  const v = view.version!;
  if (!path.isAbsolute(input.out))
    throw new AppError('invalid_input', `out: ${input.out} is not an absolute folder path`, `导出位置：${input.out} 不是完整（绝对）的文件夹路径`, {
      item: 'out',
    });
  const out = path.resolve(input.out);

  const base = safeSegment(v.archiveCode ?? view.caseNo ?? b.title) + (v.versionNo > 1 ? `（第${v.versionNo}版）` : '');
  const folder = path.join(out, base);
  const bagDir = path.join(out, `${base}-移交包`);
  const files = deps.archive.files;
  for (const f of input.package ? [folder, bagDir] : [folder]) if (await files.stat(f).catch(() => null)) throw alreadyThere(f);

  const titles = documentTitles(b);
  const createdAt = new Date(v.sealedAt ?? v.openedAt);
  const author = deps.archive.meta.get('name')?.trim() || new CaseRepo(deps.archive.db).row(b.caseIds[0] ?? 0)?.organ || '';
  const volumes = renderVolumes(view.pages, {
    author,
    createdAt,
    archiveNo: v.archiveNo ?? b.archiveNo,
    retention: b.retention.label,
    resolvePage: pageResolver(deps, titles),
    contactSheet: contactSheetOf(deps),
    ...(v.checker || b.volumes[0]?.beikao.checker ? { checkedOn: localDate(deps, createdAt) } : {}),
  });
  const pageTotal = volumes.reduce((n, x) => n + x.pages.length, 0);
  const av = avItemsOf(b).map((item) => ({ item, original: input.package ? footageOriginal(deps, item) : null }));
  const bagFiles = input.package ? volumes.length + av.filter((a) => a.original).length + 1 : 0;

  const createdOut = !(await files.stat(out).catch(() => null));
  await files.mkdir(out, { recursive: true }).catch((e: unknown) => {
    throw toIoError(e, out);
  });
  // What a killed export left at this place (recognised by its marker) goes first.
  await sweepParts(deps.archive, out);
  let x: OpenExport;
  try {
    x = beginExport(
      deps.archive,
      out,
      base,
      input.package
        ? [
            ['bag', bagDir],
            ['volumes', folder],
          ]
        : [['volumes', folder]],
    );
  } catch (e) {
    throw toIoError(e, out);
  }
  const work = path.join(x.work, 'volumes');
  const workBag = path.join(x.work, 'bag');
  let committed = false;
  return deps.jobs.run('dossier.export', { items: pageTotal + bagFiles, bytes: 0 }, input.jobId, async (job) => {
    try {
      // The PDF writer (pdf-lib, fontkit, sharp) is loaded when the first export runs, not at start-up.
      const { writeDossierPdfs } = await import('../pdf/write-dossier.js');
      const written = await writeDossierPdfs(volumes, {
        dir: work,
        files,
        sm3: true,
        signal: job.signal,
        onPage: pageProgress(
          job,
          volumes.map((x, i) => ({ pages: x.pages.length, name: x.meta.volumeLabel.trim() || `${base}${volumes.length > 1 ? ` ${i + 1}` : ''}` })),
        ),
      });
      const exported: ExportedVolume[] = written.map((w, i) => ({
        index: view.pages.volumes[i]?.index ?? i + 1,
        label: view.pages.volumes[i]?.label ?? '',
        file: path.basename(w.path),
        path: path.join(folder, path.basename(w.path)),
        pages: w.pages,
        bytes: w.bytes,
        sha256: w.sha256,
        sm3: w.sm3 ?? '',
        fonts: w.check.fonts.length,
        popplerChecked: w.check.poppler !== null,
      }));

      let pkg: ExportedPackage | null = null;
      if (input.package) {
        cancelled(job, bagDir);
        // Original clip names, made safe and unique for Windows and macOS (bag-paths.ts); metadata.xml keeps the originals.
        const footageNames = uniqueFileNames(av.map((a) => a.item.fileName));
        const payload: BagPayloadFile[] = [
          ...written.map((w) => ({
            path: `volumes/${path.basename(w.path)}`,
            source: w.path,
            label: path.basename(w.path),
            expect: { size: w.bytes, sha256: w.sha256, sm3: w.sm3 },
          })),
        ];
        const avMeta = av.map(({ item, original }, i) => {
          if (!original) return { item, payloadPath: null, size: null };
          const p = `footage/${footageNames[i]!}`;
          payload.push({ path: p, source: original.file, label: item.fileName, expect: { size: original.size, sha256: original.sha256, sm3: item.sm3 } });
          return { item, payloadPath: p, size: original.size };
        });
        let filesDone = 0;
        const bag = await writeBag({
          dir: workBag,
          files,
          info: {
            sourceOrganization: author || b.title,
            externalIdentifier: v.archiveCode ?? v.archiveNo ?? view.caseNo ?? b.title,
            baggingDate: localDate(deps, deps.archive.clock.now()),
            extra: [['External-Description', b.title], ...(view.caseNo ? ([['Internal-Sender-Identifier', view.caseNo]] as [string, string][]) : [])],
          },
          payload,
          metadata: bagMetadata(deps, view, {
            volumes: exported.map((x) => ({ label: x.label, payloadPath: `volumes/${x.file}`, pages: x.pages })),
            av: avMeta,
            audit: dossierAuditEvents(deps, view.dossierId!, b),
          }),
          signal: job.signal,
          now: () => deps.archive.clock.now(),
          ...(deps.checkPackage ? { beforeTagManifest: (w: Parameters<BeforeTagManifest>[0]) => deps.checkPackage!({ ...w, finalDir: bagDir }) } : {}),
          onFile: (done, _total, label) => {
            for (; filesDone < done; filesDone++) job.finishItem();
            job.startItem(label);
          },
        });
        job.startItem(`${path.basename(bagDir)} ✓`);
        const check = await verifyBag(workBag);
        if (!check.ok)
          throw new AppError(
            'io_error',
            `${path.basename(bagDir)}: the written package failed its read-back check: ${check.problems.join('; ')}`,
            `${path.basename(bagDir)}：移交包回读校验未通过：${check.problems.join('；')}`,
            { item: path.basename(bagDir), details: check.problems },
          );
        pkg = {
          folder: bagDir,
          payloadOxum: bag.payloadOxum,
          files: bag.payload.length,
          footage: avMeta.filter((a) => a.payloadPath).length,
          footageMissing: avMeta.filter((a) => !a.payloadPath).map((a) => a.item.fileName),
          verified: true,
        };
      }

      cancelled(job, base);
      faultPoint('export.written');

      const result: DossierExportResult = {
        dossierId: view.dossierId!,
        versionNo: v.versionNo,
        caseId: view.caseId,
        caseNo: view.caseNo,
        title: b.title,
        archiveNo: v.archiveNo,
        archiveCode: v.archiveCode,
        folder,
        volumes: exported,
        pages: exported.reduce((n, x) => n + x.pages, 0),
        package: pkg,
        seconds: Math.round((Date.now() - started) / 100) / 10,
      };
      change(deps.archive, user, () => ({
        value: null,
        audit: [
          {
            action: 'dossier.export',
            targetType: 'dossier',
            targetId: result.dossierId,
            after: { folder, volumes: exported.map((x) => ({ file: x.file, sha256: x.sha256 })), package: pkg?.payloadOxum ?? null },
            detail: {
              exportId: x.exportId,
              versionNo: v.versionNo,
              archiveCode: v.archiveCode,
              folder,
              volumes: exported.map((x) => ({ file: x.file, label: x.label, pages: x.pages, bytes: x.bytes, sha256: x.sha256, sm3: x.sm3 })),
              package: pkg && { folder: pkg.folder, payloadOxum: pkg.payloadOxum, files: pkg.files, footage: pkg.footage },
            },
          },
        ],
      }));
      // The audit entry is the commit point: from here a crash is rolled forward on the next open
      // (src/export/export-intent.ts), so the folders appear only with their entry, and both or neither.
      committed = true;
      await placeExport(files, x).catch((e: unknown) => {
        throw toIoError(e, base);
      });
      return result;
    } catch (e) {
      if (committed) throw e; // recorded: the intent stays, and the next open finishes the renames
      await abandonExport(x).catch(() => undefined);
      if (createdOut) await files.rmdir(out).catch(() => undefined);
      if (job.signal.aborted && !(e instanceof AppError && e.code === 'cancelled'))
        throw new AppError('cancelled', `${base}: export cancelled`, `${base}：导出已取消`, { item: base });
      throw e;
    }
  });
}

/** Turns the dossier-wide page count into job items, naming the volume being written. */
function pageProgress(job: Job, volumes: { pages: number; name: string }[]): (done: number, total: number) => void {
  const starts = new Map<number, string>();
  let at = 0;
  for (const v of volumes) {
    starts.set(at, v.name);
    at += v.pages;
  }
  let reported = 0;
  return (done) => {
    for (; reported < done; reported++) {
      const name = starts.get(reported);
      if (name !== undefined) job.startItem(name);
      job.finishItem();
    }
  };
}

function alreadyThere(f: string): AppError {
  return new AppError(
    'duplicate',
    `${f} already exists: choose another folder or move the earlier export away`,
    `${f} 已存在：请另选导出位置或移走先前的导出`,
    {
      item: f,
    },
  );
}

function cancelled(job: Job, label: string): void {
  if (job.signal.aborted) throw new AppError('cancelled', `${label}: export cancelled`, `${label}：导出已取消`, { item: label });
}

function localDate(deps: ExportDeps, d: Date): string {
  const tz = archiveTimeZone(deps.archive.meta);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}
