import { Button, Drawer, InputNumber, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { ClipPlayer } from './ClipPlayer';
import { LogTab } from './LogTab';
import { RequestsTab } from './RequestsTab';
import { SearchPanel } from './SearchPanel';

/**
 * 调阅: 检索 (search, then open a clip in the player), 调阅申请 (file; 领导 decide and revoke), 调阅记录
 * (the log and the 登记表). `#/retrieval?clip=ID` opens the player on a clip directly (`&t=S`: from second S).
 */
export function RetrievalPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const clipParam = Number(params.get('clip'));
  const clipId = Number.isInteger(clipParam) && clipParam > 0 ? clipParam : null;
  const startAt = Number(params.get('t')) || 0;
  const [tab, setTab] = useState(params.get('tab') ?? 'search');
  const [newFor, setNewFor] = useState<number[] | null>(null);
  const [typed, setTyped] = useState<number | null>(null);
  const openClip = (id: number) => setParams({ clip: String(id), tab });
  const closeClip = () => setParams({ tab });

  return (
    <div className="retrieval-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3}>{t('retrieval.title')}</Typography.Title>
        <Space.Compact>
          <InputNumber
            min={1}
            precision={0}
            value={typed}
            onChange={(v) => setTyped(v)}
            placeholder={t('retrieval.openClipPlaceholder')}
            aria-label={t('retrieval.openClip')}
          />
          <Button disabled={!typed} onClick={() => typed && openClip(typed)}>
            {t('retrieval.open')}
          </Button>
        </Space.Compact>
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setTab(k);
          setParams(clipId ? { clip: String(clipId), tab: k } : { tab: k });
        }}
        items={[
          {
            key: 'search',
            label: t('retrieval.tab.search'),
            children: (
              <SearchPanel
                onOpenClip={openClip}
                onOpenCase={(id, pageId) => navigate(pageId ? `/cases/${id}?page=${pageId}` : `/cases/${id}`)}
                onOpenDossier={(id) => navigate(`/dossier/${id}`)}
              />
            ),
          },
          { key: 'requests', label: t('retrieval.tab.requests'), children: <RequestsTab newFor={newFor} onNewDone={() => setNewFor(null)} /> },
          { key: 'log', label: t('retrieval.tab.log'), children: <LogTab /> },
        ]}
      />
      <Drawer open={clipId !== null} onClose={closeClip} size="92vw" destroyOnHidden title={t('retrieval.title')} className="retrieval-drawer">
        {clipId !== null && (
          <ClipPlayer
            key={clipId}
            clipId={clipId}
            startAt={startAt}
            onRequestAccess={(id) => {
              setNewFor([id]);
              setTab('requests');
              setParams({ tab: 'requests' });
            }}
          />
        )}
      </Drawer>
    </div>
  );
}
