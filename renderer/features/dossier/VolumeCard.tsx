import { Card, Descriptions, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import type { PageInfo } from '../../../src/api/types';
import type { BindIssue, BoundVolume, Deviation, Entry, EntryPart } from '../../../src/binding/types';
import type { PagePosition } from '../../../src/domain/profile-binding';
import { useI18n } from '../../i18n/I18nProvider';
import { dash, POSITION_KEYS } from './dossier-labels';
import { ScanImage } from './ScanImage';

export function volumeTitle(v: Pick<BoundVolume, 'label' | 'index'>, t: ReturnType<typeof useI18n>['t']): string {
  return v.label || t('dossier.volume.n', { n: v.index });
}

interface Row {
  key: number;
  entry: Entry;
  pages: string;
  deviation: Deviation | undefined;
  errors: BindIssue[];
}

/**
 * One bound volume as the archivist checks it: its cover fields, the 卷内文件目录 in bound order with
 * page ranges (each row expands to its pages with the numbers as stamped), the AV evidence sheets and
 * the 备考表.
 */
export function VolumeCard({
  volume,
  deviations,
  issues,
  numbering,
  pageInfo,
}: {
  volume: BoundVolume;
  deviations: Deviation[];
  issues: BindIssue[];
  numbering: { front: PagePosition; back: PagePosition };
  pageInfo: ReadonlyMap<number, PageInfo>;
}) {
  const { t, locale } = useI18n();
  const cols = volume.toc.columns;

  const rows = useMemo<Row[]>(
    () =>
      volume.entries.map((e, i) => {
        const docIds = e.parts.map((p) => p.documentId).filter((x): x is number => x !== null);
        return {
          key: e.seq,
          entry: e,
          pages: volume.toc.rows[i]?.pages ?? '',
          deviation: deviations.find((d) => docIds.includes(d.documentId) && d.caseId === e.caseId),
          errors: issues.filter((x) => x.severity === 'error' && x.documentId !== undefined && docIds.includes(x.documentId)),
        };
      }),
    [volume, deviations, issues],
  );

  const columns = useMemo<TableColumnsType<Row>>(
    () => [
      { title: cols.seq, width: 52, align: 'center', render: (_, r) => r.entry.seq },
      { title: cols.docNo, width: 170, ellipsis: true, render: (_, r) => dash(r.entry.docNo) },
      { title: cols.responsible, width: 170, ellipsis: true, render: (_, r) => dash(r.entry.responsible) },
      {
        title: cols.title,
        render: (_, r) => (
          <span className="dz-entry-title">
            <Tag className="dz-kind-tag">{kindLabel(r.entry.parts, t)}</Tag>
            <span>{r.entry.title}</span>
            {r.errors.map((x) => (
              <Tooltip key={x.key} title={x.messageZh}>
                <Tag color="error" style={{ marginInlineStart: 6 }}>
                  {t('dossier.issue.error')}
                </Tag>
              </Tooltip>
            ))}
          </span>
        ),
      },
      { title: cols.date, width: 96, className: 'nowrap', render: (_, r) => dash(r.entry.date) },
      {
        title: cols.pages,
        width: 72,
        align: 'center',
        className: 'nowrap',
        render: (_, r) => <b className="dz-pages">{r.pages || '—'}</b>,
      },
      {
        title: cols.note,
        width: 150,
        render: (_, r) =>
          r.deviation ? (
            <Tooltip
              title={t('dossier.deviation.tip', { from: r.deviation.profilePosition, to: r.deviation.actualPosition, reason: r.deviation.reason ?? '—' })}
            >
              <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                {t('dossier.deviation.tag', { from: r.deviation.profilePosition })}
              </Tag>
            </Tooltip>
          ) : (
            r.entry.note || ''
          ),
      },
    ],
    [cols, t],
  );

  const av = volume.entries.flatMap((e) => e.parts.filter((p) => p.type === 'av' && p.av).map((p) => ({ entry: e, part: p })));
  const unnumbered = volume.sheets.filter((s) => !s.numbered).map((s) => t(SHEET_KEYS[s.sheet]));

  return (
    <Card
      size="small"
      className="section-card dz-volume"
      data-volume={volume.index}
      title={
        <span className="dz-volume-title">
          <span>{volumeTitle(volume, t)}</span>
          <span className="muted dz-volume-sub">{volume.cover.title}</span>
          {volume.archiveCode && <Tag color="blue">{t('dossier.field.archiveCode') + ' ' + volume.archiveCode}</Tag>}
        </span>
      }
      extra={
        <span className="muted">
          {t('dossier.volume.summary', { entries: volume.entries.length, pages: volume.pageCount })}
          {volume.blankPages > 0 && ` · ${t('dossier.volume.blank', { n: volume.blankPages })}`}
        </span>
      }
    >
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2, xl: 4 }}
        className="dz-cover-desc"
        styles={{ label: { whiteSpace: 'nowrap', width: 110 } }}
        items={volume.cover.lines.map((l) => ({ key: l.id, label: l.label, children: dash(l.value), span: l.id === 'caseTitle' ? 2 : 1 }))}
      />

      <div className="dz-subhead">
        <span className="dz-subhead-title">{volume.toc.title}</span>
        <span className="muted">
          {t('dossier.numbering', { front: t(POSITION_KEYS[numbering.front]), back: t(POSITION_KEYS[numbering.back]) })}
          {unnumbered.length > 0 && ` · ${t('dossier.unnumbered', { sheets: unnumbered.join(locale === 'zh-CN' ? '、' : ', ') })}`}
        </span>
      </div>
      <Table<Row>
        rowKey="key"
        size="small"
        bordered
        className="dz-toc-table"
        columns={columns}
        dataSource={rows}
        pagination={false}
        rowClassName={(r) => (r.errors.length ? 'dz-row-error' : r.deviation ? 'dz-row-moved' : '')}
        expandable={{
          expandRowByClick: true,
          expandedRowRender: (r) => <EntryPages entry={r.entry} pageInfo={pageInfo} numbering={numbering} />,
        }}
      />

      {av.length > 0 && (
        <>
          <div className="dz-subhead">
            <span className="dz-subhead-title">{t('dossier.av.title')}</span>
          </div>
          <Table
            rowKey={(x) => x.part.av!.id}
            size="small"
            bordered
            pagination={false}
            dataSource={av}
            columns={[
              { title: t('dossier.av.page'), width: 60, align: 'center', render: (_, x) => x.part.start ?? '—' },
              { title: t('dossier.av.fileName'), ellipsis: true, render: (_, x) => x.part.av!.fileName },
              { title: t('dossier.av.duration'), width: 80, render: (_, x) => fmtDuration(x.part.av!.durationSec) },
              { title: t('dossier.av.device'), width: 120, ellipsis: true, render: (_, x) => x.part.av!.device },
              { title: t('dossier.av.officer'), width: 90, render: (_, x) => x.part.av!.officer },
              { title: t('dossier.av.recordedAt'), width: 150, render: (_, x) => x.part.av!.recordedAt.replace('T', ' ').slice(0, 19) },
              {
                title: 'SHA-256 / SM3',
                width: 200,
                render: (_, x) => (
                  <Tooltip title={<span className="hash">{[x.part.av!.sha256, x.part.av!.sm3].filter(Boolean).join(' / ')}</span>}>
                    <span className="hash">{x.part.av!.sha256.slice(0, 16)}…</span>
                  </Tooltip>
                ),
              },
              { title: t('dossier.av.carrier'), width: 100, render: (_, x) => dash(x.part.av!.carrier) },
              { title: t('dossier.av.proves'), ellipsis: true, render: (_, x) => dash(x.part.av!.proves) },
            ]}
          />
        </>
      )}

      <div className="dz-subhead">
        <span className="dz-subhead-title">{volume.beikao.title}</span>
      </div>
      <Descriptions
        size="small"
        bordered
        column={3}
        className="dz-beikao-desc"
        styles={{ label: { whiteSpace: 'nowrap', width: 110 } }}
        items={[
          {
            key: 'statement',
            label: t('dossier.beikao.statement'),
            span: 3,
            children: <div className="dz-statement">{volume.beikao.statement}</div>,
          },
          { key: 'preparer', label: t('dossier.beikao.preparer'), children: dash(volume.beikao.preparer) },
          { key: 'preparedOn', label: t('dossier.beikao.preparedOn'), children: dash(volume.beikao.preparedOn) },
          { key: 'checker', label: t('dossier.beikao.checker'), children: dash(volume.beikao.checker) },
        ]}
      />
    </Card>
  );
}

