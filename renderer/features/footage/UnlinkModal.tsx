import type { ClipLinkInfo, ClipSummary } from '../../../src/api/types-footage';
import { invoke } from '../../bridge/client';
import { ReasonModal } from '../../components/ReasonModal';
import { useI18n } from '../../i18n/I18nProvider';

/** 解除关联 with a reason: the link is closed (kept, audited), never deleted. */
export function UnlinkModal({ link, onClose, onUnlinked }: { link: ClipLinkInfo; onClose: () => void; onUnlinked: (c: ClipSummary) => void }) {
  const { t } = useI18n();
  const target = [link.caseNo, link.officer ? `${link.officer.name}（${link.officer.certNo}）` : null, link.activity].filter(Boolean).join(' · ');
  return (
    <ReasonModal
      title={t('footage.unlink.title')}
      okText={t('footage.unlink.submit')}
      reasonLabel={t('footage.unlink.reason')}
      reasonShort={t('footage.unlink.reasonShort')}
      formName="unlinkForm"
      onClose={onClose}
      submit={async (reason) => onUnlinked(await invoke('footage.unlink', { linkId: link.id, reason }))}
    >
      <p>{t('footage.unlink.what', { target })}</p>
    </ReasonModal>
  );
}
