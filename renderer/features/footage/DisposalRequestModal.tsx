import { Alert } from 'antd';
import type { ClipSummary, DisposalInfo } from '../../../src/api/types-footage';
import { invoke } from '../../bridge/client';
import { ReasonModal } from '../../components/ReasonModal';
import { useI18n } from '../../i18n/I18nProvider';
import { RetentionTag } from './RetentionTag';

/** 申请处置 with a reason; a 领导 or the administrator decides it later (DisposalsCard). */
export function DisposalRequestModal({
  clip,
  onClose,
  onRequested,
}: {
  clip: Pick<ClipSummary, 'id' | 'originalName' | 'retention'>;
  onClose: () => void;
  onRequested: (d: DisposalInfo) => void;
}) {
  const { t } = useI18n();
  return (
    <ReasonModal
      width={560}
      rootClassName="disposal-request-modal"
      title={t('footage.disposal.requestTitle')}
      okText={t('footage.disposal.submit')}
      reasonLabel={t('footage.disposal.reason')}
      reasonShort={t('footage.disposal.reasonShort')}
      placeholder={t('footage.disposal.reasonPlaceholder')}
      formName="disposalForm"
      onClose={onClose}
      submit={async (reason) => onRequested(await invoke('footage.requestDisposal', { clipId: clip.id, reason }))}
    >
      <p>
        <span className="mono">{t('footage.disposal.clip', { name: clip.originalName })}</span> <RetentionTag retention={clip.retention} />
      </p>
      <Alert type="warning" showIcon className="disposal-meaning" title={t('footage.disposal.what')} description={t('footage.disposal.meaning')} />
    </ReasonModal>
  );
}
