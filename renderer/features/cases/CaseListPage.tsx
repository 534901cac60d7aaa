import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Radio, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { CaseSummary } from '../../../src/api/types';
import type { Procedure } from '../../../src/domain/case';
import { useOp } from '../../bridge/use-op';
import { ErrorAlert } from '../../components/ErrorAlert';
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
  const list = useOp('case.list', { query: query || undefined, procedure: procedure === 'all' ? undefined : procedure });

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
    <div>
      <div className="page-toolbar">
        <div className="toolbar-left">
          <h2 className="page-title">{t('cases.title')}</h2>
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
          <Typography.Text type="secondary">{t('cases.count', { count: list.data?.length ?? 0 })}</Typography.Text>
        </div>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormOpen(true)}>
            {t('cases.register')}
          </Button>
        )}
      </div>
      <ErrorAlert error={list.error} style={{ marginBottom: 10 }} />
      <Table<CaseSummary>
        rowKey="id"
        size="small"
        bordered
        sticky
        loading={list.loading}
        columns={columns}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('cases.empty') }}
        pagination={{
          defaultPageSize: 50,
          showSizeChanger: true,
          pageSizeOptions: [50, 100, 200],
          size: 'small',
          showTotal: (n) => t('common.total', { count: n }),
        }}
        onRow={(r) => ({ onDoubleClick: () => navigate(`/cases/${r.id}`) })}
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
    </div>
  );
}
