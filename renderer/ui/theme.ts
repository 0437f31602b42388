import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';

/** The OS theme: light, dark or high contrast, following changes while the app runs. */
export type ThemeName = 'light' | 'dark' | 'high-contrast';

function current(): ThemeName {
  if (typeof matchMedia === 'undefined') return 'light';
  if (matchMedia('(forced-colors: active)').matches) return 'high-contrast';
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The Fluent theme matching the OS, and its name. */
export function useOsTheme(): { theme: Theme; name: ThemeName } {
  const [name, setName] = useState<ThemeName>(current);
  useEffect(() => {
    if (typeof matchMedia === 'undefined') return;
    const queries = [matchMedia('(forced-colors: active)'), matchMedia('(prefers-color-scheme: dark)')];
    const update = () => setName(current());
    for (const q of queries) q.addEventListener('change', update);
    return () => {
      for (const q of queries) q.removeEventListener('change', update);
    };
  }, []);
  const theme = name === 'high-contrast' ? teamsHighContrastTheme : name === 'dark' ? webDarkTheme : webLightTheme;
  return { theme, name };
}
