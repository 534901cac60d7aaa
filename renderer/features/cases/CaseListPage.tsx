import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Radio, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { CaseSummary } from '../../../src/api/types';
import type { Procedure } from '../../../src/domain/case';
import { useQuery } from '../../bridge/use-query';
import { ListPage } from '../../components/ListPage';
import { PROCEDURE_KEYS } from '../../components/labels';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../auth/session';
import { CaseFormModal } from './CaseFormModal';

const byText = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '', 'zh-CN');

/** 案件: the register of closed cases, searchable, with 登记案件 for writers. */
export function CaseListPage() {
  const { t } = useI18n();
  const { canWrite } = useSession();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [procedure, setProcedure] = useState<Procedure | 'all'>('all');
  const [formOpen, setFormOpen] = useState(false);
  const list = useQuery('case.list', { query: query || undefined, procedure: procedure === 'all' ? undefined : procedure }, { invalidateOn: ['case.changed'] });

  const columns = useMemo<TableColumnsType<CaseSummary>>(
    () => [
      {
        title: t('cases.col.caseNo'),
        dataIndex: 'caseNo',
        width: 210,
        sorter: (a, b) => byText(a.caseNo, b.caseNo),
        render: (v: string, r) => <Link to={`/cases/${r.id}`}>{v}</Link>,
      },
      { title: t('cases.col.title'), dataIndex: 'title', ellipsis: true, sorter: (a, b) => byText(a.title, b.title) },
      { title: t('cases.col.cause'), dataIndex: 'cause', ellipsis: true, width: 200 },
      {
        title: t('cases.col.procedure'),
        dataIndex: 'procedure',
        width: 84,
        render: (p: Procedure) => <Tag color={p === 'general' ? 'geekblue' : 'default'}>{t(PROCEDURE_KEYS[p])}</Tag>,
      },
      { title: t('cases.col.parties'), dataIndex: 'partyNames', width: 150, ellipsis: true, render: (names: string[]) => names.join('、') },
      {
        title: t('cases.col.filedOn'),
        dataIndex: 'filedOn',
        width: 100,
        className: 'nowrap',
        sorter: (a, b) => byText(a.filedOn, b.filedOn),
        render: (v: string | null) => v ?? '—',
      },
      {
        title: t('cases.col.closedOn'),
        dataIndex: 'closedOn',
        width: 100,
        className: 'nowrap',
        defaultSortOrder: 'descend',
        sorter: (a, b) => byText(a.closedOn, b.closedOn),
      },
      { title: t('cases.col.documents'), dataIndex: 'documentCount', width: 70, align: 'right', sorter: (a, b) => a.documentCount - b.documentCount },
      { title: t('cases.col.pages'), dataIndex: 'pageCount', width: 70, align: 'right', sorter: (a, b) => a.pageCount - b.pageCount },
    ],
    [t],
  );

  return (
    <>
      <ListPage<CaseSummary>
        title={t('cases.title')}
        filters={
          <>
            <Input.Search
              allowClear
              placeholder={t('cases.searchPlaceholder')}
              style={{ width: 320 }}
              onSearch={(v) => setQuery(v.trim())}
              enterButton={t('common.search')}
            />
            <Radio.Group
              size="small"
              optionType="button"
              value={procedure}
              onChange={(e) => setProcedure(e.target.value as Procedure | 'all')}
              options={[
                { value: 'all', label: t('common.all') },
                { value: 'general', label: t('procedure.general') },
                { value: 'summary', label: t('procedure.summary') },
              ]}
            />
          </>
        }
        count={t('cases.count', { count: list.data?.length ?? 0 })}
        actions={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormOpen(true)}>
              {t('cases.register')}
            </Button>
          )
        }
        error={list.error}
        rowKey="id"
        loading={list.loading}
        columns={columns}
        rows={list.data ?? []}
        empty={t('cases.empty')}
        onOpen={(r) => navigate(`/cases/${r.id}`)}
      />
      {formOpen && (
        <CaseFormModal
          open={formOpen}
          onClose={() => setFormOpen(false)}
          onSaved={(c) => {
            setFormOpen(false);
            navigate(`/cases/${c.id}`);
          }}
        />
      )}
    </>
  );
}
