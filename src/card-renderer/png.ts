/**
 * A PNG encoder for palette images (8 bits an index, unfiltered rows,
 * deflated by Node's zlib): all a card needs, in a few lines, and no RGBA
 * image is ever made. A card is mostly runs of one index (the page), so it
 * is deflated with zlib's run-length strategy: faster than the default level
 * for a somewhat larger file (measured: bench/NOTES.md, "Measurements behind
 * the code").
 */
import { constants, crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** A palette image (one byte a pixel, row by row, each an index into `palette`: RGB triples, at most 256) as PNG. */
export function encodePalettePng(indexes: Uint8Array, width: number, height: number, palette: Buffer): Buffer {
  if (palette.length % 3 !== 0 || palette.length > 256 * 3) throw new Error(`a palette is 1 to 256 RGB triples, not ${palette.length} bytes`);
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) raw.set(indexes.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per index
  header[9] = 3; // palette
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('PLTE', palette),
    chunk('IDAT', deflateSync(raw, { strategy: constants.Z_RLE })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
