import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, List, Tag } from 'antd';
import type { FournessSummary } from '../../../src/api/types-fourness';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * The latest 四性检测 result (DA/T 70) of a 移交包 or dossier: 通过/未通过, the stage, when and by
 * whom, the counts, and each failing item with its code, reason and the files it names.
 */
export function FournessResult({ summary }: { summary: FournessSummary }) {
  const { t } = useI18n();
  const counts = summary.counts;
  return (
    <Alert
      className="dz-fourness-result"
      style={{ marginTop: 12 }}
      type={summary.passed ? 'success' : 'error'}
      showIcon
      icon={summary.passed ? <CheckCircleFilled /> : <CloseCircleFilled />}
      title={
        <span>
          {t('fourness.title')}{' '}
          <Tag className="dz-fourness-verdict" color={summary.passed ? 'success' : 'error'}>
            {summary.passed ? t('fourness.passed') : t('fourness.failed')}
          </Tag>
        </span>
      }
      description={
        <div>
          <div className="dz-fourness-summary">
            {t('fourness.summary', {
              stage: t(`fourness.stage.${summary.stage}`),
              at: summary.checkedAt.slice(0, 19).replace('T', ' '),
              by: summary.checkedBy,
              pass: counts.pass,
              fail: counts.fail,
              na: counts.na,
            })}
          </div>
          {summary.where && <div className="muted">{t('fourness.where', { where: summary.where })}</div>}
          {summary.failures.length > 0 && (
            <List
              className="dz-fourness-failures"
              size="small"
              header={t('fourness.failures')}
              dataSource={summary.failures}
              renderItem={(f) => (
                <List.Item>
                  <b>
                    {f.code ? `${f.code} ` : ''}
                    {f.name}
                  </b>
                  ：{f.reason}
                </List.Item>
              )}
            />
          )}
        </div>
      }
    />
  );
}
