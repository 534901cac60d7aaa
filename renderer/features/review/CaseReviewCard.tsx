import { Alert, Button, Card, Descriptions, Form, Input, List, Modal, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { AssignmentInfo, ReviewFindingInfo, ReviewView } from '../../../src/api/types-review';
import { mayCall } from '../../bridge/permissions';
import { invoke } from '../../bridge/client';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/use-submit';
import { useI18n } from '../../i18n/I18nProvider';
import { useUser } from '../auth/session';
import { FindingPageViewer } from './FindingPageViewer';
import type { PageTarget } from './PagesPane';

type T = ReturnType<typeof useI18n>['t'];

/**
 * 评查结果 where the archivist works (the case page and the dossier page): for each submitted review
 * of the case (review.ofCase), the plan, the inspector, total and grade, the version, and each finding
 * with its place — a page opens the page viewer there, a clip second opens the 调阅 player. Findings
 * that deduct (accepted) need mending (整改): the archivist answers each (review.answer) and the
 * answer shows under it. Reviews still in progress show only that they are.
 */
export function CaseReviewCard({ caseId }: { caseId: number }) {
  const { t } = useI18n();
  const q = useQuery('review.ofCase', { caseId });
  const list = q.data ?? [];
  if (!q.error && list.length === 0) return null;
  return (
    <Card size="small" className="section-card case-review-card" title={t('review.case.title')}>
      <ErrorAlert error={q.error} />
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {list.map((a) => (
          <AssignmentReview key={a.id} caseId={caseId} a={a} t={t} />
        ))}
      </Space>
    </Card>
  );
}

function AssignmentReview({ caseId, a, t }: { caseId: number; a: AssignmentInfo; t: T }) {
  const brief = a.review;
  // The latest version; when it is a correction still in progress, the last submitted one is the result.
  const latest = useQuery('review.get', { reviewId: brief?.id ?? 0 }, { skip: !brief });
  const lastSubmitted = latest.data?.versions.filter((v) => v.status === 'submitted').at(-1);
  const older = useQuery('review.get', { reviewId: lastSubmitted?.id ?? 0 }, { skip: !lastSubmitted || latest.data?.status === 'submitted' });
  const [answered, setAnswered] = useState<ReviewView | null>(null);
  const loaded = latest.data?.status === 'submitted' ? latest.data : older.data;
  const view = answered && answered.id === loaded?.id ? answered : loaded;

  const head = (
    <Space size={6} wrap>
      <Typography.Text strong>{a.planTitle}</Typography.Text>
      <Typography.Text type="secondary">{t('review.case.inspector', { name: a.inspector?.name ?? t('review.unassigned') })}</Typography.Text>
    </Space>
  );
  if (!brief || !view)
    return (
      <div className="case-review" data-assignment={a.id}>
        {head}
        <ErrorAlert error={latest.error ?? older.error} />
        {!latest.loading && !older.loading && (
          <div className="muted" data-testid="case-review-pending">
            {t(brief ? 'review.case.inReview' : 'review.case.notStarted')}
          </div>
        )}
      </div>
    );
  return <SubmittedReview caseId={caseId} a={a} view={view} head={head} draftNewer={latest.data?.status === 'draft'} onChange={setAnswered} t={t} />;
}

function SubmittedReview({
  caseId,
  a,
  view,
  head,
  draftNewer,
  onChange,
  t,
}: {
  caseId: number;
  a: AssignmentInfo;
  view: ReviewView;
  head: React.ReactNode;
  draftNewer: boolean;
  onChange: (v: ReviewView) => void;
  t: T;
}) {
  const { user } = useUser();
  const [target, setTarget] = useState<PageTarget | null>(null);
  const s = view.sheet;
  const canAnswer = mayCall(user.role, 'review.answer');
  const shown = view.findings.filter((f) => f.decision !== 'rejected');
  const toMend = shown.filter((f) => f.decision === 'accepted');
  const open = toMend.filter((f) => f.answers.length === 0).length;

  const place = (f: ReviewFindingInfo) => {
    const p = f.place;
    if (p.kind === 'clip')
      return (
        <Link to={`/retrieval?clip=${p.clipId}&t=${Math.floor(p.second)}`} className="case-review-clip" data-clip={p.clipId}>
          <Tag color="purple">{t('review.ws.clip', { name: p.fileName ?? `#${p.clipId}`, second: Math.floor(p.second) })}</Tag>
        </Link>
      );
    if (p.kind === 'document' && p.page !== null)
      return (
        <a className="case-review-place" data-page={p.page} onClick={() => setTarget({ page: p.page, volume: p.volume, seq: Date.now() })}>
          <Tag color="blue">
            {p.title ? `${p.title} · ` : ''}
            {t('review.ws.page', { page: p.page })}
          </Tag>
        </a>
      );
    return <Tag>{p.kind === 'document' ? p.title : t('review.ws.case')}</Tag>;
  };

  return (
    <div className="case-review" data-assignment={a.id} data-review={view.id}>
      <Descriptions
        size="small"
        column={2}
        title={head}
        items={[
          {
            key: 'score',
            label: t('review.case.score'),
            children: (
              <Space size={6}>
                <span data-testid="case-review-total">{t('review.ws.total', { total: s.total, max: s.max })}</span>
                <Tag color={s.grade === 'fail' ? 'error' : s.grade === 'excellent' ? 'success' : 'processing'} data-testid="case-review-grade">
                  {s.gradeLabel}
                </Tag>
              </Space>
            ),
          },
          {
            key: 'version',
            label: t('review.case.version'),
            children: t('review.ws.submitted', { v: view.versionNo, at: (view.submittedAt ?? '').slice(0, 10) }),
          },
          { key: 'template', label: t('review.col.template'), children: `${view.template.name}（${view.template.version}）` },
          {
            key: 'mend',
            label: t('review.case.mend'),
            children: toMend.length === 0 ? t('review.case.nothingToMend') : t('review.case.mendCount', { n: toMend.length, open }),
          },
        ]}
      />
      {s.vetoed && <Alert type="error" showIcon title={t('review.ws.vetoed')} description={s.vetoHits.map((h) => h.title).join('；')} />}
      {draftNewer && <Alert type="info" showIcon style={{ marginTop: 6 }} title={t('review.case.correcting')} />}
      <List<ReviewFindingInfo>
        size="small"
        dataSource={shown}
        locale={{ emptyText: t('review.ws.noFindings') }}
        renderItem={(f) => (
          <List.Item
            className="case-review-finding"
            data-testid={`case-finding-${f.seq}`}
            actions={canAnswer && f.decision === 'accepted' ? [<AnswerButton key="ans" finding={f} onChange={onChange} t={t} />] : []}
          >
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space size={4} wrap>
                <Tag color={f.decision === 'accepted' ? 'red' : 'gold'}>{t(`review.ws.${f.decision}`)}</Tag>
                <Typography.Text strong>{f.title}</Typography.Text>
                {place(f)}
              </Space>
              <Typography.Text type="secondary">
                {f.itemTitle} · {f.veto ? t('review.ws.veto') : t('review.ws.points', { points: f.points })}
                {f.comment ? ` · ${f.comment}` : ''}
              </Typography.Text>
              {f.answers.map((ans) => (
                <div key={ans.id} className="case-review-answer" data-testid={`case-answer-${f.seq}`}>
                  <Tag color={ans.status === 'mended' ? 'success' : 'default'}>
                    {t(ans.status === 'mended' ? 'review.ws.answerMended' : 'review.ws.answerExplained')}
                  </Tag>
                  <span>{ans.answer}</span>
                  <Typography.Text type="secondary">{` — ${ans.by} ${ans.at.slice(0, 16).replace('T', ' ')}`}</Typography.Text>
                </div>
              ))}
            </Space>
          </List.Item>
        )}
      />
      <FindingPageViewer caseId={caseId} target={target} onClose={() => setTarget(null)} />
    </div>
  );
}

function AnswerButton({ finding, onChange, t }: { finding: ReviewFindingInfo; onChange: (v: ReviewView) => void; t: T }) {
  const [open, setOpen] = useState(false);
  const submit = useSubmit();
  const [form] = Form.useForm<{ status: 'mended' | 'explained'; answer: string }>();
  return (
    <>
      <Button size="small" type={finding.answers.length ? 'default' : 'primary'} onClick={() => setOpen(true)} data-testid={`case-answer-open-${finding.seq}`}>
        {t(finding.answers.length ? 'review.case.answerAgain' : 'review.ws.answer')}
      </Button>
      <Modal
        open={open}
        title={`${t('review.ws.answer')}：${finding.title}`}
        okText={t('review.case.answerSave')}
        confirmLoading={submit.busy !== null}
        onCancel={() => setOpen(false)}
        className="case-answer-modal"
        onOk={() =>
          void submit.run(async () => {
            const v = await form.validateFields();
            onChange(await invoke('review.answer', { findingId: finding.id, ...v }));
            form.resetFields();
            setOpen(false);
          })
        }
      >
        <ErrorAlert error={submit.error} />
        <Form form={form} layout="vertical" initialValues={{ status: 'mended' }}>
          <Form.Item name="status">
            <Radio.Group
              options={[
                { value: 'mended', label: t('review.ws.answerMended') },
                { value: 'explained', label: t('review.ws.answerExplained') },
              ]}
            />
          </Form.Item>
          <Form.Item name="answer" label={t('review.case.answerText')} rules={[{ required: true, min: 2, message: t('review.case.answerNeeded') }]}>
            <Input.TextArea rows={3} data-testid="case-answer-text" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
