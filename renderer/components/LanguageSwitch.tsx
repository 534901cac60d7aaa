import { Segmented } from 'antd';
import { useI18n } from '../i18n/I18nProvider';
import type { Locale } from '../i18n/translate';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented<Locale>
      size="small"
      value={locale}
      onChange={setLocale}
      options={[
        { value: 'zh-CN', label: t('lang.zh') },
        { value: 'en', label: t('lang.en') },
      ]}
    />
  );
}
