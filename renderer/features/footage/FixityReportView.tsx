import { Alert, Descriptions } from 'antd';
import type { FixityReport } from '../../../src/api/types-footage';
import { useI18n } from '../../i18n/I18nProvider';
import { RUN_STATE_KEYS } from './clip-labels';
import { FixityProblemsTable } from './FixityProblemsTable';
import { formatBytes, formatInstant } from './footage-format';

/** A fixity run: the verdict, when and by whom, the counts, and each problem file. */
export function FixityReportView({ report: r }: { report: FixityReport }) {
  const { t, locale } = useI18n();
  const problems = r.changed + r.vanished + r.appeared;
  const verdict =
    r.state === 'done' && problems === 0 ? (
      <Alert type="success" showIcon title={t('footage.fixity.allOk', { checked: r.checked, bytes: formatBytes(r.bytes) })} />
    ) : problems > 0 ? (
      <Alert type="error" showIcon title={t('footage.fixity.problems', { n: problems, changed: r.changed, vanished: r.vanished, appeared: r.appeared })} />
    ) : r.state === 'running' ? (
      <Alert type="info" showIcon title={t('footage.fixity.running')} />
    ) : (
      <Alert
        type="warning"
        showIcon
        title={t('footage.fixity.incomplete', { state: t(RUN_STATE_KEYS[r.state]), checked: r.checked, planned: r.planned, remaining: r.remaining })}
      />
    );
  return (
    <div className="fixity-report">
      {verdict}
      <Descriptions
        size="small"
        bordered
        column={4}
        style={{ marginTop: 10 }}
        items={[
          { key: 'when', label: t('footage.fixity.when'), span: 2, children: `${formatInstant(r.startedAt, locale)} — ${formatInstant(r.finishedAt, locale)}` },
          { key: 'by', label: t('footage.fixity.by'), children: r.by ?? '—' },
          { key: 'mode', label: t('footage.fixity.mode'), children: t(r.mode === 'full' ? 'footage.fixity.modeFull' : 'footage.fixity.modeIncremental') },
          { key: 'state', label: t('footage.fixity.state'), children: t(RUN_STATE_KEYS[r.state]) },
          { key: 'checked', label: t('footage.fixity.checked'), children: `${r.checked} / ${r.planned}` },
          { key: 'bytes', label: t('footage.fixity.bytes'), children: formatBytes(r.bytes) },
          { key: 'ok', label: t('footage.fixity.outcome.ok'), children: r.ok },
          { key: 'changed', label: t('footage.fixity.outcome.changed'), children: r.changed },
          { key: 'vanished', label: t('footage.fixity.outcome.vanished'), children: r.vanished },
          { key: 'appeared', label: t('footage.fixity.outcome.appeared'), children: r.appeared },
          { key: 'remaining', label: t('footage.fixity.remaining'), children: r.remaining },
        ]}
      />
      {r.problems.length > 0 && (
        <div style={{ marginTop: 10 }}>
          <FixityProblemsTable problems={r.problems} />
        </div>
      )}
    </div>
  );
}
