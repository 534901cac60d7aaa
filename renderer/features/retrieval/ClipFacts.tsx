import { Alert, Descriptions, Tag } from 'antd';
import type { ClipDetail } from '../../../src/api/types-footage';
import { useI18n } from '../../i18n/I18nProvider';
import { DigestText } from '../footage/DigestText';
import { formatDuration, formatInstant, formatLocalWithOffset } from '../footage/footage-format';

/** The clip's facts beside the player: time, officer, camera, case, activity, both digests, last fixity. */
export function ClipFacts({ clip }: { clip: ClipDetail }) {
  const { t, locale } = useI18n();
  const fx = clip.lastFixity;
  return (
    <Descriptions size="small" column={1} bordered title={t('retrieval.facts.title')} className="retrieval-facts">
      <Descriptions.Item label={t('retrieval.facts.start')}>{formatLocalWithOffset(clip.start)}</Descriptions.Item>
      <Descriptions.Item label={t('retrieval.facts.duration')}>{formatDuration(clip.durationSec)}</Descriptions.Item>
      <Descriptions.Item label={t('retrieval.facts.officers')}>{clip.officers.map((o) => `${o.name}（${o.certNo}）`).join('、') || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('retrieval.facts.device')}>
        {clip.deviceSerial ?? '—'}
        {clip.holder ? `（${clip.holder.name}）` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('retrieval.facts.cases')}>{clip.cases.map((c) => c.caseNo).join('、') || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('retrieval.facts.activities')}>{clip.activities.join('、') || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('retrieval.facts.codec')}>{[clip.videoCodec, clip.audioCodec].filter(Boolean).join(' / ') || '—'}</Descriptions.Item>
      <Descriptions.Item label="SHA-256">
        <DigestText label="" hex={clip.sha256} />
      </Descriptions.Item>
      <Descriptions.Item label="SM3">
        <DigestText label="" hex={clip.sm3} />
      </Descriptions.Item>
      <Descriptions.Item label={t('retrieval.facts.fixity')}>
        {fx === null ? (
          <Tag>{t('retrieval.facts.fixityNone')}</Tag>
        ) : fx.outcome === 'ok' ? (
          <Tag color="green">{t('retrieval.facts.fixityOk', { at: formatInstant(fx.checkedAt, locale) })}</Tag>
        ) : (
          <Alert type="error" showIcon title={t('retrieval.facts.fixityBad', { outcome: fx.outcome, at: formatInstant(fx.checkedAt, locale) })} />
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}
