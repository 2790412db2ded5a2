// `node scripts/makeIcon.mjs`: draws media/icon.png (128×128), Precedent's icon — a page of statement lines on UN blue,
// with a check mark — from shapes, supersampled for smooth edges. No image tool needed: the PNG is written with zlib.
import { writeFileSync } from 'fs';
import { deflateSync } from 'zlib';

const SIZE = 128;
const SAMPLES = 4;
const BLUE = [0x00, 0x7c, 0xc2];
const WHITE = [0xff, 0xff, 0xff];
const LINE = [0x9d, 0xb8, 0xcc];
const GOLD = [0xf2, 0xb1, 0x1f];

const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
/** A thick segment from a to b. */
const segment = (ax, ay, bx, by, half) => (x, y) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= half * half;
};

// Painted in order, the last on top; null paints nothing (transparent).
const layers = [
  [roundedRect(4, 4, 124, 124, 22), BLUE],
  [roundedRect(30, 20, 98, 108, 6), WHITE],
  ...[38, 50, 62, 74].map((y, i) => [roundedRect(40, y, i === 3 ? 70 : 88, y + 5, 2.5), LINE]),
  [circle(92, 92, 22), GOLD],
  [segment(81, 92, 89, 100, 3.6), WHITE],
  [segment(89, 100, 103, 84, 3.6), WHITE],
];

const pixels = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  pixels[y * (SIZE * 4 + 1)] = 0; // no filter
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const px = x + (sx + 0.5) / SAMPLES;
        const py = y + (sy + 0.5) / SAMPLES;
        let colour = null;
        for (const [inside, fill] of layers) if (inside(px, py)) colour = fill;
        if (colour) {
          sum[0] += colour[0];
          sum[1] += colour[1];
          sum[2] += colour[2];
          sum[3] += 255;
        }
      }
    }
    const n = SAMPLES * SAMPLES;
    const covered = sum[3] / 255 || 1;
    const at = y * (SIZE * 4 + 1) + 1 + x * 4;
    pixels[at] = Math.round(sum[0] / covered);
    pixels[at + 1] = Math.round(sum[1] / covered);
    pixels[at + 2] = Math.round(sum[2] / covered);
    pixels[at + 3] = Math.round(sum[3] / n);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bits per channel
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(pixels, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
console.log(`wrote media/icon.png (${SIZE}×${SIZE}, ${png.length} bytes)`);
