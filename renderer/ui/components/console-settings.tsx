import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { CONSOLE_LOCALES, DEFAULT_CONSOLE_LOCALE, describeConsoleLocale } from '../../core/evidence';
import type { Preferences } from '../../host/host';

const useStyles = makeStyles({
  settings: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

const TIME_ZONES: readonly string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
})();

/**
 * The console's date format and the server's time zone a paste is read in. A choice is kept for the
 * next paste (any box that reads console dates), since one admin's consoles rarely change; until
 * one is made, the default shown is only a guess, and the readers are told so.
 */
export interface ConsoleSettings {
  readonly locale: string;
  readonly localeChosen: boolean;
  readonly timeZone: string;
  readonly zoneChosen: boolean;
  readonly setLocale: (locale: string) => void;
  readonly setTimeZone: (timeZone: string) => void;
  /** Takes the locale and zone shown as chosen: confirming a default as it stands is a choice too. */
  readonly confirm: () => void;
}

/** The console settings kept in `preferences`; the workstation's zone until a zone is chosen. */
export function useConsoleSettings(preferences: Preferences, workstationZone: string): ConsoleSettings {
  const [locale, setLocale] = useState(() => preferences.get('console-locale') ?? DEFAULT_CONSOLE_LOCALE);
  const [localeChosen, setLocaleChosen] = useState(() => preferences.get('console-locale') !== null);
  const [timeZone, setTimeZone] = useState(() => preferences.get('console-time-zone') ?? workstationZone);
  const [zoneChosen, setZoneChosen] = useState(() => preferences.get('console-time-zone') !== null);
  return {
    locale,
    localeChosen,
    timeZone,
    zoneChosen,
    setLocale: (value) => {
      setLocale(value);
      setLocaleChosen(true);
      preferences.set('console-locale', value);
    },
    setTimeZone: (value) => {
      setTimeZone(value);
      setZoneChosen(true);
      preferences.set('console-time-zone', value);
    },
    confirm: () => {
      setLocaleChosen(true);
      setZoneChosen(true);
      preferences.set('console-locale', locale);
      preferences.set('console-time-zone', timeZone);
    },
  };
}

/** The two selects: "Console date format" (with how dates are read) and "Server's time zone". */
export function ConsoleSettingsFields({ settings }: { settings: ConsoleSettings }) {
  const styles = useStyles();
  const { locale, timeZone } = settings;
  const zones = TIME_ZONES.includes(timeZone) ? TIME_ZONES : [timeZone, ...TIME_ZONES];
  return (
    <div className={styles.settings}>
      <Field
        label="Console date format"
        hint={`Dates are read as ${describeConsoleLocale(CONSOLE_LOCALES.find((l) => l.id === locale) ?? CONSOLE_LOCALES[0]!)}.`}
      >
        <Select value={locale} onChange={(_, d) => settings.setLocale(d.value)}>
          {CONSOLE_LOCALES.map((l) => (
            <option key={l.id} value={l.id}>
              {l.label} — {l.example}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Server's time zone" hint="Console dates carry no zone.">
        <Select value={timeZone} onChange={(_, d) => settings.setTimeZone(d.value)}>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
