import { createRequire } from 'node:module';
import path from 'node:path';
import type * as PdfMake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

// pdfmake is CommonJS exporting one configured instance; require() gets that instance itself
// (an ESM namespace import would not see its methods).
const require = createRequire(import.meta.url);
const pdfmake = require('pdfmake') as typeof PdfMake;

/**
 * pdfmake's bundled Roboto covers Latin with Vietnamese (precomposed letters with two marks, đ, ư, ơ),
 * so reports need no system font. Regular and Medium (used for bold) are embedded as subsets.
 */
const robotoDir = path.dirname(require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'));

let configured = false;

function configure(): void {
  if (configured) return;
  pdfmake.addFonts({
    Roboto: {
      normal: path.join(robotoDir, 'Roboto-Regular.ttf'),
      bold: path.join(robotoDir, 'Roboto-Medium.ttf'),
      italics: path.join(robotoDir, 'Roboto-Italic.ttf'),
      bolditalics: path.join(robotoDir, 'Roboto-MediumItalic.ttf'),
    },
  });
  // Documents are built from our own data: never fetch a URL, read only the font files.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(robotoDir + path.sep));
  configured = true;
}

/** Renders a pdfmake document definition to a PDF buffer (fonts: `Roboto`). */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(definition).getBuffer();
}
