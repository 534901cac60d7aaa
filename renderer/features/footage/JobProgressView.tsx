import { Button, Progress } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { formatBytes, formatEta, formatRate, jobPercent } from './footage-format';
import type { JobState } from '../../bridge/use-job';

/** A running job: the bar, files n/N, bytes, MB/s, ETA, each file in progress with its own bar, and 取消. */
export function JobProgressView({ job, onCancel, showItems = false }: { job: JobState; onCancel: () => void; showItems?: boolean }) {
  const { t } = useI18n();
  const p = job.progress;
  const active = p?.active ?? [];
  const running = new Set(active.map((a) => a.name));
  const finished = job.items.filter((n) => !running.has(n)).slice(-6);
  const filePercent = (a: { bytesDone: number; bytesTotal: number }) => (a.bytesTotal > 0 ? Math.min(100, Math.floor((a.bytesDone / a.bytesTotal) * 100)) : 0);
  return (
    <div className="footage-job-progress">
      <div className="footage-job-line">
        <span>{p ? t('footage.job.items', { done: p.itemsDone, total: p.itemsTotal }) : t('footage.job.starting')}</span>
        {p && <span>{t('footage.job.bytes', { done: formatBytes(p.bytesDone), total: formatBytes(p.bytesTotal) })}</span>}
        {p && <span>{t('footage.job.rate', { rate: formatRate(p.bytesPerSec) })}</span>}
        {p && <span>{t('footage.job.eta', { eta: formatEta(p.etaSec) })}</span>}
      </div>
      <Progress percent={jobPercent(p)} size="small" status={job.cancelling ? 'exception' : 'active'} />
      {showItems && (
        <ul className="footage-job-items">
          {finished.map((name, i) => (
            <li key={`${i}-${name}`} className="muted">
              ✓ {name}
            </li>
          ))}
        </ul>
      )}
      {active.map((a) => (
        <div key={a.name} className="footage-job-current">
          <div className="muted">{t('footage.job.current', { item: a.name })}</div>
          {a.bytesTotal > 0 && <Progress percent={filePercent(a)} size="small" showInfo />}
        </div>
      ))}
      <div style={{ textAlign: 'right', marginTop: 6 }}>
        <Button danger size="small" onClick={onCancel} loading={job.cancelling}>
          {job.cancelling ? t('footage.job.cancelling') : t('footage.job.cancel')}
        </Button>
      </div>
    </div>
  );
}
