// The document limit is counted one way, in UTF-8 bytes, by every reader and writer (issue 13 item 5).
import { describe, expect, it } from 'vitest';
import { documentBytes, withinDocumentLimit } from '../../../renderer/core/document/document';

describe('the size of a document', () => {
  it('is its UTF-8 bytes: one, two, three or four a character', () => {
    const text = 'a' + 'é' + '日' + '😀';
    expect(documentBytes(text)).toBe(1 + 2 + 3 + 4);
    expect(documentBytes(text)).toBe(new TextEncoder().encode(text).length);
    // A lone surrogate is written as U+FFFD, three bytes.
    expect(documentBytes('\ud800x')).toBe(4);
  });

  it('refuses a text within the limit in characters but over it in bytes', () => {
    const text = '日'.repeat(1000); // 1,000 characters, 3,000 bytes
    expect(withinDocumentLimit(text, 2999)).toBe(false);
    expect(withinDocumentLimit(text, 3000)).toBe(true);
    expect(withinDocumentLimit('a'.repeat(1000), 1000)).toBe(true);
  });
});
