import { Alert, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Finding, FindingPlace } from '../../../src/api/types-review-check';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { FindingPageViewer } from './FindingPageViewer';
import type { PageTarget } from './PagesPane';

/**
 * The automatic 评查 findings of a case (review.check): what each rule found, with the statute article
 * and the place — a document and its page as bound (opens the page viewer there), or a clip and the
 * second (opens the player there). On the case page and the dossier page, so the archivist sees them before sealing.
 */
export function FindingsCard({ caseId }: { caseId: number }) {
  const { t, locale } = useI18n();
  const q = useQuery('review.check', { caseId }, { invalidateOn: (e) => e.type === 'case.changed' && e.caseId === caseId });
  const r = q.data;
  const fails = r?.findings.filter((f) => f.outcome === 'fail').length ?? 0;
  const undecided = r?.findings.filter((f) => f.outcome === 'undecided').length ?? 0;
  const zh = locale === 'zh-CN';
  const [target, setTarget] = useState<PageTarget | null>(null);

  // A page opens the page viewer at that page; a clip opens the 调阅 player at that second.
  const place = (p: FindingPlace, i: number) => {
    if (p.kind === 'case') return <Tag key={i}>{t('findings.place.case')}</Tag>;
    if (p.kind === 'clip')
      return (
        <Link key={i} to={`/retrieval?clip=${p.clipId}&t=${Math.floor(p.second)}`} className="finding-clip" data-clip={p.clipId}>
          <Tag color="purple">{t('findings.place.clip', { name: p.fileName, second: Math.round(p.second) })}</Tag>
        </Link>
      );
    return (
      <a key={i} className="finding-place" data-page={p.page ?? ''} onClick={() => setTarget({ page: p.page, documentId: p.documentId, seq: Date.now() })}>
        <Tag color="blue">
          {p.title} · {p.page !== null ? t('findings.place.page', { page: p.page }) : t('findings.place.unnumbered')}
        </Tag>
      </a>
    );
  };

  const item = (f: Finding) => (
    <List.Item className={`finding finding-${f.outcome}`} data-rule={f.ruleId}>
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Space size={6} wrap>
          <Tag color={f.outcome === 'fail' ? 'error' : 'warning'}>{t(f.outcome === 'fail' ? 'findings.fail' : 'findings.undecided')}</Tag>
          <Tag>{t(`findings.category.${f.category}`)}</Tag>
          <Typography.Text strong>{zh ? f.titleZh : f.title}</Typography.Text>
          {f.basis && <Typography.Text type="secondary">{`《${f.basis.law}》${f.basis.article}`}</Typography.Text>}
        </Space>
        <Typography.Text>{zh ? f.detailZh : f.detail}</Typography.Text>
        <Space size={4} wrap>
          {f.places.map(place)}
        </Space>
      </Space>
    </List.Item>
  );

  return (
    <Card
      size="small"
      className="section-card findings-card"
      title={t('findings.title')}
      extra={
        <Button size="small" onClick={q.refetch} loading={q.loading}>
          {t('findings.refresh')}
        </Button>
      }
    >
      <ErrorAlert error={q.error} style={{ marginBottom: 10 }} />
      {r && r.findings.length === 0 && <Alert type="success" showIcon title={t('findings.none', { rules: r.checked.length })} />}
      {r && r.findings.length > 0 && (
        <>
          <Alert
            type={fails ? 'error' : 'warning'}
            showIcon
            style={{ marginBottom: 8 }}
            title={t('findings.summary', { rules: r.checked.length, fail: fails, undecided })}
            description={t('findings.hint')}
          />
          <List size="small" dataSource={r.findings} renderItem={item} />
        </>
      )}
      {!r && !q.loading && !q.error && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      <FindingPageViewer caseId={caseId} target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
