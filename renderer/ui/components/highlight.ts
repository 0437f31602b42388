import Prism from 'prismjs';
import 'prismjs/components/prism-powershell';

/** One piece of highlighted code: its text and the token type that colours it (empty for plain text). */
export interface CodePiece {
  readonly text: string;
  readonly type: string;
}

function flatten(tokens: (string | Prism.Token)[], type: string, out: CodePiece[]): void {
  for (const token of tokens) {
    if (typeof token === 'string') out.push({ text: token, type });
    else if (Array.isArray(token.content)) flatten(token.content, token.type, out);
    else if (typeof token.content === 'string') out.push({ text: token.content, type: token.type });
    else flatten([token.content], token.type, out);
  }
}

/**
 * Splits PowerShell into coloured pieces with Prism's grammar. The pieces are rendered as React
 * text, never as HTML, so highlighting cannot inject anything.
 */
export function highlightPowerShell(code: string): CodePiece[] {
  const grammar = Prism.languages.powershell;
  if (grammar === undefined) return [{ text: code, type: '' }];
  const out: CodePiece[] = [];
  flatten(Prism.tokenize(code, grammar), '', out);
  return out;
}
