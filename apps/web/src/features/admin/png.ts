/** What the browser can tell about a PNG before sending it: size and whether it has transparency. */
export interface PngInfo {
  width: number;
  height: number;
  /** An alpha channel (colour types 4 and 6) or a `tRNS` chunk. */
  transparent: boolean;
}

const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function u32(bytes: Uint8Array, offset: number): number {
  return (
    ((bytes[offset] ?? 0) * 0x1000000 +
      ((bytes[offset + 1] ?? 0) << 16) +
      ((bytes[offset + 2] ?? 0) << 8) +
      (bytes[offset + 3] ?? 0)) >>>
    0
  );
}

function chunkType(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + 4));
}

/** Reads the PNG header and chunk list; null when the bytes are not a PNG. */
export function readPngInfo(bytes: Uint8Array): PngInfo | null {
  if (bytes.length < 33 || signature.some((value, index) => bytes[index] !== value)) return null;
  if (chunkType(bytes, 12) !== 'IHDR') return null;
  const width = u32(bytes, 16);
  const height = u32(bytes, 20);
  const colourType = bytes[25] ?? 0;
  let transparent = colourType === 4 || colourType === 6;
  let offset = 8;
  while (!transparent && offset + 8 <= bytes.length) {
    const length = u32(bytes, offset);
    const type = chunkType(bytes, offset + 4);
    if (type === 'tRNS') transparent = true;
    if (type === 'IDAT' || type === 'IEND') break;
    offset += 12 + length;
  }
  return { width, height, transparent };
}
