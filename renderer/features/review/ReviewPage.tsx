import { Button, Card, Empty, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import type { AssignmentInfo } from '../../../src/api/types-review';
import { mayCall } from '../../bridge/permissions';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { useUser } from '../auth/session';
import { PlansTab } from './PlansTab';
import { ReviewWorkspace } from './ReviewWorkspace';

/** 评查: my assignments, the plans (draw, assign, progress) and the review workspace of one dossier. */
export function ReviewPage() {
  const { t } = useI18n();
  const { user } = useUser();
  const [params, setParams] = useSearchParams();
  const open = Number(params.get('a')) || null;
  if (open) return <ReviewWorkspace assignmentId={open} onBack={() => setParams({})} />;
  const inspector = mayCall(user.role, 'review.open');
  return (
    <div className="page">
      <Typography.Title level={4}>{t('review.title')}</Typography.Title>
      <Tabs
        items={[
          ...(inspector ? [{ key: 'mine', label: t('review.tab.mine'), children: <MineTab onOpen={(id) => setParams({ a: String(id) })} /> }] : []),
          { key: 'plans', label: t('review.tab.plans'), children: <PlansTab onOpen={(id) => setParams({ a: String(id) })} /> },
        ]}
      />
    </div>
  );
}

export function statusTag(a: AssignmentInfo, t: ReturnType<typeof useI18n>['t']) {
  if (!a.review) return <Tag>{t('review.status.none')}</Tag>;
  if (a.review.status === 'draft') return <Tag color="processing">{t('review.status.draft')}</Tag>;
  return (
    <Tag color={a.review.grade === 'fail' ? 'error' : 'success'}>
      {t('review.status.submitted')} {a.review.total} {a.review.gradeLabel}
    </Tag>
  );
}

function MineTab({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useI18n();
  const mine = useQuery('review.mine', {});
  return (
    <Card size="small" extra={<Button onClick={mine.refetch}>{t('review.refresh')}</Button>}>
      <ErrorAlert error={mine.error} />
      <Table<AssignmentInfo>
        rowKey="id"
        size="small"
        loading={mine.loading}
        dataSource={mine.data ?? []}
        locale={{ emptyText: <Empty description={t('review.empty.mine')} /> }}
        pagination={false}
        columns={[
          { title: t('review.col.case'), dataIndex: 'caseNo' },
          { title: t('review.col.title'), dataIndex: 'caseTitle' },
          { title: t('review.col.plan'), dataIndex: 'planTitle' },
          { title: t('review.col.status'), render: (_, a) => statusTag(a, t) },
          {
            title: '',
            render: (_, a) => (
              <Space>
                <Button type="primary" size="small" data-testid={`open-${a.caseNo}`} onClick={() => onOpen(a.id)}>
                  {a.review ? t('review.view') : t('review.open')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
