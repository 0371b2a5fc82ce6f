import { describe, expect, it } from 'vitest';
import { oneLine, sanitize } from './sanitize.js';

/** Every C0 control but tab and newline, DEL, every C1 control, and the bidi embeddings, overrides and isolates. */
const DANGEROUS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('sanitize', () => {
  it('shows C0 controls in caret notation, DEL as ^?, C1 controls as \\u escapes', () => {
    expect(sanitize('\x00\x07\x08\x0b\x0c\x0d\x1b\x1f\x7f\x80\x9b\x9f')).toBe('^@^G^H^K^L^M^[^_^?\\u0080\\u009b\\u009f');
  });

  it('makes the escape sequences of the issue inert: retitle, clear screen, CSI in its one-byte form', () => {
    expect(sanitize('nope\x1b]0;pwned\x07\x1b[2J\x9b31mred')).toBe('nope^[]0;pwned^G^[[2J\\u009b31mred');
  });

  it('shows the bidi controls that reorder text as \\u escapes, so an id reads as it is', () => {
    expect(sanitize('ft:x\u202etxt.exe')).toBe('ft:x\\u202etxt.exe');
    expect(sanitize('\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069')).toBe(
      '\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069',
    );
    // Right-to-left letters and the marks beside the controls are text, not controls.
    expect(sanitize('\u200f\u2029\u202f\u2065\u206a שלום مرحبا')).toBe('\u200f\u2029\u202f\u2065\u206a שלום مرحبا');
  });

  it('lets tab, newline and every printable character through unchanged', () => {
    const printable = Array.from({ length: 0x3000 }, (_, code) => String.fromCharCode(code))
      .filter((char) => !DANGEROUS.test(char))
      .join('');
    expect(sanitize(printable)).toBe(printable);
    expect(sanitize('a\tb\nc 🙂 é')).toBe('a\tb\nc 🙂 é');
  });

  it('leaves no control character raw, whatever comes in', () => {
    const all = Array.from({ length: 0x3000 }, (_, code) => String.fromCharCode(code)).join('');
    expect(sanitize(all)).not.toMatch(DANGEROUS);
    expect(oneLine(all)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });
});

describe('oneLine', () => {
  it('folds newlines, carriage returns and tabs to one space, trims, then sanitizes', () => {
    expect(oneLine('  first\r\nsecond\t\x1b[2J  third\n')).toBe('first second ^[[2J third');
  });
});
