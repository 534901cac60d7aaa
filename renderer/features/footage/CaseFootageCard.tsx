import { Alert, Card, Empty, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { CoverageItem } from '../../../src/api/types-footage';
import { onAppEvent } from '../../bridge/client';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../auth/session';
import { ClipDrawer } from './ClipDrawer';
import { ClipThumb } from './ClipThumb';
import { formatDuration, formatLocalWithOffset } from './footage-format';
import './footage.css';

const STATUS_COLOR: Record<CoverageItem['status'], string> = { present: 'success', missing: 'error', 'not-recorded': 'default', 'not-applicable': 'default' };

/** 音像记录 on the case page: the case's clips and which required recordings (全程音像记录) are missing. */
export function CaseFootageCard({ caseId }: { caseId: number }) {
  const { t } = useI18n();
  const { canWrite } = useSession();
  const clips = useQuery('footage.list', { caseId, limit: 200 });
  const coverage = useQuery('footage.coverage', { caseId });
  const [open, setOpen] = useState<number | null>(null);
  const reloadClips = clips.refetch;
  const reloadCoverage = coverage.refetch;

  useEffect(
    () =>
      onAppEvent((e) => {
        if (e.type === 'case.changed' && e.caseId === caseId) {
          reloadClips();
          reloadCoverage();
        }
      }),
    [caseId, reloadClips, reloadCoverage],
  );

  // Thumbnails still being made: look again shortly.
  const pending = clips.data?.items.some((c) => c.derivedState === 'pending') ?? false;
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(reloadClips, 2000);
    return () => clearTimeout(timer);
  }, [pending, reloadClips, clips.data]);

  const cov = coverage.data;
  const shown = cov?.items.filter((i) => i.status !== 'not-applicable' || i.recording === 'full') ?? [];
  return (
    <Card
      size="small"
      className="section-card case-footage-card"
      title={t('footage.case.title')}
      extra={<span className="muted">{t('footage.case.count', { n: clips.data?.total ?? 0 })}</span>}
    >
      <ErrorAlert error={clips.error ?? coverage.error} style={{ marginBottom: 10 }} />
      {cov && cov.missing.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 10 }}
          title={t('footage.case.missing', { list: cov.missing.join('、') })}
          description={t('footage.case.missingHint')}
        />
      )}
      {cov && cov.missing.length === 0 && cov.items.some((i) => i.status === 'present') && (
        <Alert type="success" showIcon style={{ marginBottom: 10 }} title={t('footage.case.complete')} />
      )}
      {shown.length > 0 && (
        <div className="coverage-tags">
          <span className="muted">{t('footage.case.checklist')}</span>
          {shown.map((i) => (
            <Tooltip key={i.code} title={t(i.recording === 'full' ? 'footage.case.fullHint' : 'footage.case.asNeededHint')}>
              <Tag color={STATUS_COLOR[i.status]}>
                {i.name}
                {i.recording === 'full' ? `（${t('footage.fullRecording')}）` : ''} · {coverageText(t, i)}
              </Tag>
            </Tooltip>
          ))}
        </div>
      )}
      {clips.data && clips.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('footage.case.none')} />
      ) : (
        <div className="case-clip-grid">
          {(clips.data?.items ?? []).map((c) => (
            <button type="button" key={c.id} className="case-clip" onClick={() => setOpen(c.id)} title={c.originalName}>
              <ClipThumb clip={c} />
              <div className="case-clip-name mono">{c.originalName}</div>
              <div className="muted">
                {formatLocalWithOffset(c.start)} · {formatDuration(c.durationSec)}
              </div>
              <div>
                {c.cases
                  .filter((k) => k.caseId === caseId && k.activity)
                  .map((k) => (
                    <Tag key={k.linkId}>{k.activity}</Tag>
                  ))}
              </div>
            </button>
          ))}
        </div>
      )}
      <div style={{ marginTop: 8 }}>
        <Link to="/footage">{t('footage.case.openPage')}</Link>
      </div>
      {open !== null && (
        <ClipDrawer
          id={open}
          canWrite={canWrite}
          onClose={() => setOpen(null)}
          onChanged={() => {
            reloadClips();
            reloadCoverage();
          }}
        />
      )}
    </Card>
  );
}

function coverageText(t: ReturnType<typeof useI18n>['t'], i: CoverageItem): string {
  switch (i.status) {
    case 'present':
      return t('footage.case.status.present', { n: i.clips });
    case 'missing':
      return t('footage.case.status.missing');
    case 'not-recorded':
      return t('footage.case.status.notRecorded');
    case 'not-applicable':
      return t('footage.case.status.notApplicable');
  }
}
