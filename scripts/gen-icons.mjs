/**
 * Writes the PWA's PNG icons (192 and 512 px, plus a maskable 512) from the favicon's design: a
 * blue square with a white tick. Drawn pixel by pixel with zlib so no image library is needed.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

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
function chunk(type, data) {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const td = Buffer.concat([Buffer.from(type), data]);
	const c = Buffer.alloc(4);
	c.writeUInt32BE(crc(td));
	return Buffer.concat([len, td, c]);
}
/** Distance from point p to segment ab. */
function dist(px, py, ax, ay, bx, by) {
	const t = Math.max(
		0,
		Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2))
	);
	return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}
function icon(size, pad) {
	const rows = [];
	const s = (size - 2 * pad) / 32;
	for (let y = 0; y < size; y++) {
		const row = [0];
		for (let x = 0; x < size; x++) {
			const u = (x - pad) / s;
			const v = (y - pad) / s;
			const tick = Math.min(dist(u, v, 9, 16.5, 13.5, 21), dist(u, v, 13.5, 21, 23, 11)) < 1.5;
			row.push(...(tick ? [255, 255, 255] : [11, 92, 173]));
		}
		rows.push(Buffer.from(row));
	}
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(size, 0);
	ihdr.writeUInt32BE(size, 4);
	ihdr.set([8, 2, 0, 0, 0], 8);
	return Buffer.concat([
		Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(Buffer.concat(rows))),
		chunk('IEND', Buffer.alloc(0))
	]);
}
writeFileSync('static/icons/icon-192.png', icon(192, 0));
writeFileSync('static/icons/icon-512.png', icon(512, 0));
writeFileSync('static/icons/maskable-512.png', icon(512, 80));
