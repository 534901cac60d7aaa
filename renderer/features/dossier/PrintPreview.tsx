import { useLayoutEffect, useRef, type ReactNode } from 'react';
import type { PageInfo } from '../../../src/api/types';
import type { AvSheetPage, BeikaoPage, CoverPage, ModelPage, PageModelVolume, PageStamp, TocPage } from '../../../src/binding/page-model';
import type { TocColumn } from '../../../src/domain/profile-binding';
import { useI18n } from '../../i18n/I18nProvider';
import { ScanImage } from './ScanImage';
import { formatDuration } from '../../../src/domain/duration';

/**
 * The print preview: every physical page of a volume as an A4 sheet, drawn from the page model (the
 * same model the PDF export draws from), with the page number stamped where the profile puts it.
 *
 * The wording printed ON the sheets is the form's own (Chinese, as the PDF prints it, whatever the
 * UI language); the cover lines and 目录 column names come from the filing profile.
 */
const FORM = {
  archiveCode: '档号',
  dossierTitle: '案卷题名',
  statement: '本卷情况说明',
  preparer: '立卷人',
  preparedOn: '立卷时间',
  checker: '检查人',
  checkedOn: '检查时间',
  backCover: '卷底',
  volume: '卷别',
  tocFooter: (page: number, pages: number) => `第 ${page} 页\u3000共 ${pages} 页`,
  av: {
    fileName: '文件名称',
    duration: '时长',
    recordedAt: '拍摄时间',
    place: '拍摄地点',
    activity: '执法活动',
    officer: '拍摄人',
    device: '拍摄设备',
    carrier: '存储载体',
    proves: '证明对象',
    digests: '完整性校验值',
  },
} as const;

const TOC_ORDER: TocColumn[] = ['seq', 'docNo', 'responsible', 'title', 'date', 'pages', 'note'];
const TOC_WIDTH: Record<TocColumn, string> = { seq: '6%', docNo: '15%', responsible: '14%', title: '32%', date: '13%', pages: '10%', note: '10%' };
/** Type sizes (pt) the 目录 table tries, largest first, until its rows fit the sheet (as the PDF does). */
const TOC_SIZES = [10.5, 10, 9.5, 9, 8.5, 8, 7.5];

export type PreviewFilter = 'all' | 'sheets';

export function PrintPreview({
  volume,
  filter,
  zoom,
  pageInfo,
}: {
  volume: PageModelVolume;
  filter: PreviewFilter;
  zoom: number;
  pageInfo: ReadonlyMap<number, PageInfo>;
}) {
  const pages = filter === 'all' ? volume.pages : volume.pages.filter((p) => p.kind !== 'document');
  return (
    <div className="dz-sheets" style={{ zoom }}>
      {pages.map((p) => (
        <figure key={`${p.volume}-${p.index}`} className="dz-sheet-wrap">
          <Sheet page={p} pageInfo={pageInfo} />
          <Caption page={p} />
        </figure>
      ))}
    </div>
  );
}

function Caption({ page }: { page: ModelPage }) {
  const { t } = useI18n();
  let text: string;
  switch (page.kind) {
    case 'cover':
      text = t('dossier.sheet.cover');
      break;
    case 'toc':
      text = t('dossier.sheet.toc', { page: page.toc.page, pages: page.toc.pages });
      break;
    case 'document':
      text = t('dossier.sheet.document', { title: page.document.title, n: page.document.pageOfDocument, count: page.document.pagesInDocument });
      break;
    case 'av-sheet':
      text = t('dossier.sheet.av');
      break;
    case 'beikao':
      text = t('dossier.sheet.beikao');
      break;
    case 'back-cover':
      text = t('dossier.sheet.backCover');
      break;
  }
  const side = page.side === 'back' ? ` · ${t('dossier.side.back')}` : '';
  const number = page.number === null ? t('dossier.sheet.unnumbered') : t('dossier.sheet.number', { n: page.number });
  return (
    <figcaption className="dz-sheet-caption" title={text}>
      <span className="dz-sheet-caption-text">{text}</span>
      <span className="dz-sheet-caption-no">
        {number}
        {side}
      </span>
    </figcaption>
  );
}

function Sheet({ page, pageInfo }: { page: ModelPage; pageInfo: ReadonlyMap<number, PageInfo> }) {
  let body: ReactNode;
  let cls = '';
  switch (page.kind) {
    case 'cover':
      body = <CoverSheet page={page} />;
      break;
    case 'toc':
      body = <TocSheet page={page} />;
      break;
    case 'document':
      cls = ' is-scan';
      body = page.document.blank ? (
        <div className="dz-scan-blank" />
      ) : (
        <ScanImage pageId={page.document.pageId} info={pageInfo.get(page.document.pageId)} width={400} height={566} alt={page.document.title} />
      );
      break;
    case 'av-sheet':
      body = <AvSheet page={page} />;
      break;
    case 'beikao':
      body = <BeikaoSheet page={page} />;
      break;
    case 'back-cover':
      body = (
        <>
          <h1 className="dz-h1 dz-backcover-title">{FORM.backCover}</h1>
          <dl className="dz-fields">
            {page.backCover.archiveCode && <Field label={FORM.archiveCode} value={page.backCover.archiveCode} />}
            {page.backCover.volumeLabel && <Field label={FORM.volume} value={page.backCover.volumeLabel} />}
          </dl>
        </>
      );
      break;
  }
  return (
    <div className={`dz-sheet dz-sheet-${page.kind}${cls}`} data-page-kind={page.kind} data-page-number={page.number ?? ''}>
      {body}
      {page.stamp && <Stamp stamp={page.stamp} />}
    </div>
  );
}

