/** Types `t('…')` keys against the message catalogue, so a typo in a key does not compile. */
import 'i18next';
import type { Messages } from './zh-CN.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
