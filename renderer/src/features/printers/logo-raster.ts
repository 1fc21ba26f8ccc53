/**
 * A picked logo (PNG or JPEG) made printable: scaled down to fit the paper's dots (384 on 58 mm,
 * 576 on 80 mm) and LOGO_MAX_HEIGHT, drawn on white, dithered to black and white (Atkinson) and
 * packed as a binary PBM (P4), the form `printing:savePrinter` takes. Never scaled up.
 */
import { LOGO_MAX_HEIGHT, logoRaster, type Raster } from '../../../../shared/contract';

/** Files bigger than this are refused before decoding (a logo is a few hundred kB at most). */
export const LOGO_FILE_MAX_BYTES = 5_000_000;

/** Why a file could not become a logo: the i18n key of the message (namespace `printers`). */
export class LogoError extends Error {
  constructor(readonly key: 'logo.badType' | 'logo.tooBig' | 'logo.unreadable') {
    super(key);
  }
}

/** The size a picture of `width` × `height` pixels prints at, within `maxWidth` dots. */
export function logoSize(width: number, height: number, maxWidth: number) {
  const scale = Math.min(1, maxWidth / width, LOGO_MAX_HEIGHT / height);
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/**
 * RGBA pixels (already on white) to 1-bit dots with Atkinson dithering: solid areas stay solid,
 * greys become patterns. Rows of ceil(width / 8) bytes, MSB the leftmost dot, 1 = black.
 */
export function ditherRgba(rgba: Uint8ClampedArray, width: number, height: number): Raster {
  const grey = new Float32Array(width * height);
  for (let i = 0; i < grey.length; i++)
    grey[i] = 0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!;
  const stride = Math.ceil(width / 8);
  const bits = new Uint8Array(stride * height);
  const spread: Array<[number, number]> = [
    [1, 0],
    [2, 0],
    [-1, 1],
    [0, 1],
    [1, 1],
    [0, 2],
  ];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const old = grey[y * width + x]!;
      const black = old < 128;
      if (black) bits[y * stride + (x >> 3)]! |= 0x80 >> (x & 7);
      const error = (old - (black ? 0 : 255)) / 8;
      for (const [dx, dy] of spread) {
        const nx = x + dx;
        const ny = y + dy;
        if (nx >= 0 && nx < width && ny < height) grey[ny * width + nx]! += error;
      }
    }
  return { width, height, bits };
}

/** A raster as a binary PBM (P4) in base64. */
export function rasterToPbm(r: Raster): string {
  const head = new TextEncoder().encode(`P4\n${r.width} ${r.height}\n`);
  const bytes = new Uint8Array(head.length + r.bits.length);
  bytes.set(head);
  bytes.set(r.bits, head.length);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Reads, scales and dithers a picked file; LogoError for a wrong type, a huge or broken file. */
export async function fileToPbm(file: File, maxWidth: number): Promise<string> {
  if (file.type !== 'image/png' && file.type !== 'image/jpeg') throw new LogoError('logo.badType');
  if (file.size > LOGO_FILE_MAX_BYTES) throw new LogoError('logo.tooBig');
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new LogoError('logo.unreadable');
  }
  const { width, height } = logoSize(bitmap.width, bitmap.height, maxWidth);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new LogoError('logo.unreadable');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return rasterToPbm(ditherRgba(ctx.getImageData(0, 0, width, height).data, width, height));
}

/** A PNG data URL showing the dots of a PBM logo, for the preview; null without a canvas. */
export function pbmPreviewUrl(pbm: string): string | null {
  const r = logoRaster(pbm);
  const canvas = document.createElement('canvas');
  const ctx = r ? canvas.getContext('2d') : null;
  if (!r || !ctx) return null;
  canvas.width = r.width;
  canvas.height = r.height;
  const image = ctx.createImageData(r.width, r.height);
  const stride = Math.ceil(r.width / 8);
  for (let y = 0; y < r.height; y++)
    for (let x = 0; x < r.width; x++) {
      const on = (r.bits[y * stride + (x >> 3)]! >> (7 - (x & 7))) & 1;
      image.data.set(on ? [0, 0, 0, 255] : [255, 255, 255, 255], (y * r.width + x) * 4);
    }
  ctx.putImageData(image, 0, 0);
  return canvas.toDataURL('image/png');
}