function Stamp({ stamp }: { stamp: PageStamp }) {
  return <span className={`dz-stamp dz-stamp-${stamp.position}`}>{stamp.text}</span>;
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div className="dz-field">
      <dt>{label}</dt>
      <dd>{value || '\u00a0'}</dd>
    </div>
  );
}

function ArchiveCodeLine({ code }: { code: string | null }) {
  return <div className="dz-code-line">{code ? `${FORM.archiveCode}：${code}` : '\u00a0'}</div>;
}

function CoverSheet({ page }: { page: CoverPage }) {
  const c = page.cover;
  const retention = c.lines.find((l) => l.id === 'retention');
  return (
    <>
      <ArchiveCodeLine code={c.archiveCode} />
      <h1 className="dz-h1 dz-cover-heading">{c.title}</h1>
      {c.volumeLabel && <div className="dz-cover-volume">（{c.volumeLabel}）</div>}
      <h2 className="dz-h2 dz-cover-title">{c.dossierTitle}</h2>
      <dl className="dz-fields dz-cover-fields">
        {c.lines
          .filter((l) => l.id !== 'caseTitle')
          .map((l) => (
            <Field key={l.id} label={l.label} value={l.value} />
          ))}
      </dl>
      {retention?.value && <div className="dz-red-stamp">{retention.value}</div>}
    </>
  );
}

function TocSheet({ page }: { page: TocPage }) {
  const toc = page.toc;
  const table = useRef<HTMLTableElement>(null);
  // The rows per page are binding's decision: when long titles do not fit, set the type smaller.
  useLayoutEffect(() => {
    const el = table.current;
    const sheet = el?.parentElement;
    if (!el || !sheet) return;
    const limit = sheet.clientHeight - sheet.clientHeight * (24 / 297);
    for (const size of TOC_SIZES) {
      el.style.fontSize = `${size}pt`;
      if (el.offsetTop + el.offsetHeight <= limit) break;
    }
  }, [toc]);
  return (
    <>
      <h1 className="dz-h1">{toc.title}</h1>
      <div className="dz-meta-line">
        <span className="dz-meta-title">
          {FORM.dossierTitle}：{toc.dossierTitle}
        </span>
      </div>
      <ArchiveCodeLine code={toc.archiveCode} />
      <table className="dz-toc" ref={table}>
        <colgroup>
          {TOC_ORDER.map((c) => (
            <col key={c} style={{ width: TOC_WIDTH[c] }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {TOC_ORDER.map((c) => (
              <th key={c}>{toc.columns[c]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {toc.rows.map((r) => (
            <tr key={r.seq}>
              <td className="c">{r.seq}</td>
              <td>{r.docNo}</td>
              <td>{r.responsible}</td>
              <td>{r.title}</td>
              <td className="c nowrap">{r.date}</td>
              <td className="c nowrap">{r.pages}</td>
              <td>{r.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dz-sheet-footer">{FORM.tocFooter(toc.page, toc.pages)}</div>
    </>
  );
}

function AvSheet({ page }: { page: AvSheetPage }) {
  const a = page.av.item;
  const rows: [string, string][] = [
    [FORM.av.fileName, a.fileName],
    [FORM.av.duration, formatDuration(a.durationSec)],
    [FORM.av.recordedAt, a.recordedAt.replace('T', ' ').slice(0, 19)],
    [FORM.av.place, a.place ?? ''],
    [FORM.av.activity, a.activity ?? ''],
    [FORM.av.officer, a.officer],
    [FORM.av.device, a.device],
    [FORM.av.carrier, a.carrier ?? ''],
    [FORM.av.proves, a.proves ?? ''],
  ];
  return (
    <>
      <h1 className="dz-h1">{page.av.title.split('：')[0]}</h1>
      <h2 className="dz-h3">{page.av.title}</h2>
      <dl className="dz-fields">
        {rows.map(([l, v]) => (
          <Field key={l} label={l} value={v} />
        ))}
      </dl>
      <div className="dz-digests">
        <div className="dz-digests-title">{FORM.av.digests}</div>
        <div>
          <b>SHA-256：</b>
          <span className="dz-hash">{a.sha256}</span>
        </div>
        {a.sm3 && (
          <div>
            <b>SM3：</b>
            <span className="dz-hash">{a.sm3}</span>
          </div>
        )}
      </div>
    </>
  );
}

function BeikaoSheet({ page }: { page: BeikaoPage }) {
  const b = page.beikao;
  return (
    <>
      <h1 className="dz-h1">{b.title}</h1>
      <div className="dz-meta-line">
        <span className="dz-meta-title">
          {FORM.dossierTitle}：{b.dossierTitle}
        </span>
      </div>
      <ArchiveCodeLine code={b.archiveCode} />
      <div className="dz-beikao-box">
        <div className="dz-beikao-label">{FORM.statement}</div>
        <div className="dz-beikao-text">{b.statement}</div>
      </div>
      <div className="dz-beikao-sign">
        <Field label={FORM.preparer} value={b.preparer} />
        <Field label={FORM.preparedOn} value={b.preparedOn} />
        <Field label={FORM.checker} value={b.checker} />
        <Field label={FORM.checkedOn} value="" />
      </div>
    </>
  );
}
