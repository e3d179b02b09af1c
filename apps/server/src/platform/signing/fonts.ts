import fs from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@cantoo/fontkit';

/**
 * DejaVu carries every Vietnamese letter (ă â đ ê ô ơ ư, stacked tone marks). DejaVu Serif stands
 * in for Times New Roman, which Decree 30 App. I names for the text but which no npm package ships.
 * Embedding goes through @cantoo/fontkit: with @pdf-lib/fontkit, @cantoo/pdf-lib fails to subset
 * (stack-notes §4 worked around it by embedding whole fonts, +446 KB per file); this fork subsets.
 */
const require = createRequire(import.meta.url);
const cache = new Map<string, Buffer>();

function load(file: string): Buffer {
  let bytes = cache.get(file);
  if (!bytes) {
    bytes = fs.readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
    cache.set(file, bytes);
  }
  return bytes;
}

export const fontFiles = {
  /** Text of number stamps and attachment signatures. */
  serif: () => load('DejaVuSerif.ttf'),
  /** Place and date line (Decree 30 App. I: italic). */
  serifItalic: () => load('DejaVuSerif-Italic.ttf'),
  /** Lettering of the demo seal. */
  sansBold: () => load('DejaVuSans-Bold.ttf'),
};

/** Ascent and descent per point of size, from the font's own tables. */
export function verticalMetrics(bytes: Buffer): { ascent: number; descent: number } {
  const font = fontkit.create(bytes);
  if (!('unitsPerEm' in font)) throw new Error('Not a single font');
  return { ascent: font.ascent / font.unitsPerEm, descent: -font.descent / font.unitsPerEm };
}

export { fontkit };
