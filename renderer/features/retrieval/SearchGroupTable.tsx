import { Button, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { OpInput } from '../../../src/api/contract';
import type { SearchGroup, SearchHit } from '../../../src/api/types-search';
import { invoke } from '../../bridge/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { ClipThumb } from '../footage/ClipThumb';
import { SearchSnippet } from './SearchSnippet';

export interface SearchOpeners {
  onOpenClip(clipId: number): void;
  /** Opens a case; with a page id, that page's recognised text on the case page (a 扫描页文字 hit). */
  onOpenCase(caseId: number, pageId?: number): void;
  onOpenDossier(caseId: number): void;
}

const PAGE = 50;
const ROW_HEIGHT_CLIP = 64;
const ROW_HEIGHT = 44;
const MAX_HEIGHT = 420;

/**
 * One kind's results: a virtual table (rows drawn as they scroll into view), what matched in each
 * row, and "load more" for the next page of the same search (the parent re-keys it on a new search).
 */
export function SearchGroupTable({ group, query, open }: { group: SearchGroup; query: OpInput<'search.query'>; open: SearchOpeners }) {
  const { t } = useI18n();
  const [more, setMore] = useState<SearchHit[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const rows = [...group.hits, ...more];
  const hasMore = rows.length < group.total;

  const loadMore = async () => {
    setLoading(true);
    try {
      const r = await invoke('search.query', { ...query, kinds: [group.kind], offset: rows.length, limit: PAGE });
      const next = r.groups[0]?.hits ?? [];
      setMore((m) => [...m, ...next.filter((h) => !rows.some((x) => x.id === h.id))]);
      setError(undefined);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };

  const item = (h: SearchHit): React.ReactNode => {
    switch (h.kind) {
      case 'case':
        return (
          <Space size={4} wrap>
            <Typography.Text strong>{h.caseNo}</Typography.Text>
            <span>{h.title}</span>
            {h.sealed ? <Tag color="green">{t('search.sealed')}</Tag> : <Tag>{t('search.open.status')}</Tag>}
          </Space>
        );
      case 'officer':
        return `${h.name}（${h.certNo}）${h.post ? ` ${h.post}` : ''}`;
      case 'device':
        return h.model ? `${h.serial}（${h.model}）` : h.serial;
      case 'clip':
        return (
          <div>
            <div>{h.originalName}</div>
            <Typography.Text type="secondary">
              {[h.startLocal?.slice(0, 19).replace('T', ' '), h.deviceSerial].filter(Boolean).join(' · ')}
            </Typography.Text>{' '}
            {h.cases.length ? h.cases.map((c) => <Tag key={c.caseId}>{c.caseNo}</Tag>) : <Tag color="orange">{t('search.unlinked')}</Tag>}
            {h.activities.map((a) => (
              <Tag key={a} color="blue">
                {a}
              </Tag>
            ))}
          </div>
        );
      case 'document':
        return (
          <Space size={4} wrap>
            <span>{h.title}</span>
            {h.docNo ? <Typography.Text type="secondary">{h.docNo}</Typography.Text> : null}
            <Tag>{h.caseNo}</Tag>
          </Space>
        );
      case 'scan':
        return (
          <Space size={4} wrap>
            <span>{h.title}</span>
            <Typography.Text type="secondary">{t('search.scanPage', { page: h.page })}</Typography.Text>
            <Tag>{h.caseNo}</Tag>
          </Space>
        );
    }
  };

  const actions = (h: SearchHit): React.ReactNode => {
    switch (h.kind) {
      case 'clip':
        return (
          <Button size="small" type="link" onClick={() => open.onOpenClip(h.id)}>
            {t('search.openClip')}
          </Button>
        );
      case 'case':
        return (
          <Space size={0}>
            <Button size="small" type="link" onClick={() => open.onOpenCase(h.id)}>
              {t('search.openCase')}
            </Button>
            {h.hasDossier ? (
              <Button size="small" type="link" onClick={() => open.onOpenDossier(h.id)}>
                {t('search.openDossier')}
              </Button>
            ) : null}
          </Space>
        );
      case 'document':
        return (
          <Space size={0}>
            <Button size="small" type="link" onClick={() => open.onOpenCase(h.caseId)}>
              {t('search.openCase')}
            </Button>
            <Button size="small" type="link" onClick={() => open.onOpenDossier(h.caseId)}>
              {t('search.openDossier')}
            </Button>
          </Space>
        );
      case 'scan':
        return (
          <Button size="small" type="link" onClick={() => open.onOpenCase(h.caseId, h.pageId)}>
            {t('search.openPage')}
          </Button>
        );
      default:
        return null;
    }
  };

  const columns: ColumnsType<SearchHit> = [
    ...(group.kind === 'clip'
      ? [
          {
            key: 'thumb',
            title: t('search.col.thumb'),
            width: 110,
            render: (_: unknown, h: SearchHit) =>
              h.kind === 'clip' ? (
                <ClipThumb clip={{ id: h.id, hasThumb: h.hasThumb, derivedState: h.derivedState, kind: h.clipKind, originalName: h.originalName }} />
              ) : null,
          },
        ]
      : []),
    { key: 'item', title: t('search.col.item'), width: 420, render: (_: unknown, h: SearchHit) => item(h) },
    {
      key: 'matched',
      title: t('search.col.matched'),
      width: 360,
      render: (_: unknown, h: SearchHit) => h.matches.map((m) => <SearchSnippet key={m.field} match={m} />),
    },
    { key: 'action', title: t('search.col.action'), width: 180, render: (_: unknown, h: SearchHit) => actions(h) },
  ];
  const rowHeight = group.kind === 'clip' ? ROW_HEIGHT_CLIP : ROW_HEIGHT;

  return (
    <div className={`search-group search-group-${group.kind}`} data-kind={group.kind}>
      <Typography.Title level={5} style={{ margin: '12px 0 6px' }}>
        {t(`search.kind.${group.kind}`)}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal' }}>
          {group.capped ? t('search.totalCapped', { total: group.total }) : t('search.total', { total: group.total })}
        </Typography.Text>
      </Typography.Title>
      <ErrorAlert error={error} />
      <Table<SearchHit>
        size="small"
        rowKey={(h) => `${h.kind}-${h.id}`}
        columns={columns}
        dataSource={rows}
        pagination={false}
        virtual
        scroll={{ x: 1070, y: Math.min(MAX_HEIGHT, Math.max(rowHeight, rows.length * rowHeight)) }}
        onRow={(h) => ({
          onDoubleClick: () =>
            h.kind === 'clip'
              ? open.onOpenClip(h.id)
              : h.kind === 'case'
                ? open.onOpenCase(h.id)
                : h.kind === 'document'
                  ? open.onOpenCase(h.caseId)
                  : h.kind === 'scan'
                    ? open.onOpenCase(h.caseId, h.pageId)
                    : undefined,
        })}
      />
      {hasMore ? (
        <Button size="small" style={{ marginTop: 6 }} loading={loading} onClick={() => void loadMore()}>
          {t('search.more')}
        </Button>
      ) : null}
    </div>
  );
}
