import zlib from 'node:zlib';

/**
 * A real PNG of the given size (browsers decode it: natural size is non-zero), its
 * pixels derived from `seed` so each picture differs; `noise` makes it incompressible,
 * i.e. as heavy as a photograph of that size.
 */
export function pngImage(width: number, height: number, seed = 1, noise = false): Buffer {
  const row = 1 + width * 3;
  const raw = Buffer.alloc(row * height);
  let state = seed * 2654435761;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * row + 1 + x * 3;
      if (noise) {
        state = (state * 1103515245 + 12345) >>> 0;
        raw[at] = state & 0xff;
        raw[at + 1] = (state >>> 8) & 0xff;
        raw[at + 2] = (state >>> 16) & 0xff;
      } else {
        raw[at] = (seed * 40 + x) & 0xff;
        raw[at + 1] = (seed * 90 + y) & 0xff;
        raw[at + 2] = (seed * 150) & 0xff;
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: noise ? 0 : 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}
