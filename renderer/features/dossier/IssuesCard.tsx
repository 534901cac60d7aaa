import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import { App, Button, Card, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import type { DossierView } from '../../../src/api/types-dossier';
import type { BindIssue } from '../../../src/binding/types';
import { invoke } from '../../bridge/client';
import { useSubmit } from '../../components/use-submit';
import { useI18n } from '../../i18n/I18nProvider';
import { formatTime } from './dossier-labels';

const RANK = { error: 0, warning: 1, notice: 2 } as const;

/**
 * 立卷检查: errors (block 归档, must be fixed in the case), warnings (each needs an acknowledged reason,
 * recorded in the 备考表), notices (facts the 备考表 states), and the recorded order deviations.
 */
export function IssuesCard({
  view,
  editable,
  onChanged,
}: {
  view: DossierView;
  /** Writers on a dossier that is not sealed. */
  editable: boolean;
  onChanged: (v: DossierView) => void;
}) {
  const { t } = useI18n();
  const issues = [...view.bound.issues].sort((a, b) => RANK[a.severity] - RANK[b.severity] || Number(!!a.acknowledged) - Number(!!b.acknowledged));
  const errors = issues.filter((i) => i.severity === 'error').length;
  const open = issues.filter((i) => i.severity === 'warning' && !i.acknowledged).length;
  const deviations = view.bound.deviations;
  if (issues.length === 0 && deviations.length === 0) return null;

  const summary =
    view.status === 'sealed'
      ? t('dossier.issues.sealed')
      : errors > 0
        ? t('dossier.issues.blocked', { errors, warnings: open })
        : open > 0
          ? t('dossier.issues.needAck', { warnings: open })
          : t('dossier.issues.ready');

  return (
    <Card
      size="small"
      className="section-card dz-issues"
      title={t('dossier.issues.title')}
      extra={<span className={errors > 0 ? 'dz-text-error' : open > 0 ? 'dz-text-warning' : 'dz-text-ok'}>{summary}</span>}
    >
      <ul className="dz-issue-list">
        {issues.map((i) => (
          <IssueRow key={i.key} issue={i} view={view} editable={editable && i.severity === 'warning'} onChanged={onChanged} />
        ))}
        {deviations.map((d) => (
          <li key={`dev-${d.documentId}`} className="dz-issue is-deviation">
            <span className="dz-issue-icon">
              <InfoCircleFilled style={{ color: '#d46b08' }} />
            </span>
            <Tag color="orange">{t('dossier.issue.deviation')}</Tag>
            <span className="dz-issue-text">
              {t('dossier.deviation.line', { title: d.title, from: d.profilePosition, to: d.actualPosition })}
              {d.reason && <span className="dz-ack-reason">{t('dossier.deviation.reason', { reason: d.reason })}</span>}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function IssueRow({ issue, view, editable, onChanged }: { issue: BindIssue; view: DossierView; editable: boolean; onChanged: (v: DossierView) => void }) {
  const { t, locale, errorText } = useI18n();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const { busy, run } = useSubmit({ onError: (e) => message.error(errorText(e)) });
  const text = locale === 'zh-CN' ? issue.messageZh : issue.message;

  const acknowledge = async () => {
    if (view.caseId === null) return;
    if (reason.trim().length < 2) {
      message.warning(t('dossier.ack.needReason'));
      return;
    }
    const caseId = view.caseId;
    await run(async () => {
      onChanged(await invoke('dossier.acknowledge', { caseId, warning: issue.key, reason: reason.trim() }));
      message.success(t('dossier.ack.done'));
    });
  };

  const icon =
    issue.severity === 'error' ? (
      <CloseCircleFilled style={{ color: '#cf1322' }} />
    ) : issue.severity === 'warning' ? (
      issue.acknowledged ? (
        <CheckCircleFilled style={{ color: '#389e0d' }} />
      ) : (
        <ExclamationCircleFilled style={{ color: '#d48806' }} />
      )
    ) : (
      <InfoCircleFilled style={{ color: '#8c8c8c' }} />
    );
  const tag =
    issue.severity === 'error' ? (
      <Tag color="error">{t('dossier.issue.error')}</Tag>
    ) : issue.severity === 'warning' ? (
      issue.acknowledged ? (
        <Tag color="success">{t('dossier.issue.acknowledged')}</Tag>
      ) : (
        <Tag color="warning">{t('dossier.issue.warning')}</Tag>
      )
    ) : (
      <Tag>{t('dossier.issue.notice')}</Tag>
    );

  return (
    <li className={`dz-issue is-${issue.severity}${issue.acknowledged ? ' is-acked' : ''}`} data-issue-key={issue.key}>
      <span className="dz-issue-icon">{icon}</span>
      {tag}
      <span className="dz-issue-text">
        {text}
        {issue.severity === 'error' && <span className="dz-issue-hint">{t('dossier.issue.fixHint')}</span>}
        {issue.acknowledged && (
          <span className="dz-ack-reason">
            {t('dossier.ack.line', { reason: issue.acknowledged.reason, by: issue.acknowledged.by, at: formatTime(issue.acknowledged.at, locale) })}
          </span>
        )}
      </span>
      {editable && !issue.acknowledged && (
        <Space.Compact className="dz-ack-form">
          <Input
            size="small"
            placeholder={t('dossier.ack.placeholder')}
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
            onPressEnter={() => void acknowledge()}
            aria-label={t('dossier.ack.placeholder')}
          />
          <Button size="small" type="primary" ghost loading={busy !== null} onClick={() => void acknowledge()}>
            {t('dossier.ack.submit')}
          </Button>
        </Space.Compact>
      )}
    </li>
  );
}
