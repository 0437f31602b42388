// The reference the renderer's start-up is a ratio to: React 19 rendering one heading, built by the same Vite.
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<h1>ready</h1>);
