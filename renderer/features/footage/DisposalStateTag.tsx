import { Tag } from 'antd';
import type { DisposalInfo } from '../../../src/api/types-footage';
import { useI18n } from '../../i18n/I18nProvider';
import { DISPOSAL_STATE_KEYS } from './clip-labels';

const COLORS: Record<DisposalInfo['state'], string> = { requested: 'gold', approved: 'red', rejected: 'default' };

/** 待审批 / 已批准处置 / 已驳回. */
export function DisposalStateTag({ state }: { state: DisposalInfo['state'] }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[state]} className="disposal-state">
      {t(DISPOSAL_STATE_KEYS[state])}
    </Tag>
  );
}
