import { AppstoreAddOutlined } from '@ant-design/icons';
import { Button, Input, Progress, Radio, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { CaseSummary } from '../../../src/api/types';
import type { Procedure } from '../../../src/domain/case';
import { useQuery } from '../../bridge/use-query';
import { ListPage } from '../../components/ListPage';
import { PROCEDURE_KEYS } from '../../components/labels';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../auth/session';
import { BatchModal } from './BatchModal';
import { dash, STATE_COLORS, STATE_KEYS, type DossierState } from './dossier-labels';
import { useDossierInfos, type DossierInfo } from './use-dossier-infos';
import './dossier.css';

type Row = CaseSummary & { dossier: DossierInfo | undefined | 'failed' };
type StateFilter = 'all' | DossierState;

const byText = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '', 'zh-CN');

/** 卷宗: every case with the state of its dossier (未立卷 / 待归档 / 更正中 / 已归档), 归档号 and 档号. */
export function DossierListPage() {
  const { t } = useI18n();
  const { canWrite } = useSession();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [stateFilter, setStateFilter] = useState<StateFilter>('all');
  const [batchOpen, setBatchOpen] = useState(false);
  const list = useQuery('case.list', { query: query || undefined });
  const { infos, refetch: refetchInfos } = useDossierInfos(list.data);
  const profiles = useQuery('profile.list', {});
  const canBatch = canWrite && (profiles.data ?? []).some((p) => p.batching);

  const rows = useMemo<Row[]>(() => (list.data ?? []).map((c) => ({ ...c, dossier: infos.get(c.id) })), [list.data, infos]);
  const shown = stateFilter === 'all' ? rows : rows.filter((r) => typeof r.dossier === 'object' && r.dossier.state === stateFilter);
  const counts = useMemo(() => {
    const n: Record<DossierState, number> = { unbound: 0, draft: 0, correcting: 0, sealed: 0 };
    for (const r of rows) if (typeof r.dossier === 'object') n[r.dossier.state]++;
    return n;
  }, [rows]);
  const loaded = rows.filter((r) => r.dossier !== undefined).length;

  const columns = useMemo<TableColumnsType<Row>>(
    () => [
      {
        title: t('cases.col.caseNo'),
        dataIndex: 'caseNo',
        width: 210,
        sorter: (a, b) => byText(a.caseNo, b.caseNo),
        render: (v: string, r) => <Link to={`/dossier/${r.id}`}>{v}</Link>,
      },
      { title: t('cases.col.title'), dataIndex: 'title', ellipsis: true, sorter: (a, b) => byText(a.title, b.title) },
      {
        title: t('cases.col.procedure'),
        dataIndex: 'procedure',
        width: 84,
        render: (p: Procedure) => <Tag color={p === 'general' ? 'geekblue' : 'default'}>{t(PROCEDURE_KEYS[p])}</Tag>,
      },
      {
        title: t('cases.col.closedOn'),
        dataIndex: 'closedOn',
        width: 100,
        className: 'nowrap',
        defaultSortOrder: 'descend',
        sorter: (a, b) => byText(a.closedOn, b.closedOn),
      },
      {
        title: t('dossier.col.state'),
        width: 150,
        render: (_, r) => <StateCell info={r.dossier} />,
      },
      {
        title: t('dossier.field.archiveNo'),
        width: 100,
        className: 'mono nowrap',
        sorter: (a, b) => byText(info(a)?.archiveNo ?? null, info(b)?.archiveNo ?? null),
        render: (_, r) => dash(info(r)?.archiveNo),
      },
      { title: t('dossier.field.archiveCode'), width: 150, className: 'mono', ellipsis: true, render: (_, r) => dash(info(r)?.archiveCode) },
      { title: t('dossier.field.retention'), width: 80, render: (_, r) => dash(info(r)?.retention) },
      {
        title: t('dossier.col.volumesPages'),
        width: 90,
        align: 'right',
        render: (_, r) => {
          const i = info(r);
          return i ? t('dossier.col.volumesPagesValue', { volumes: i.volumes, pages: i.pages }) : '—';
        },
      },
      {
        title: '',
        width: 90,
        align: 'center',
        render: (_, r) => (
          <Button size="small" type="link" onClick={() => navigate(`/dossier/${r.id}`)}>
            {info(r)?.state === 'sealed' || !canWrite ? t('dossier.action.view') : t('dossier.action.bind')}
          </Button>
        ),
      },
    ],
    [t, navigate, canWrite],
  );

  return (
    <>
      <ListPage<Row>
        title={t('dossier.title')}
        filters={
          <>
            <Input.Search
              allowClear
              placeholder={t('cases.searchPlaceholder')}
              style={{ width: 300 }}
              onSearch={(v) => setQuery(v.trim())}
              enterButton={t('common.search')}
            />
            <Radio.Group
              size="small"
              optionType="button"
              value={stateFilter}
              onChange={(e) => setStateFilter(e.target.value as StateFilter)}
              options={[
                { value: 'all', label: t('common.all') },
                { value: 'unbound', label: `${t('dossier.state.unbound')} ${counts.unbound}` },
                { value: 'draft', label: `${t('dossier.state.draft')} ${counts.draft}` },
                ...(counts.correcting ? [{ value: 'correcting', label: `${t('dossier.state.correcting')} ${counts.correcting}` }] : []),
                { value: 'sealed', label: `${t('dossier.state.sealed')} ${counts.sealed}` },
              ]}
            />
            {list.data && loaded < rows.length ? (
              <Progress percent={Math.round((loaded / Math.max(1, rows.length)) * 100)} size="small" style={{ width: 120, margin: 0 }} showInfo={false} />
            ) : (
              <Typography.Text type="secondary">{t('cases.count', { count: shown.length })}</Typography.Text>
            )}
          </>
        }
        actions={
          canBatch && (
            <Button icon={<AppstoreAddOutlined />} onClick={() => setBatchOpen(true)}>
              {t('dossier.batch.open')}
            </Button>
          )
        }
        error={list.error}
        rowKey="id"
        loading={list.loading}
        columns={columns}
        rows={shown}
        empty={t('cases.empty')}
        onOpen={(r) => navigate(`/dossier/${r.id}`)}
      />
      {batchOpen && (
        <BatchModal
          profiles={(profiles.data ?? []).filter((p) => p.batching)}
          onClose={() => setBatchOpen(false)}
          onSealed={() => {
            setBatchOpen(false);
            refetchInfos();
          }}
        />
      )}
    </>
  );
}

