import { App, Button, DatePicker, Input, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { mayCall } from '../../bridge/permissions';
import type { RefusalInfo, RetrievalLogResult } from '../../../src/api/types-retrieval';
import { invoke } from '../../bridge/client';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/use-submit';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../auth/session';
import { formatInstant } from '../footage/footage-format';
import { ViewLogTable } from './ViewLogTable';

/** 调阅记录: sessions and refusals by period and person, a per-person summary, and the 登记表 as PDF/A. */
export function LogTab() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>([dayjs().subtract(30, 'day'), dayjs()]);
  const [person, setPerson] = useState('');
  const [target, setTarget] = useState('');
  const { busy, error, run } = useSubmit();
  const from = period[0].format('YYYY-MM-DD');
  const to = period[1].format('YYYY-MM-DD');
  const log = useQuery('retrieval.log', { from, to, ...(person.trim() ? { username: person.trim() } : {}) });
  const exportPdf = () =>
    run(async () => {
      const r = await invoke('retrieval.registerPdf', { from, to, target: target.trim() });
      void message.success(t('retrieval.log.pdfDone', { path: r.path, pages: r.pages }));
    });
  const data: RetrievalLogResult | undefined = log.data;
  return (
    <div className="retrieval-log">
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('retrieval.log.period')}</span>
        <DatePicker.RangePicker value={period} onChange={(v) => v && v[0] && v[1] && setPeriod([v[0], v[1]])} allowClear={false} />
        <Input placeholder={t('retrieval.log.person')} value={person} onChange={(e) => setPerson(e.target.value)} style={{ width: 180 }} allowClear />
      </Space>
      {mayCall(user?.role, 'retrieval.registerPdf') && (
        <Space.Compact style={{ width: '100%', maxWidth: 720, marginBottom: 12 }}>
          <Input placeholder={t('retrieval.log.pdfTarget')} value={target} onChange={(e) => setTarget(e.target.value)} />
          <Button disabled={!target.trim()} loading={busy !== null} onClick={() => void exportPdf()}>
            {t('retrieval.log.exportPdf')}
          </Button>
        </Space.Compact>
      )}
      <ErrorAlert error={error ?? log.error} />
      <ViewLogTable views={data?.views ?? []} loading={log.loading} />
      <Typography.Title level={5}>{t('retrieval.log.refusals')}</Typography.Title>
      <Table<RefusalInfo>
        size="small"
        rowKey="id"
        dataSource={data?.refusals ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('retrieval.log.col.started'), dataIndex: 'at', render: (v: string) => formatInstant(v, locale) },
          { title: t('retrieval.log.col.user'), dataIndex: 'user' },
          { title: t('retrieval.log.col.clip'), render: (_: unknown, r) => r.clipName ?? String(r.clipId) },
          { title: t('retrieval.log.col.why'), dataIndex: 'why' },
        ]}
      />
      <Typography.Title level={5}>{t('retrieval.log.people')}</Typography.Title>
      <Table
        size="small"
        rowKey="userId"
        dataSource={data?.people ?? []}
        pagination={false}
        columns={[
          { title: t('retrieval.log.col.user'), dataIndex: 'user' },
          { title: t('retrieval.log.people.sessions'), dataIndex: 'sessions' },
          { title: t('retrieval.log.people.clips'), dataIndex: 'clips' },
          { title: t('retrieval.log.col.total'), dataIndex: 'totalSec', render: (s: number) => `${s.toFixed(1)} s` },
          { title: t('retrieval.log.people.refusals'), dataIndex: 'refusals' },
        ]}
      />
    </div>
  );
}