const SHEET_KEYS = {
  cover: 'dossier.sheet.cover',
  toc: 'dossier.sheet.tocName',
  beikao: 'dossier.sheet.beikao',
  backCover: 'dossier.sheet.backCover',
} as const;

function kindLabel(parts: EntryPart[], t: ReturnType<typeof useI18n>['t']): string {
  const names = [...new Set(parts.map((p) => p.kindName))];
  return names.length > 1 ? t('dossier.kind.more', { name: names[0]!, n: names.length }) : (names[0] ?? '');
}

function fmtDuration(s: number): string {
  const m = Math.floor(s / 60);
  return `${m}:${String(Math.round(s % 60)).padStart(2, '0')}`;
}

/** The pages of one 目录 row, each with the number stamped where the profile puts it. */
function EntryPages({
  entry,
  pageInfo,
  numbering,
}: {
  entry: Entry;
  pageInfo: ReadonlyMap<number, PageInfo>;
  numbering: { front: PagePosition; back: PagePosition };
}) {
  const { t } = useI18n();
  return (
    <div className="dz-page-strip">
      {entry.parts.flatMap((p) =>
        p.pages.map((pg, i) => (
          <div key={`${p.documentId ?? p.av?.id}-${i}`} className={`dz-mini${pg.blank ? ' is-blank' : ''}`}>
            <div className="dz-mini-frame">
              {p.type === 'av' ? (
                <span className="dz-mini-av">{t('dossier.sheet.av')}</span>
              ) : pg.pageId !== null ? (
                <ScanImage pageId={pg.pageId} info={pageInfo.get(pg.pageId)} width={84} height={118} alt={`${p.title} ${i + 1}`} />
              ) : null}
              {pg.number !== null && <span className={`dz-mini-no dz-pos-${pg.side === 'back' ? numbering.back : numbering.front}`}>{pg.number}</span>}
            </div>
            <div className="dz-mini-meta">
              {pg.blank ? t('dossier.page.blank') : pg.number !== null ? t('dossier.sheet.number', { n: pg.number }) : t('dossier.sheet.unnumbered')}
              {pg.side === 'back' && ` · ${t('dossier.side.back')}`}
            </div>
          </div>
        )),
      )}
    </div>
  );
}
