/** Console entry point: styles, i18n, then the React tree. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { createQueryClient } from './app/queryClient.ts';
import { initI18n } from './i18n/index.ts';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/controls.css';
import './styles/pages.css';
import './styles/segments.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root element missing from index.html');

void initI18n().then(() => {
  createRoot(root).render(
    <StrictMode>
      <App queryClient={createQueryClient()} />
    </StrictMode>,
  );
});
