import { describe, expect, it } from 'vitest';
import {
  showValue,
  validateFqdn,
  validateIsoDate,
  validateThumbprint,
  validateWindowsPath,
  validateZipPath,
  windowsPathProblem,
  type Validated,
} from '../../../renderer/core/powershell/validators';

function error<T>(result: Validated<T>): string {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('validateFqdn', () => {
  it('accepts an FQDN and lower-cases it', () => {
    expect(validateFqdn('FE01.Contoso.Local', 'The server')).toEqual({ ok: true, value: 'fe01.contoso.local' });
  });

  it('says what is wrong and what to do', () => {
    expect(error(validateFqdn('fe01', 'The server'))).toBe(
      'The server "fe01" is a single name; give the full name with its domain (for example fe01.contoso.local).',
    );
    expect(error(validateFqdn("fe01'.contoso.local", 'The server'))).toMatch(
      /^The server "fe01'\.contoso\.local" has a part "fe01'" that is not allowed: use letters, digits and hyphens/,
    );
    expect(error(validateFqdn('fe01.contoso.local\n', 'The server'))).toBe(
      'The server "fe01.contoso.local\\u000A" has spaces before or after it.',
    );
    expect(error(validateFqdn('', 'The pool'))).toBe('The pool "" is empty.');
    expect(error(validateFqdn(42 as unknown as string, 'The pool'))).toBe(
      'The pool is missing or is not text; type it in.',
    );
  });
});

describe('Windows paths', () => {
  it('accepts drive-letter and UNC paths, including characters that are legal in Windows names', () => {
    for (const path of [
      'C:\\CsConfig\\CsConfiguration.zip',
      'd:\\export.zip',
      '\\\\fs01.contoso.local\\share$\\lync\\config.zip',
      "C:\\O'Brien's $(files)\\`cfg` & co; #1 {x}.zip",
      'C:\\Données\\配置 😀.zip',
    ]) {
      expect(validateZipPath(path, 'The export file')).toEqual({ ok: true, value: path });
    }
    expect(validateWindowsPath('\\\\edge01\\c$', 'The folder')).toEqual({ ok: true, value: '\\\\edge01\\c$' });
  });

  it('refuses relative paths and says how to write a full one', () => {
    expect(error(validateZipPath('config.zip', 'The export file'))).toBe(
      'The export file "config.zip" is a relative path; give a full path that starts with a drive letter (C:\\CsConfig\\CsConfiguration.zip) or a share (\\\\server\\share\\CsConfiguration.zip).',
    );
    expect(error(validateZipPath('C:config.zip', 'The export file'))).toMatch(
      /relative to the current folder of drive C:; add a backslash after the colon/,
    );
    expect(error(validateZipPath('\\config.zip', 'The export file'))).toMatch(
      /starts at the root of whatever drive is current/,
    );
    expect(error(validateZipPath('C:/CsConfig/config.zip', 'The export file'))).toMatch(
      /forward slashes; Windows paths use backslashes/,
    );
  });

  it('refuses .. and . segments, doubled and trailing backslashes', () => {
    expect(error(validateZipPath('C:\\CsConfig\\..\\Windows\\x.zip', 'The export file'))).toMatch(
      /contains "\." or "\.\."; write the full path without them/,
    );
    expect(windowsPathProblem('C:\\a\\\\b.zip')).toBe('has two backslashes in a row; remove one');
    expect(windowsPathProblem('C:\\a\\')).toBe('ends with a backslash; end it with the file name');
  });

  it('refuses characters Windows does not allow and invisible ones', () => {
    for (const char of ['<', '>', ':', '"', '|', '?', '*']) {
      expect(windowsPathProblem(`C:\\a${char}b.zip`)).toBe(
        `contains the character ${char}, which Windows does not allow in file or folder names; remove it`,
      );
    }
    for (const char of ['\u0000', '\n', '\r', '\t', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029']) {
      expect(windowsPathProblem(`C:\\a${char}b.zip`)).toMatch(/invisible control character/);
    }
    expect(windowsPathProblem('C:\\a\u202Eb.zip')).toMatch(/text-direction mark/);
    expect(windowsPathProblem('C:\\a\uD800b.zip')).toMatch(/broken character/);
  });

  it('refuses reserved device names, with or without an extension', () => {
    expect(windowsPathProblem('C:\\CON\\a.zip')).toBe(
      'uses "CON", a name Windows reserves for a device; choose another name',
    );
    expect(windowsPathProblem('C:\\dir\\nul.zip')).toMatch(/reserves for a device/);
    expect(windowsPathProblem('C:\\dir\\Com1 .txt\\a.zip')).toMatch(/reserves for a device/);
    expect(windowsPathProblem('C:\\dir\\LPT\u00B9.zip')).toMatch(/reserves for a device/);
    expect(windowsPathProblem('C:\\dir\\CONSOLE.zip')).toBeNull();
  });

  it('refuses names ending in a space or dot, and paths past MAX_PATH', () => {
    expect(windowsPathProblem('C:\\dir.\\a.zip')).toMatch(/ends with a space or a dot/);
    expect(windowsPathProblem(`C:\\${'a'.repeat(300)}.zip`)).toMatch(
      /is 307 characters long; Windows paths here are limited to 259/,
    );
  });

  it('needs a .zip file for an export, and a file after a share', () => {
    expect(error(validateZipPath('C:\\CsConfig\\config.txt', 'The export file'))).toMatch(/does not end in \.zip/);
    expect(error(validateZipPath('\\\\server\\share', 'The export file'))).toMatch(/names a share but no file/);
    expect(error(validateZipPath('\\\\bad host\\share\\a.zip', 'The export file'))).toMatch(
      /after \\\\ comes the server name/,
    );
    expect(error(validateZipPath('C:\\', 'The export file'))).toMatch(/names only a drive/);
  });
});

describe('validateThumbprint', () => {
  const tp = '3a5f9c2e7b1d4e8f0a6c3b9d2e5f7a1c4b8d0e6f';

  it('strips spaces (and the invisible mark the certificate dialog copies) and upper-cases', () => {
    expect(validateThumbprint(tp, 'The thumbprint')).toEqual({ ok: true, value: tp.toUpperCase() });
    expect(
      validateThumbprint(`\u200E3a 5f 9c 2e 7b 1d 4e 8f 0a 6c 3b 9d 2e 5f 7a 1c 4b 8d 0e 6f `, 'The thumbprint'),
    ).toEqual({ ok: true, value: tp.toUpperCase() });
  });

  it('says which character or how many digits are wrong', () => {
    expect(error(validateThumbprint(`${tp.slice(0, 39)}g`, 'The thumbprint'))).toMatch(
      /contains "g", which is not a hexadecimal digit; a thumbprint has only 0-9 and A-F\.$/,
    );
    expect(error(validateThumbprint(tp.slice(0, 38), 'The thumbprint'))).toMatch(
      /has 38 hexadecimal digits; a thumbprint has exactly 40\.$/,
    );
    expect(error(validateThumbprint(`${tp}'`, 'The thumbprint'))).toMatch(/contains "'"/);
    expect(error(validateThumbprint('  ', 'The thumbprint'))).toMatch(/is empty/);
  });
});

describe('validateIsoDate', () => {
  it('accepts ISO 8601 with Z or an offset and normalises to UTC with milliseconds', () => {
    expect(validateIsoDate('2012-11-24T19:40:00Z', 'The time')).toEqual({
      ok: true,
      value: '2012-11-24T19:40:00.000Z',
    });
    expect(validateIsoDate('2012-11-24T20:40:00.1234567+01:00', 'The time')).toEqual({
      ok: true,
      value: '2012-11-24T19:40:00.123Z',
    });
    expect(validateIsoDate('2012-11-24T19:40-05:30', 'The time')).toEqual({
      ok: true,
      value: '2012-11-25T01:10:00.000Z',
    });
  });

  it('refuses what is not a real moment, with the reason', () => {
    expect(error(validateIsoDate('11/24/2012 8:08:05 PM', 'The time'))).toBe(
      'The time "11/24/2012 8:08:05 PM" is not an ISO 8601 date and time; write it like 2013-03-14T10:00:00Z.',
    );
    expect(error(validateIsoDate('2012-11-24T19:40:00', 'The time'))).toMatch(/has no time zone; add Z for UTC/);
    expect(error(validateIsoDate('2013-02-29T10:00:00Z', 'The time'))).toMatch(/is not a real date and time/);
    expect(error(validateIsoDate('2013-01-01T24:00:00Z', 'The time'))).toMatch(/is not a real date and time/);
    expect(error(validateIsoDate('2013-01-01T10:00:00+15:00', 'The time'))).toMatch(
      /offsets run from -14:00 to \+14:00/,
    );
    expect(error(validateIsoDate("2013-01-01T10:00:00Z'; x", 'The time'))).toMatch(/not an ISO 8601/);
  });
});

describe('showValue', () => {
  it('spells out invisible characters and cuts long values in messages', () => {
    expect(showValue('a\nb\u202E')).toBe('"a\\u000Ab\\u202E"');
    expect(showValue('x'.repeat(100))).toBe(`"${'x'.repeat(57)}…"`);
  });
});
