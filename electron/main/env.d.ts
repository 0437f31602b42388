// electron-vite's module types: `?asset` imports (the window icon) and ELECTRON_RENDERER_URL.
/// <reference types="electron-vite/node" />
