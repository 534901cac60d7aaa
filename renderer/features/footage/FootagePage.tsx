import { ImportOutlined, LinkOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Space, Tabs } from 'antd';
import { useCallback, useState } from 'react';
import { useViewportHeight } from '../../components/use-viewport-height';
import { ListToolbar } from '../../components/ListPage';
import { useI18n } from '../../i18n/I18nProvider';
import { useUser } from '../auth/session';
import { ClipDrawer } from './ClipDrawer';
import { ClipTable } from './ClipTable';
import { DeviceRegisterCard } from './DeviceRegisterCard';
import { DisposalsCard } from './DisposalsCard';
import { FixityPanel } from './FixityPanel';
import { FootageFilters } from './FootageFilters';
import { IngestModal } from './IngestModal';
import { LinkModal } from './LinkModal';
import { RetentionDueCard } from './RetentionDueCard';
import type { ClipSummary } from '../../../src/api/types-footage';
import { useClips, type ClipQuery } from './use-clips';
import './footage.css';

type TabKey = 'clips' | 'fixity' | 'retention' | 'disposals' | 'devices';

/** 音像: the body-camera footage archive — list and filters, 导入音像, 关联, 完整性核验, 到期复核, 处置审批, 设备台账. */
export function FootagePage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user, canWrite } = useUser();
  const viewport = useViewportHeight();
  const [tab, setTab] = useState<TabKey>('clips');
  const [query, setQuery] = useState<ClipQuery>({});
  const [selected, setSelected] = useState<number[]>([]);
  const [open, setOpen] = useState<number | null>(null);
  const [ingesting, setIngesting] = useState(false);
  const [linking, setLinking] = useState(false);
  const clips = useClips(query);
  const { loadMore, hasMore, update, refetch: reload } = clips;
  /** Puts fresh summaries (after link/unlink) in place without a round trip. */
  const replace = useCallback((fresh: ClipSummary[]) => update((prev) => prev.map((c) => fresh.find((f) => f.id === c.id) ?? c)), [update]);
  const onLoadMore = useCallback(() => void loadMore(), [loadMore]);
  const onOpen = useCallback((id: number) => setOpen(id), []);
  // A disposal requested or decided anywhere on the page: the lists that show disposals load afresh.
  const [disposalVersion, setDisposalVersion] = useState(0);
  const onDisposal = useCallback(() => setDisposalVersion((v) => v + 1), []);

  return (
    <div className="footage-page">
      <ListToolbar
        title={t('footage.title')}
        count={t('footage.count', { shown: clips.items.length, total: clips.total })}
        actions={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={reload} aria-label={t('footage.refresh')} />
            {canWrite && (
              <>
                <Button icon={<LinkOutlined />} disabled={selected.length === 0} onClick={() => setLinking(true)}>
                  {selected.length ? t('footage.link.buttonN', { n: selected.length }) : t('footage.link.button')}
                </Button>
                <Button type="primary" icon={<ImportOutlined />} onClick={() => setIngesting(true)}>
                  {t('footage.ingest.button')}
                </Button>
              </>
            )}
          </Space>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as TabKey)}
        size="small"
        items={[
          {
            key: 'clips',
            label: t('footage.tab.clips'),
            children: (
              <>
                <FootageFilters
                  onChange={(q) => {
                    setSelected([]);
                    setQuery(q);
                  }}
                />
                <ClipTable
                  items={clips.items}
                  loading={clips.loading}
                  error={clips.error}
                  height={Math.max(260, viewport - 290)}
                  selected={canWrite ? selected : undefined}
                  onSelect={canWrite ? setSelected : undefined}
                  onOpen={onOpen}
                  hasMore={hasMore}
                  onLoadMore={onLoadMore}
                />
              </>
            ),
          },
          { key: 'fixity', label: t('footage.tab.fixity'), children: <FixityPanel role={user.role} /> },
          {
            key: 'retention',
            label: t('footage.tab.retention'),
            children: <RetentionDueCard key={disposalVersion} canWrite={canWrite} onOpen={onOpen} onDisposal={onDisposal} />,
          },
          {
            key: 'disposals',
            label: t('footage.tab.disposals'),
            children: (
              <DisposalsCard
                key={disposalVersion}
                role={user.role}
                onOpen={onOpen}
                onDecided={(d) => {
                  onDisposal();
                  if (d.state === 'approved') reload();
                }}
              />
            ),
          },
          { key: 'devices', label: t('footage.tab.devices'), children: <DeviceRegisterCard canWrite={canWrite} /> },
        ]}
      />
      {ingesting && (
        <IngestModal
          onClose={() => {
            setIngesting(false);
            reload();
          }}
          onIngested={(r) => {
            reload();
            if (r.errors.length === 0 && !r.cancelled) message.success(t('footage.ingest.toast', { n: r.new }));
          }}
        />
      )}
      {linking && (
        <LinkModal
          clipIds={selected}
          onClose={() => setLinking(false)}
          onLinked={(fresh) => {
            setLinking(false);
            replace(fresh);
            message.success(t('footage.link.done', { n: fresh.length }));
          }}
        />
      )}
      {open !== null && <ClipDrawer id={open} canWrite={canWrite} onClose={() => setOpen(null)} onChanged={replace} onDisposal={onDisposal} />}
    </div>
  );
}
