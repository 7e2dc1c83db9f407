import jsQRModule from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';

// jsqr is CommonJS with an ES-style default export: depending on the loader's interop the function is the
// module itself or its `.default`.
type Decode = typeof jsQRModule.default;
const jsQR: Decode = typeof jsQRModule === 'function' ? jsQRModule : jsQRModule.default;

/** Reads the QR code as a phone camera would: from pixels on the screen, not from the DOM. */
export async function readQrCode(page: Page, name: RegExp): Promise<string> {
  const image = page.getByRole('img', { name });
  const png = PNG.sync.read(await image.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (decoded === null) throw new Error('no QR code could be read from the screenshot');
  return decoded.data;
}
