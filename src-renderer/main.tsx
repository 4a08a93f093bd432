import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './shell.css';

// Every static import has run: the start's first step in the bench's breakdown (App's BOOT_MARKS).
performance.mark('bm:scripts-run');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
