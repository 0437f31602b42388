import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickHost } from './host/pick-host';
import { App } from './ui/app';
import './ui/global.css';

const root = document.getElementById('root');
if (root === null) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App host={pickHost()} />
  </StrictMode>,
);
