import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { AuditEntry, AuditVerifyResult } from '../../../src/api/types';
import { invoke } from '../../bridge/client';
import { isAuditAction } from '../../../src/domain/audit-actions';
import { usePagedQuery } from '../../bridge/use-query';
import { ListPage } from '../../components/ListPage';
import { useViewportHeight } from '../../components/use-viewport-height';
import { useI18n } from '../../i18n/I18nProvider';
import { formatInstant } from '../footage/footage-format';
import { detailLine, targetText } from './audit-format';
import { AuditDrawer } from './AuditDrawer';
import { AuditExport } from './AuditExport';
import { AuditFilters, type AuditFilterValue } from './AuditFilters';

const PAGE = 200;

/** 审计: the hash-chained log, newest first and filtered, each entry readable in a drawer; export; a check of the whole chain. */
export function AuditPage() {
  const { t, locale, errorText } = useI18n();
  const { message } = App.useApp();
  const viewport = useViewportHeight();
  const [filters, setFilters] = useState<AuditFilterValue>({});
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const log = usePagedQuery<'audit.list', AuditEntry>('audit.list', filters, {
    pageSize: PAGE,
    page: ({ limit, last }) => ({ limit, beforeSeq: last?.seq }),
    items: (r) => r,
    idOf: (e) => e.seq,
  });
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);
  const [verifying, setVerifying] = useState(false);

  const runVerify = async () => {
    setVerifying(true);
    try {
      setVerify(await invoke('audit.verify', {}));
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setVerifying(false);
    }
  };

  const columns = useMemo<TableColumnsType<AuditEntry>>(
    () => [
      { title: t('audit.col.seq'), dataIndex: 'seq', width: 70, align: 'right' },
      {
        title: t('audit.col.at'),
        dataIndex: 'at',
        width: 160,
        className: 'nowrap',
        render: (v: string) => formatInstant(v, locale),
      },
      { title: t('audit.col.actor'), dataIndex: 'actor', width: 110, ellipsis: true },
      {
        title: t('audit.col.action'),
        dataIndex: 'action',
        width: 130,
        render: (a: string) => {
          // Every AuditAction has a label (i18n/audit.*.ts); an action this build does not write shows as logged.
          return isAuditAction(a) ? <span title={a}>{t(`audit.action.${a}`)}</span> : <span className="hash">{a}</span>;
        },
      },
      {
        title: t('audit.col.target'),
        width: 240,
        ellipsis: true,
        render: (_, r) => <span className="audit-target">{targetText(t, r)}</span>,
      },
      {
        title: t('audit.col.detail'),
        dataIndex: 'detail',
        ellipsis: true,
        render: (d: AuditEntry['detail']) => (d ? <span className="audit-detail">{detailLine(t, d)}</span> : '—'),
      },
      {
        title: t('audit.col.hash'),
        dataIndex: 'hash',
        width: 120,
        render: (h: string) => (
          <Typography.Text className="hash" copyable={{ text: h }}>
            {h.slice(0, 10)}
          </Typography.Text>
        ),
      },
    ],
    [t, locale],
  );

  return (
    <>
      <ListPage<AuditEntry>
        title={t('audit.title')}
        filterBar={
          <>
            <AuditFilters value={filters} onChange={setFilters} />
            <AuditExport filters={filters} />
          </>
        }
        actions={
          <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void runVerify()}>
            {t('audit.verify')}
          </Button>
        }
        notice={
          verify && (
            <Alert
              style={{ marginBottom: 10 }}
              showIcon
              closable={{ onClose: () => setVerify(null) }}
              type={verify.ok ? 'success' : 'error'}
              title={
                verify.ok
                  ? t('audit.verifyOk', { checked: verify.checked, head: verify.headSeq })
                  : verify.firstBroken
                    ? t('audit.verifyBroken', {
                        seq: verify.firstBroken.seq,
                        reason: locale === 'zh-CN' ? verify.firstBroken.reasonZh : verify.firstBroken.reason,
                      })
                    : t('audit.verifyFailed', { count: verify.problems?.length ?? 0 })
              }
              description={
                !verify.ok && (
                  <>
                    <div>{t('audit.verifyChecked', { checked: verify.checked })}</div>
                    {/* Every problem the check found (triggers, anchor, key, witness, each altered entry), not only the first. */}
                    <ul className="audit-verify-problems" style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                      {(verify.problems ?? []).map((p, i) => (
                        <li key={i}>{locale === 'zh-CN' ? p.reasonZh : p.reason}</li>
                      ))}
                    </ul>
                  </>
                )
              }
            />
          )
        }
        error={log.error}
        rowKey="seq"
        loading={log.loading}
        columns={columns}
        rows={log.items}
        virtual={{ height: Math.max(240, viewport - (verify ? 340 : 290)), scrollX: 1100 }}
        className="audit-table"
        // A click opens the entry's drawer (who, when, what, the detail in words).
        table={{ onRow: (r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' } }) }}
        hasMore={log.hasMore}
        onLoadMore={() => void log.loadMore()}
        loadMoreLabel={t('audit.loadMore')}
      />
      <AuditDrawer entry={open} onClose={() => setOpen(null)} />
    </>
  );
}
