import { App, Button, Input, Tag } from 'antd';
import { useState } from 'react';
import type { OfficerSummary } from '../../../src/api/types-officer';
import { useQuery } from '../../bridge/use-query';
import { ListTable, ListToolbar } from '../../components/ListPage';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../auth/session';
import { todayKey } from './officer-labels';
import { OfficerDrawer } from './OfficerDrawer';
import { OfficerCreateModal } from './OfficerModals';

/** 执法人员名册 (持证上岗): who may act, with which certificate, valid until when. */
export function OfficersPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { canWrite } = useSession();
  const [query, setQuery] = useState('');
  const list = useQuery('officer.list', query ? { query } : {});
  const [open, setOpen] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const rows = list.data ?? [];
  return (
    <div className="page officers-page">
      <ListToolbar
        title={t('officers.title')}
        filters={<Input.Search allowClear placeholder={t('officers.search')} style={{ width: 220 }} onSearch={(v) => setQuery(v.trim())} />}
        count={t('officers.count', { n: rows.length })}
        actions={
          canWrite && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('officers.add')}
            </Button>
          )
        }
      />
      <ListTable<OfficerSummary>
        rows={rows}
        rowKey="id"
        loading={list.loading}
        error={list.error}
        empty={t('officers.empty')}
        onOpen={(r) => setOpen(r.id)}
        columns={[
          { title: t('officers.col.certNo'), dataIndex: 'certNo', width: 160 },
          { title: t('officers.col.name'), dataIndex: 'name', width: 100 },
          { title: t('officers.col.post'), dataIndex: 'post', ellipsis: true },
          { title: t('officers.col.status'), dataIndex: 'status', width: 80, render: (s: OfficerSummary['status']) => (s ? t(`officers.status.${s}`) : '—') },
          {
            title: t('officers.col.certificate'),
            width: 200,
            render: (_, r) => (r.certificate ? `${r.certificate.validFrom} 至 ${r.certificate.validTo}` : '—'),
          },
          {
            title: t('officers.col.today'),
            width: 110,
            render: (_, r) => <Tag color={r.validToday ? 'success' : r.problem === 'unregistered' ? 'default' : 'error'}>{t(todayKey(r))}</Tag>,
          },
          { title: t('officers.col.cases'), dataIndex: 'caseCount', width: 70 },
        ]}
      />
      {creating && (
        <OfficerCreateModal
          onClose={() => setCreating(false)}
          onDone={(o) => {
            setCreating(false);
            void message.success(t('officers.create.done', { name: o.name }));
            list.refetch();
            setOpen(o.id);
          }}
        />
      )}
      {open !== null && <OfficerDrawer id={open} onClose={() => setOpen(null)} onChanged={list.refetch} />}
    </div>
  );
}
