import type { ClipSummary, DisposalInfo, FieldSource, FixityOutcome } from '../../../src/api/types-footage';
import type { MessageKey } from '../../i18n/zh-CN';

/** Where a field's value came from: 文件名规则 / 文件容器 / 采集站 / 文件时间. */
export const SOURCE_KEYS: Record<FieldSource, MessageKey> = {
  name: 'footage.source.name',
  container: 'footage.source.container',
  station: 'footage.source.station',
  'file-time': 'footage.source.fileTime',
};

export const OUTCOME_KEYS: Record<FixityOutcome, MessageKey> = {
  ok: 'footage.fixity.outcome.ok',
  changed: 'footage.fixity.outcome.changed',
  vanished: 'footage.fixity.outcome.vanished',
  appeared: 'footage.fixity.outcome.appeared',
};

export const KIND_KEYS: Record<ClipSummary['kind'], MessageKey> = {
  video: 'footage.kind.video',
  audio: 'footage.kind.audio',
  photo: 'footage.kind.photo',
};

export const RUN_STATE_KEYS: Record<'running' | 'done' | 'cancelled' | 'failed' | 'interrupted', MessageKey> = {
  running: 'footage.fixity.state.running',
  done: 'footage.fixity.state.done',
  cancelled: 'footage.fixity.state.cancelled',
  failed: 'footage.fixity.state.failed',
  interrupted: 'footage.fixity.state.interrupted',
};

/** Labels of the fields that carry a source (see ClipDetail.fieldSources). */
export const FIELD_KEYS: Partial<Record<string, MessageKey>> = {
  start: 'footage.field.start',
  end: 'footage.field.end',
  durationSec: 'footage.field.duration',
  deviceSerial: 'footage.field.device',
  userNo: 'footage.field.userNo',
  unitCode: 'footage.field.unitCode',
  important: 'footage.field.important',
};

export const DISPOSAL_STATE_KEYS: Record<DisposalInfo['state'], MessageKey> = {
  requested: 'footage.disposal.state.requested',
  approved: 'footage.disposal.state.approved',
  rejected: 'footage.disposal.state.rejected',
};
