import { DeleteOutlined, LinkOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Drawer, Space, Spin, Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { ClipDetail, ClipLinkInfo, ClipSourceInfo, ClipSummary, DisposalInfo, FieldSource } from '../../../src/api/types-footage';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { ClipLinksTable } from './ClipLinksTable';
import { ClipSheet } from './ClipSheet';
import { FIELD_KEYS, KIND_KEYS, OUTCOME_KEYS, SOURCE_KEYS } from './clip-labels';
import { DigestText } from './DigestText';
import { DisposalRequestModal } from './DisposalRequestModal';
import { DisposalTable } from './DisposalTable';
import { formatBytes, formatDuration, formatInstant, formatLocalWithOffset } from './footage-format';
import { LinkModal } from './LinkModal';
import { RetentionTag } from './RetentionTag';
import { UnlinkModal } from './UnlinkModal';

/**
 * One clip (footage.get): contact sheet, every field with where it came from, digests, sources, links,
 * and its disposal record (申请处置 for writers while it is neither disposed nor awaiting a decision).
 */
export function ClipDrawer({
  id,
  canWrite,
  onClose,
  onChanged,
  onDisposal,
}: {
  id: number;
  canWrite: boolean;
  onClose: () => void;
  onChanged: (c: ClipSummary[]) => void;
  onDisposal?: (d: DisposalInfo) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const clip = useQuery('footage.get', { id });
  const disposals = useQuery('footage.disposals', { clipId: id });
  const [linking, setLinking] = useState(false);
  const [unlinking, setUnlinking] = useState<ClipLinkInfo | null>(null);
  const [disposing, setDisposing] = useState(false);
  const c = clip.data;
  const pending = (disposals.data ?? []).some((d) => d.state === 'requested');
  const canRequest = canWrite && !!c && !c.disposed && !pending && disposals.data !== undefined;
  return (
    <Drawer
      open
      rootClassName="clip-drawer"
      size={860}
      title={c ? <span className="mono">{c.originalName}</span> : t('footage.detail.title')}
      onClose={onClose}
      extra={
        canWrite &&
        c &&
        !c.disposed && (
          <Space>
            {pending && <Tag color="gold">{t('footage.disposal.pending')}</Tag>}
            {canRequest && (
              <Button danger icon={<DeleteOutlined />} onClick={() => setDisposing(true)}>
                {t('footage.disposal.request')}
              </Button>
            )}
            <Button type="primary" icon={<LinkOutlined />} onClick={() => setLinking(true)}>
              {t('footage.link.button')}
            </Button>
          </Space>
        )
      }
    >
      <ErrorAlert error={clip.error} />
      {!c && !clip.error && <Spin style={{ display: 'block', marginTop: 80 }} />}
      {c && (
        <div className="clip-detail">
          {c.disposed ? (
            <Alert type="warning" showIcon className="clip-disposed" title={t('footage.disposed')} description={t('footage.disposal.disposedAlert')} />
          ) : (
            <ClipSheet clip={c} />
          )}
          <ClipMetadata clip={c} />
          <Card size="small" title={t('footage.detail.digests')} className="section-card">
            <DigestText label="SHA-256" hex={c.sha256} full />
            <DigestText label="SM3" hex={c.sm3} full />
          </Card>
          <Card size="small" title={t('footage.detail.sources')} className="section-card">
            <SourcesTable sources={c.sources} />
          </Card>
          <Card size="small" title={t('footage.detail.links')} className="section-card">
            <ClipLinksTable links={c.links} canWrite={canWrite && !c.disposed} onUnlink={setUnlinking} />
          </Card>
          <Card size="small" title={t('footage.disposal.history')} className="section-card clip-disposals">
            <ErrorAlert error={disposals.error} style={{ marginBottom: 8 }} />
            <DisposalTable items={disposals.data ?? []} loading={disposals.loading} />
          </Card>
        </div>
      )}
      {disposing && c && (
        <DisposalRequestModal
          clip={c}
          onClose={() => setDisposing(false)}
          onRequested={(d) => {
            setDisposing(false);
            disposals.setData((prev) => [d, ...(prev ?? [])]);
            message.success(t('footage.disposal.requested'));
            onDisposal?.(d);
          }}
        />
      )}
      {linking && c && (
        <LinkModal
          clipIds={[c.id]}
          onClose={() => setLinking(false)}
          onLinked={(fresh) => {
            setLinking(false);
            clip.refetch();
            onChanged(fresh);
          }}
        />
      )}
      {unlinking && (
        <UnlinkModal
          link={unlinking}
          onClose={() => setUnlinking(null)}
          onUnlinked={(fresh) => {
            setUnlinking(null);
            clip.refetch();
            onChanged([fresh]);
          }}
        />
      )}
    </Drawer>
  );
}

function ClipMetadata({ clip: c }: { clip: ClipDetail }) {
  const { t, locale } = useI18n();
  const src = (field: string): ReactNode => {
    const s: FieldSource | undefined = c.fieldSources[field];
    return s ? <Tag className="field-source">{t(SOURCE_KEYS[s])}</Tag> : null;
  };
  const val = (v: ReactNode, field?: string) => (
    <span>
      {v === null || v === undefined || v === '' ? '—' : v}
      {field ? src(field) : null}
    </span>
  );
  const items = [
    { key: 'start', label: t('footage.field.start'), children: val(<span className="mono">{formatLocalWithOffset(c.start)}</span>, 'start') },
    { key: 'end', label: t('footage.field.end'), children: val(<span className="mono">{formatLocalWithOffset(c.end)}</span>, 'end') },
    { key: 'duration', label: t('footage.field.duration'), children: val(formatDuration(c.durationSec), 'durationSec') },
    { key: 'tz', label: t('footage.field.timezone'), children: val(c.timezone) },
    { key: 'device', label: t('footage.field.device'), children: val(c.deviceSerial, 'deviceSerial') },
    { key: 'userNo', label: t('footage.field.userNo'), children: val(c.userNo, 'userNo') },
    { key: 'unit', label: t('footage.field.unitCode'), children: val(c.unitCode, 'unitCode') },
    { key: 'important', label: t('footage.field.important'), children: val(t(c.important ? 'common.yes' : 'common.no'), 'important') },
    {
      key: 'holder',
      label: t('footage.field.holder'),
      children: c.holder ? `${c.holder.name}（${c.holder.certNo}）` : <span className="muted">{t('footage.detail.noHolder')}</span>,
    },
    { key: 'kind', label: t('footage.field.kind'), children: `${t(KIND_KEYS[c.kind])} · ${c.mediaType}` },
    { key: 'size', label: t('footage.field.size'), children: formatBytes(c.size) },
    { key: 'resolution', label: t('footage.field.resolution'), children: c.width && c.height ? `${c.width}×${c.height}` : '—' },
    { key: 'frameRate', label: t('footage.field.frameRate'), children: c.frameRate ? `${Math.round(c.frameRate * 100) / 100} fps` : '—' },
    { key: 'codecs', label: t('footage.field.codecs'), children: [c.videoCodec, c.audioCodec].filter(Boolean).join(' / ') || '—' },
    { key: 'container', label: t('footage.field.container'), children: val(c.container) },
    { key: 'namePattern', label: t('footage.field.namePattern'), children: val(c.namePattern) },
    { key: 'fileSeq', label: t('footage.field.fileSeq'), children: val(c.fileSeq) },
    { key: 'creation', label: t('footage.field.creationTime'), children: val(c.creationTime ? <span className="mono">{c.creationTime}</span> : null) },
    { key: 'mtime', label: t('footage.field.fileMtime'), children: val(c.fileMtime ? <span className="mono">{c.fileMtime}</span> : null) },
    { key: 'ingested', label: t('footage.field.ingestedAt'), children: formatInstant(c.ingestedAt, locale) },
    { key: 'retention', label: t('footage.col.retention'), children: <RetentionTag retention={c.retention} /> },
    {
      key: 'fixity',
      label: t('footage.field.lastFixity'),
      children: c.lastFixity ? `${t(OUTCOME_KEYS[c.lastFixity.outcome])} · ${formatInstant(c.lastFixity.checkedAt, locale)}` : t('footage.detail.neverChecked'),
    },
  ];
  return (
    <Card size="small" title={t('footage.detail.metadata')} className="section-card">
      <Descriptions size="small" bordered column={2} styles={{ label: { width: 110, whiteSpace: 'nowrap' } }} items={items} />
      {c.conflicts.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={t('footage.detail.conflicts')}
          description={
            <ul className="footage-plain-list">
              {c.conflicts.map((x) => (
                <li key={x.field}>
                  {t('footage.detail.conflict', {
                    field: FIELD_KEYS[x.field] ? t(FIELD_KEYS[x.field]!) : x.field,
                    chosen: `${x.chosen.value}（${t(SOURCE_KEYS[x.chosen.source])}）`,
                    other: `${x.other.value}（${t(SOURCE_KEYS[x.other.source])}）`,
                  })}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Card>
  );
}

function SourcesTable({ sources }: { sources: ClipSourceInfo[] }) {
  const { t, locale } = useI18n();
  return (
    <Table<ClipSourceInfo>
      rowKey={(s) => `${s.sourceRoot}/${s.relPath}`}
      size="small"
      bordered
      pagination={false}
      dataSource={sources}
      columns={[
        {
          title: t('footage.detail.sourcePath'),
          key: 'path',
          render: (_, s) => (
            <span className="mono footage-path">
              {s.sourceRoot}
              {s.sourceRoot.endsWith('/') || s.sourceRoot.endsWith('\\') ? '' : '/'}
              {s.relPath}
            </span>
          ),
        },
        { title: t('footage.field.size'), dataIndex: 'size', width: 80, align: 'right', render: (n: number) => formatBytes(n) },
        { title: t('footage.detail.firstSeen'), dataIndex: 'firstSeenAt', width: 150, render: (v: string) => formatInstant(v, locale) },
      ]}
    />
  );
}
