import { App, Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { mayCall } from '../../bridge/permissions';
import type { RetrievalGrantInfo, RetrievalRequestInfo, RetrievalScopeInfo } from '../../../src/api/types-retrieval';
import { invoke } from '../../bridge/client';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ReasonModal } from '../../components/ReasonModal';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../auth/session';
import { formatInstant } from '../footage/footage-format';
import { purposeKey, RequestModal } from './RequestModal';

type Decision = { kind: 'approve' | 'reject'; id: number } | { kind: 'revoke'; id: number };

export function useScopeText() {
  const { t, locale } = useI18n();
  return (s: RetrievalScopeInfo) =>
    'caseId' in s
      ? t('retrieval.scope.case', { caseNo: s.caseNo ?? String(s.caseId) })
      : 'clipIds' in s
        ? t('retrieval.scope.clips', { ids: s.clipIds.join(', ') })
        : t('retrieval.scope.window', { from: formatInstant(s.from, locale), to: formatInstant(s.to, locale) });
}

/** 调阅申请: file one; 领导 approve or reject others' with a comment, and revoke grants (also the 评查任务授权 below). */
export function RequestsTab({ newFor, onNewDone }: { newFor: number[] | null; onNewDone: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const list = useQuery('retrieval.list', {});
  const reviewGrants = useQuery('retrieval.grants', { source: 'review-assignment' });
  const [filing, setFiling] = useState(false);
  const [decision, setDecision] = useState<Decision | null>(null);
  const scopeText = useScopeText();
  const approver = mayCall(user?.role, 'retrieval.approve');
  const open = filing || newFor !== null;
  const close = () => {
    setFiling(false);
    onNewDone();
  };

  return (
    <div className="retrieval-requests">
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setFiling(true)}>
          {t('retrieval.request.new')}
        </Button>
      </Space>
      <ErrorAlert error={list.error} />
      <Table<RetrievalRequestInfo>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('retrieval.requests.empty') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('retrieval.requests.col.id'), dataIndex: 'id', width: 70 },
          {
            title: t('retrieval.requests.col.requester'),
            render: (_: unknown, r) => (
              <>
                {r.requester} {r.yours && <Tag>{t('retrieval.requests.yours')}</Tag>}
                <div>
                  <Typography.Text type="secondary">{r.reason}</Typography.Text>
                </div>
              </>
            ),
          },
          { title: t('retrieval.requests.col.purpose'), render: (_: unknown, r) => t(purposeKey(r.purpose)) },
          { title: t('retrieval.requests.col.scope'), render: (_: unknown, r) => scopeText(r.scope) },
          { title: t('retrieval.requests.col.until'), render: (_: unknown, r) => formatInstant(r.until, locale) },
          {
            title: t('retrieval.requests.col.status'),
            render: (_: unknown, r) => (
              <Space direction="vertical" size={0}>
                <Tag color={r.status === 'approved' ? 'green' : r.status === 'rejected' ? 'red' : 'gold'}>{t(`retrieval.status.${r.status}`)}</Tag>
                {r.grant && (
                  <Tag color={r.grant.active ? 'blue' : 'default'}>
                    {r.grant.active ? t('retrieval.grant.active') : r.grant.revokedAt ? t('retrieval.grant.revoked') : t('retrieval.grant.expired')}
                  </Tag>
                )}
              </Space>
            ),
          },
          { title: t('retrieval.requests.col.decision'), render: (_: unknown, r) => (r.decidedBy ? `${r.decidedBy}：${r.decisionComment ?? ''}` : '—') },
          ...(approver
            ? [
                {
                  title: t('retrieval.requests.col.actions'),
                  render: (_: unknown, r: RetrievalRequestInfo) => (
                    <Space>
                      {r.status === 'pending' && !r.yours && (
                        <>
                          <Button size="small" type="primary" onClick={() => setDecision({ kind: 'approve', id: r.id })}>
                            {t('retrieval.requests.approve')}
                          </Button>
                          <Button size="small" danger onClick={() => setDecision({ kind: 'reject', id: r.id })}>
                            {t('retrieval.requests.reject')}
                          </Button>
                        </>
                      )}
                      {r.grant?.active && (
                        <Button size="small" danger onClick={() => setDecision({ kind: 'revoke', id: r.grant!.id })}>
                          {t('retrieval.requests.revoke')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {(reviewGrants.data?.length ?? 0) > 0 && (
        <ReviewGrantsTable grants={reviewGrants.data ?? []} approver={approver} onRevoke={(id) => setDecision({ kind: 'revoke', id })} />
      )}
      <ErrorAlert error={reviewGrants.error} />
      {open && (
        <RequestModal
          {...(newFor ? { clipIds: newFor } : {})}
          onClose={close}
          onFiled={() => {
            void message.success(t('retrieval.request.filed'));
            close();
            list.refetch();
          }}
        />
      )}
      {decision && (
        <ReasonModal
          title={t(
            decision.kind === 'approve'
              ? 'retrieval.requests.approveTitle'
              : decision.kind === 'reject'
                ? 'retrieval.requests.rejectTitle'
                : 'retrieval.requests.revokeTitle',
            {
              id: decision.id,
            },
          )}
          okText={t(
            decision.kind === 'approve' ? 'retrieval.requests.approve' : decision.kind === 'reject' ? 'retrieval.requests.reject' : 'retrieval.requests.revoke',
          )}
          reasonLabel={t(decision.kind === 'revoke' ? 'retrieval.requests.revokeReason' : 'retrieval.requests.comment')}
          reasonShort={t('common.required', { field: t('retrieval.requests.comment') })}
          formName="retrievalDecision"
          danger={decision.kind !== 'approve'}
          onClose={() => setDecision(null)}
          submit={async (text) => {
            if (decision.kind === 'revoke') await invoke('retrieval.revoke', { grantId: decision.id, reason: text });
            else await invoke(decision.kind === 'approve' ? 'retrieval.approve' : 'retrieval.reject', { id: decision.id, comment: text });
            setDecision(null);
            list.refetch();
            reviewGrants.refetch();
          }}
        />
      )}
    </div>
  );
}

/** The grants 评查 assignments made (评查任务授权): inspector, plan, case, until, state; 领导 revoke them here. */
function ReviewGrantsTable({ grants, approver, onRevoke }: { grants: RetrievalGrantInfo[]; approver: boolean; onRevoke: (grantId: number) => void }) {
  const { t, locale } = useI18n();
  const scopeText = useScopeText();
  return (
    <div className="retrieval-review-grants" style={{ marginTop: 24 }}>
      <Typography.Title level={5}>{t('retrieval.grants.review.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('retrieval.grants.review.note')}</Typography.Paragraph>
      <Table<RetrievalGrantInfo>
        size="small"
        rowKey="id"
        dataSource={grants}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('retrieval.grants.col.id'), dataIndex: 'id', width: 80 },
          {
            title: t('retrieval.grants.col.inspector'),
            render: (_: unknown, g) => (
              <>
                {g.user} <Tag color="purple">{t('retrieval.grants.review.tag')}</Tag>
              </>
            ),
          },
          { title: t('retrieval.grants.col.plan'), render: (_: unknown, g) => g.review?.planTitle ?? '—' },
          { title: t('retrieval.grants.col.case'), render: (_: unknown, g) => scopeText(g.scope) },
          { title: t('retrieval.requests.col.until'), render: (_: unknown, g) => formatInstant(g.until, locale) },
          { title: t('retrieval.grants.col.grantedBy'), render: (_: unknown, g) => g.createdBy ?? '—' },
          {
            title: t('retrieval.requests.col.status'),
            render: (_: unknown, g) => (
              <Space direction="vertical" size={0}>
                <Tag color={g.active ? 'blue' : 'default'}>
                  {g.active ? t('retrieval.grant.active') : g.revokedAt ? t('retrieval.grant.revoked') : t('retrieval.grant.expired')}
                </Tag>
                {g.revokedAt && (
                  <Typography.Text type="secondary">
                    {g.revokedBy ?? ''}：{g.revokeReason ?? ''}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          ...(approver
            ? [
                {
                  title: t('retrieval.requests.col.actions'),
                  render: (_: unknown, g: RetrievalGrantInfo) =>
                    g.active && (
                      <Button size="small" danger onClick={() => onRevoke(g.id)}>
                        {t('retrieval.requests.revoke')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
