// Draws images/icon.png (128x128): a gateway arch with three routes, in plain RGBA pixels,
// so the icon needs no image tools. Run once; the PNG is committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 128;
const px = Buffer.alloc(N * N * 4);
const set = (x, y, [r, g, b, a = 255]) => {
  if (x < 0 || y < 0 || x >= N || y >= N) return;
  const i = (y * N + x) * 4;
  px[i] = r;
  px[i + 1] = g;
  px[i + 2] = b;
  px[i + 3] = a;
};
const bg = [36, 41, 56];
const teal = [36, 161, 193];
const light = [230, 236, 245];
for (let y = 0; y < N; y++)
  for (let x = 0; x < N; x++) {
    const r = 22; // rounded corners
    const cx = x < r ? r : x >= N - r ? N - r - 1 : x;
    const cy = y < r ? r : y >= N - r ? N - r - 1 : y;
    if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) set(x, y, bg);
  }
// arch (the gateway)
for (let y = 20; y < 70; y++)
  for (let x = 20; x < 108; x++) {
    const d = Math.hypot(x - 64, y - 70);
    if (d >= 30 && d <= 42 && y <= 70) set(x, y, teal);
  }
for (let y = 70; y < 84; y++) for (let x = 22; x < 34; x++) set(x, y, teal);
for (let y = 70; y < 84; y++) for (let x = 94; x < 106; x++) set(x, y, teal);
// three routes fanning out below
for (const dx of [-34, 0, 34]) {
  for (let t = 0; t <= 1; t += 0.002) {
    const x = Math.round(64 + dx * t);
    const y = Math.round(66 + 42 * t);
    for (let w = -2; w <= 2; w++) set(x + w, y, light);
  }
  for (let y = -4; y <= 4; y++) for (let x = -4; x <= 4; x++) if (x * x + y * y <= 16) set(64 + dx + x, 108 + y, light);
}
for (let y = -6; y <= 6; y++) for (let x = -6; x <= 6; x++) if (x * x + y * y <= 36) set(64 + x, 62 + y, light);

const rows = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) px.copy(rows, y * (N * 4 + 1) + 1, y * N * 4, (y + 1) * N * 4);
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, sum]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8;
ihdr[9] = 6;
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(rows)),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
