import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../i18n/i18n.tsx';
import { registerServiceWorker } from '../ui/pwa.ts';
import '../ui/styles.css';
import './dialer.css';
import { App } from './app.tsx';
import { POPUP_PATH } from './embed-sign-in.tsx';
import { PopupSignIn } from './popup-sign-in.tsx';

registerServiceWorker();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      {/* The same page serves the framed dialer's sign-in popup (core serves /dialer/*). */}
      {window.location.pathname === POPUP_PATH ? <PopupSignIn /> : <App />}
    </I18nProvider>
  </StrictMode>,
);
