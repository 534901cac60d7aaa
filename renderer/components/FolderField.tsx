import { Button, Input, Space } from 'antd';
import { canPickFolder, pickFolder } from '../bridge/client';
import { useI18n } from '../i18n/I18nProvider';

/**
 * A folder path on this computer: typed, or (in the desktop app) chosen with the system's folder
 * chooser. A browser tab cannot learn a local path, so there the field is typed only. Works as an
 * antd Form control (value / onChange).
 */
export function FolderField(props: {
  value?: string;
  onChange?: (value: string) => void;
  purpose: 'ingest' | 'export';
  placeholder?: string;
  id?: string;
  disabled?: boolean;
  className?: string;
  'aria-label'?: string;
  onPressEnter?: () => void;
}) {
  const { t } = useI18n();
  const browse = async () => {
    const chosen = await pickFolder(props.purpose);
    if (chosen !== null) props.onChange?.(chosen);
  };
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        id={props.id}
        className={props.className}
        aria-label={props['aria-label']}
        onPressEnter={props.onPressEnter}
        value={props.value}
        placeholder={props.placeholder}
        disabled={props.disabled}
        spellCheck={false}
        onChange={(e) => props.onChange?.(e.target.value)}
      />
      {canPickFolder() && (
        <Button onClick={() => void browse()} disabled={props.disabled}>
          {t('common.browseFolder')}
        </Button>
      )}
    </Space.Compact>
  );
}
