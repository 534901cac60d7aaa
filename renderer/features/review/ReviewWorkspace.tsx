import { Alert, Button, Card, Col, Empty, Form, Input, List, Modal, Popconfirm, Radio, Row, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { PageInfo } from '../../../src/api/types';
import type { ReviewFindingInfo, ReviewView } from '../../../src/api/types-review';
import { mayCall } from '../../bridge/permissions';
import { invoke } from '../../bridge/client';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/use-submit';
import { useI18n } from '../../i18n/I18nProvider';
import { useUser } from '../auth/session';
import { AddFindingForm } from './AddFindingForm';
import { type PageTarget, PagesPane } from './PagesPane';

/** The review workspace: the dossier's pages as bound on the left, the score sheet and findings on the right. */
export function ReviewWorkspace({ assignmentId, onBack }: { assignmentId: number; onBack: () => void }) {
  const { t } = useI18n();
  const { user } = useUser();
  const isInspector = mayCall(user.role, 'review.open');
  const [view, setView] = useState<ReviewView | null>(null);
  const opened = useQuery('review.open', { assignmentId }, { skip: !isInspector });
  const latest = useQuery('review.latest', { assignmentId }, { skip: isInspector });
  const load = isInspector ? opened : latest;
  const current = view ?? load.data ?? null;
  return (
    <Workspace
      view={current}
      loading={load.loading && !current}
      error={load.error}
      onBack={onBack}
      onChange={setView}
      editable={current?.status === 'draft' && current.assignment.inspector?.id === user.id}
      t={t}
    />
  );
}

function Workspace({
  view,
  loading,
  error,
  onBack,
  onChange,
  editable,
  t,
}: {
  view: ReviewView | null;
  loading: boolean;
  error: unknown;
  onBack: () => void;
  onChange: (v: ReviewView) => void;
  editable: boolean;
  t: ReturnType<typeof useI18n>['t'];
}) {
  const [target, setTarget] = useState<PageTarget | null>(null);
  const dossier = useQuery('dossier.get', { dossierId: view?.assignment.dossierId ?? 0 }, { skip: !view });
  const kase = useQuery('case.get', { id: view?.assignment.caseId ?? 0 }, { skip: !view });
  const pageInfo = useMemo(() => {
    const m = new Map<number, PageInfo>();
    for (const d of kase.data?.documents ?? []) for (const p of d.pages) m.set(p.id, p);
    return m;
  }, [kase.data]);

  const goTo = (f: ReviewFindingInfo) => {
    const p = f.place;
    if (p.kind === 'clip') {
      window.location.hash = `#/retrieval?clip=${p.clipId}&t=${Math.floor(p.second)}`;
      return;
    }
    if (p.kind !== 'document' || p.page === null) return;
    setTarget({ page: p.page, volume: p.volume, seq: Date.now() });
  };

  if (!view) return <Card loading={loading}>{error ? <ErrorAlert error={error} /> : <Empty />}</Card>;
  return (
    <div className="page">
      <Space style={{ marginBottom: 8 }}>
        <Button onClick={onBack}>{t('review.ws.back')}</Button>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {view.assignment.caseNo} {view.assignment.caseTitle}
        </Typography.Title>
      </Space>
      <ErrorAlert error={error ?? dossier.error} />
      <Row gutter={12}>
        <Col span={13}>
          <PagesPane volumes={dossier.data?.pages.volumes} pageInfo={pageInfo} target={target} title={t('review.ws.pages')} height="calc(100vh - 220px)" />
        </Col>
        <Col span={11}>
          <ScoreCard view={view} editable={editable} onChange={onChange} onGoTo={goTo} t={t} />
        </Col>
      </Row>
    </div>
  );
}

function ScoreCard({
  view,
  editable,
  onChange,
  onGoTo,
  t,
}: {
  view: ReviewView;
  editable: boolean;
  onChange: (v: ReviewView) => void;
  onGoTo: (f: ReviewFindingInfo) => void;
  t: ReturnType<typeof useI18n>['t'];
}) {
  const { user } = useUser();
  const submit = useSubmit<'submit' | 'decide' | 'export' | 'correct' | 'answer'>();
  const [rejecting, setRejecting] = useState<ReviewFindingInfo | null>(null);
  const [reason, setReason] = useState('');
  const [out, setOut] = useState('');
  const [exported, setExported] = useState<string | null>(null);
  const s = view.sheet;
  const canAnswer = mayCall(user.role, 'review.answer') && view.status === 'submitted';
  const place = (f: ReviewFindingInfo) =>
    f.place.kind === 'document'
      ? t('review.ws.page', { page: f.place.page ?? '—' })
      : f.place.kind === 'clip'
        ? t('review.ws.clip', { name: f.place.fileName ?? `#${f.place.clipId}`, second: Math.floor(f.place.second) })
        : t('review.ws.case');
  return (
    <Card size="small" title={t('review.ws.sheet')} style={{ height: 'calc(100vh - 170px)', overflow: 'auto' }}>
      <ErrorAlert error={submit.error} />
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="review-total">
            {t('review.ws.total', { total: s.total, max: s.max })}
          </Typography.Title>
          <Tag color={s.grade === 'fail' ? 'error' : s.grade === 'excellent' ? 'success' : 'processing'} data-testid="review-grade">
            {s.gradeLabel}
          </Tag>
          {view.status === 'submitted' && <Tag>{t('review.ws.submitted', { v: view.versionNo, at: (view.submittedAt ?? '').slice(0, 10) })}</Tag>}
        </Space>
        {s.vetoed && <Alert type="error" message={t('review.ws.vetoed')} description={s.vetoHits.map((h) => h.title).join('；')} />}
        {s.sections.map((sec) => (
          <div key={sec.sectionId}>
            <Typography.Text strong>
              {sec.title} {sec.score}/{sec.max}
            </Typography.Text>
            {sec.items
              .filter((i) => i.hits > 0)
              .map((i) => (
                <div key={i.itemId} style={{ paddingLeft: 12, color: '#595959' }}>
                  {i.title} −{i.deducted}
                </div>
              ))}
          </div>
        ))}
        <Typography.Title level={5}>{t('review.ws.findings')}</Typography.Title>
        <List<ReviewFindingInfo>
          size="small"
          dataSource={view.findings}
          locale={{ emptyText: t('review.ws.noFindings') }}
          renderItem={(f) => (
            <List.Item
              data-testid={`finding-${f.seq}`}
              actions={[
                ...(editable && f.decision === 'proposed'
                  ? [
                      <Button
                        key="a"
                        size="small"
                        type="primary"
                        loading={submit.busy === 'decide'}
                        onClick={() =>
                          void submit.run(
                            async () => onChange(await invoke('review.decide', { findingId: f.id, decision: 'accepted', points: f.points })),
                            'decide',
                          )
                        }
                      >
                        {t('review.ws.accept')}
                      </Button>,
                      <Button key="r" size="small" onClick={() => setRejecting(f)}>
                        {t('review.ws.reject')}
                      </Button>,
                    ]
                  : []),
                ...(editable && f.source === 'own'
                  ? [
                      <Button
                        key="d"
                        size="small"
                        danger
                        onClick={() => void submit.run(async () => onChange(await invoke('review.removeFinding', { findingId: f.id })), 'decide')}
                      >
                        {t('review.ws.remove')}
                      </Button>,
                    ]
                  : []),
                ...(canAnswer && f.decision === 'accepted' ? [<AnswerButton key="ans" finding={f} onChange={onChange} t={t} />] : []),
              ]}
            >
              <List.Item.Meta
                title={
                  <a className="rv-finding-link" onClick={() => onGoTo(f)}>
                    <Space size={4} wrap>
                      <Tag color={f.source === 'auto' ? 'blue' : 'purple'}>{f.source === 'auto' ? t('review.ws.auto') : t('review.ws.own')}</Tag>
                      {f.auto?.outcome === 'undecided' && <Tag color="warning">{t('review.ws.undecided')}</Tag>}
                      <Tag color={f.decision === 'accepted' ? 'red' : f.decision === 'rejected' ? 'default' : 'gold'}>{t(`review.ws.${f.decision}`)}</Tag>
                      <span>{f.title}</span>
                    </Space>
                  </a>
                }
                description={
                  <span>
                    {f.itemTitle} · {f.veto ? t('review.ws.veto') : t('review.ws.points', { points: f.points })} · {place(f)}
                    {f.place.kind === 'clip' ? ` · ${t('review.ws.playClip')}` : ''}
                    {f.comment ? ` · ${f.comment}` : ''}
                    {f.answers.length > 0 ? ` · ${t('review.ws.answer')}：${f.answers[f.answers.length - 1]!.answer}` : ''}
                  </span>
                }
              />
            </List.Item>
          )}
        />
        {editable && <AddFindingForm view={view} onChange={onChange} />}
        {editable && (
          <Popconfirm
            title={t('review.ws.submitConfirm')}
            onConfirm={() => void submit.run(async () => onChange(await invoke('review.submit', { reviewId: view.id })), 'submit')}
          >
            <Button type="primary" danger loading={submit.busy === 'submit'} data-testid="review-submit">
              {t('review.ws.submit')}
            </Button>
          </Popconfirm>
        )}
        {mayCall(user.role, 'review.report') && (
          <Space.Compact style={{ width: '100%' }}>
            <Input placeholder={t('review.ws.exportPath')} value={out} onChange={(e) => setOut(e.target.value)} data-testid="report-path" />
            <Button
              loading={submit.busy === 'export'}
              disabled={!out.trim()}
              onClick={() =>
                void submit.run(async () => {
                  const r = await invoke('review.report', { reviewId: view.id, out: out.trim() });
                  setExported(t('review.ws.exported', { path: r.path, pages: r.pages }));
                }, 'export')
              }
            >
              {t('review.ws.export')}
            </Button>
          </Space.Compact>
        )}
        {exported && <Alert type="success" message={exported} data-testid="report-done" />}
        {view.status === 'submitted' && view.assignment.inspector?.id === user.id && (
          <Space.Compact style={{ width: '100%' }}>
            <Input placeholder={t('review.ws.correctReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
            <Button
              disabled={reason.trim().length < 2}
              onClick={() => void submit.run(async () => onChange(await invoke('review.correct', { reviewId: view.id, reason })), 'correct')}
            >
              {t('review.ws.correct')}
            </Button>
          </Space.Compact>
        )}
      </Space>
      <Modal
        open={rejecting !== null}
        title={t('review.ws.rejectReason')}
        onCancel={() => setRejecting(null)}
        onOk={() =>
          void submit.run(async () => {
            if (!rejecting) return;
            onChange(await invoke('review.decide', { findingId: rejecting.id, decision: 'rejected', comment: reason }));
            setRejecting(null);
            setReason('');
          }, 'decide')
        }
      >
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Card>
  );
}

function AnswerButton({ finding, onChange, t }: { finding: ReviewFindingInfo; onChange: (v: ReviewView) => void; t: ReturnType<typeof useI18n>['t'] }) {
  const [open, setOpen] = useState(false);
  const submit = useSubmit();
  const [form] = Form.useForm<{ status: 'mended' | 'explained'; answer: string }>();
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('review.ws.answer')}
      </Button>
      <Modal
        open={open}
        title={`${t('review.ws.answer')}：${finding.title}`}
        confirmLoading={submit.busy !== null}
        onCancel={() => setOpen(false)}
        onOk={() =>
          void submit.run(async () => {
            const v = await form.validateFields();
            onChange(await invoke('review.answer', { findingId: finding.id, ...v }));
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
          <Form.Item name="answer" rules={[{ required: true, min: 2 }]}>
            <Input.TextArea />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
