/**
 * Draws the app icon (resources/icons/icon.png, 1024×1024): a folded broadsheet —
 * a masthead rule and three columns of text — on the accent red. Pure Node (zlib),
 * so it can be regenerated anywhere: `node scripts/make-icon.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const SIZE = 1024;
const pixels = Buffer.alloc(SIZE * SIZE * 4);
type RGBA = [number, number, number, number];

function fill(x0: number, y0: number, x1: number, y1: number, color: RGBA, radius = 0): void {
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (radius) {
        const cx = x < x0 + radius ? x0 + radius : x >= x1 - radius ? x1 - radius - 1 : x;
        const cy = y < y0 + radius ? y0 + radius : y >= y1 - radius ? y1 - radius - 1 : y;
        if ((x - cx) ** 2 + (y - cy) ** 2 > radius ** 2) continue;
      }
      pixels.set(color, (y * SIZE + x) * 4);
    }
  }
}

const red: RGBA = [164, 38, 44, 255];
const paper: RGBA = [251, 250, 247, 255];
const ink: RGBA = [28, 27, 25, 255];
const grey: RGBA = [150, 146, 138, 255];

fill(64, 64, 960, 960, red, 180);
fill(232, 200, 792, 824, paper, 24);
fill(288, 256, 736, 336, ink); // masthead
fill(288, 360, 736, 368, ink);
for (let col = 0; col < 3; col++) {
  const x0 = 288 + col * 156;
  for (let line = 0; line < 11; line++) {
    const y = 408 + line * 36;
    fill(x0, y, x0 + (line % 4 === 3 ? 90 : 136), y + 14, line === 0 ? ink : grey);
  }
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) pixels.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = path.resolve(import.meta.dirname, '..', 'resources', 'icons', 'icon.png');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
