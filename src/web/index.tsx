import { createRoot } from 'react-dom/client';
import type { Locale } from '../core';
import { WebApp } from './WebApp';

// English only when the browser asks for it first; Chinese otherwise.
const locale: Locale = navigator.language.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
const root = document.getElementById('root');
if (root) createRoot(root).render(<WebApp locale={locale} storage={window.localStorage} />);