function info(r: Row): DossierInfo | undefined {
  return typeof r.dossier === 'object' ? r.dossier : undefined;
}

function StateCell({ info: i }: { info: DossierInfo | undefined | 'failed' }) {
  const { t } = useI18n();
  if (i === undefined) return <span className="muted">…</span>;
  if (i === 'failed') return <Tag color="error">{t('dossier.state.failed')}</Tag>;
  return (
    <span className="dz-state-cell">
      <Tag color={STATE_COLORS[i.state]} style={{ marginInlineEnd: 4 }}>
        {t(STATE_KEYS[i.state])}
      </Tag>
      {i.batch && <Tag>{t('dossier.state.batch')}</Tag>}
      {i.state !== 'sealed' && i.errors > 0 && (
        <Tooltip title={t('dossier.col.errorsTip', { n: i.errors })}>
          <Tag color="error">{t('dossier.col.errors', { n: i.errors })}</Tag>
        </Tooltip>
      )}
      {i.state !== 'sealed' && i.errors === 0 && i.warnings > 0 && (
        <Tooltip title={t('dossier.col.warningsTip', { n: i.warnings })}>
          <Tag color="warning">{t('dossier.col.warnings', { n: i.warnings })}</Tag>
        </Tooltip>
      )}
    </span>
  );
}
