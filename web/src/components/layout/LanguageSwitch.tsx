/** 中文 / English toggle; the choice is saved in localStorage (default zh-CN). */
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage, type Language } from '../../i18n/index.ts';
import { SegmentedControl } from '../ui/SegmentedControl.tsx';

const OPTIONS: ReadonlyArray<{ value: Language; label: string }> = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      label={t('app.language')}
      value={currentLanguage(i18n.language)}
      options={OPTIONS}
      onChange={(lang) => void setLanguage(lang)}
      testId="language-switch"
    />
  );
}
