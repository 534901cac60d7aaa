import { Empty, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import type { ClipSummary } from '../../../src/api/types-footage';
import { ListTable } from '../../components/ListPage';
import { useI18n } from '../../i18n/I18nProvider';
import { ClipThumb } from './ClipThumb';
import { DigestText } from './DigestText';
import { OpenLink } from './OpenLink';
import { formatDuration, formatLocalWithOffset } from './footage-format';
import { RetentionTag } from './RetentionTag';

/** The clips as a virtual table: thumbnail, name, camera-local start, duration, device, people, cases. */
export function ClipTable({
  items,
  loading,
  height,
  selected,
  onSelect,
  onOpen,
  error,
  hasMore,
  onLoadMore,
}: {
  items: ClipSummary[];
  loading: boolean;
  height: number;
  selected?: number[];
  onSelect?: (ids: number[]) => void;
  onOpen: (id: number) => void;
  error?: unknown;
  hasMore: boolean;
  onLoadMore: () => void;
}) {
  const { t } = useI18n();
  const columns = useMemo<TableColumnsType<ClipSummary>>(
    () => [
      { title: t('footage.col.thumb'), key: 'thumb', width: 92, render: (_, c) => <ClipThumb clip={c} /> },
      {
        title: t('footage.col.name'),
        dataIndex: 'originalName',
        width: 200,
        render: (name: string, c) => (
          <div className="clip-name">
            <OpenLink onOpen={() => onOpen(c.id)}>{name}</OpenLink>
            {c.important && <Tag color="orange">{t('footage.important')}</Tag>}
            {c.disposed && <Tag>{t('footage.disposed')}</Tag>}
          </div>
        ),
      },
      { title: t('footage.col.start'), dataIndex: 'start', width: 166, className: 'nowrap mono', render: (v: string | null) => formatLocalWithOffset(v) },
      { title: t('footage.col.duration'), dataIndex: 'durationSec', width: 52, align: 'right', render: (v: number | null) => formatDuration(v) },
      {
        title: t('footage.col.device'),
        key: 'device',
        width: 90,
        render: (_, c) => (
          <div>
            <div className="mono">{c.deviceSerial ?? '—'}</div>
            {c.userNo && <div className="muted">{t('footage.userNo', { no: c.userNo })}</div>}
          </div>
        ),
      },
      {
        title: t('footage.col.officers'),
        key: 'officers',
        width: 100,
        render: (_, c) =>
          c.officers.length === 0
            ? '—'
            : c.officers.map((o) => (
                <Tooltip
                  key={`${o.via}-${o.certNo}`}
                  title={`${o.certNo} · ${t(o.via === 'link' ? 'footage.officerVia.link' : 'footage.officerVia.register')}`}
                >
                  <Tag color={o.via === 'link' ? 'geekblue' : 'default'}>{o.name}</Tag>
                </Tooltip>
              )),
      },
      {
        title: t('footage.col.cases'),
        key: 'cases',
        width: 160,
        render: (_, c) =>
          c.cases.length === 0 ? (
            <span className="muted">{t('footage.unlinked')}</span>
          ) : (
            c.cases.map((k) => (
              <div key={k.linkId} className="clip-case">
                {k.caseNo}
              </div>
            ))
          ),
      },
      {
        title: t('footage.col.activity'),
        dataIndex: 'activities',
        width: 80,
        render: (a: string[]) => (a.length ? a.map((x) => <Tag key={x}>{x}</Tag>) : '—'),
      },
      { title: t('footage.col.retention'), key: 'retention', width: 110, render: (_, c) => <RetentionTag retention={c.retention} /> },
      {
        title: t('footage.col.digests'),
        key: 'digests',
        width: 165,
        render: (_, c) => (
          <div>
            <DigestText label="SHA-256" hex={c.sha256} />
            <DigestText label="SM3" hex={c.sm3} />
          </div>
        ),
      },
    ],
    [t, onOpen],
  );

  return (
    <ListTable<ClipSummary>
      className="clip-table"
      rowKey="id"
      virtual={{ height, scrollX: 1250 }}
      loading={loading}
      error={error}
      columns={columns}
      rows={items}
      empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('footage.empty')} />}
      rowSelection={onSelect ? { selectedRowKeys: selected ?? [], onChange: (keys) => onSelect(keys.map(Number)), columnWidth: 36 } : undefined}
      onOpen={(c) => onOpen(c.id)}
      hasMore={hasMore}
      loadOnScroll
      onLoadMore={onLoadMore}
      loadMoreLabel={t('footage.loadMore')}
    />
  );
}
