import { FileImageOutlined, LoadingOutlined, WarningOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { ClipSummary } from '../../../src/api/types-footage';
import { mediaUrl } from '../../bridge/client';
import { useI18n } from '../../i18n/I18nProvider';

type ThumbClip = Pick<ClipSummary, 'id' | 'hasThumb' | 'derivedState' | 'kind' | 'originalName'>;

/** A clip's thumbnail (`clip-thumb`), or a placeholder while derivation is pending or after it failed. */
export function ClipThumb({ clip, large = false }: { clip: ThumbClip; large?: boolean }) {
  const { t } = useI18n();
  const [broken, setBroken] = useState(false);
  const cls = `clip-thumb${large ? ' is-large' : ''}`;
  if (clip.hasThumb && !broken) {
    return (
      <div className={cls}>
        <img src={mediaUrl('clip-thumb', clip.id)} alt={clip.originalName} loading="lazy" draggable={false} onError={() => setBroken(true)} />
      </div>
    );
  }
  const pending = clip.derivedState === 'pending' && !broken;
  const title = pending
    ? t('footage.thumb.pending')
    : clip.derivedState === 'failed' || broken
      ? t('footage.thumb.failed')
      : clip.kind === 'audio'
        ? t('footage.thumb.audio')
        : t('footage.thumb.none');
  return (
    <div className={`${cls} is-placeholder`} title={title}>
      {pending ? <LoadingOutlined /> : clip.derivedState === 'failed' || broken ? <WarningOutlined /> : <FileImageOutlined />}
      <span>{title}</span>
    </div>
  );
}
