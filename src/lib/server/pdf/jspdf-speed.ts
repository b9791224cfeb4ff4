/**
 * Speed fixes for jsPDF 4.2 that leave its output byte for byte the same. Each one was found by
 * profiling `bench/report.ts` (`node --cpu-prof`); the numbers are shares of a 200-call zh-CN
 * report's render time before the fix. They patch jsPDF's shared prototypes, so importing this
 * module once applies them to every document in the process.
 */
import { deflateSync } from 'node:zlib';
import { jsPDF } from 'jspdf';

type Events = { events: [string, unknown][]; processArabic?: unknown };
type Glyph = { encode(old2new: Record<string, number>): number[] };
type GlyfTable = {
	encode(
		glyphs: Record<string, Glyph | null>,
		oldIds: string[],
		old2new: Record<string, number>
	): { table: number[]; offsets: number[] };
	__ccLinear?: true;
};

/** A font's parsed TrueType data (jsPDF's typings give getFont no arguments; it takes them). */
function metadataOf<T>(doc: jsPDF, fontName: string, fontStyle: string): Partial<T> | undefined {
	const getFont = doc.getFont as unknown as (name: string, style: string) => { metadata?: T };
	return getFont.call(doc, fontName, fontStyle).metadata;
}

/*
 * jsPDF runs its Arabic shaper over every string it draws (about 7 % of a report's render time).
 * Reports are Chinese or English only, so drop that hook from the prototype's event list, which
 * every new document copies.
 */
const api = jsPDF.API as unknown as Events;
api.events = api.events.filter(
	([name, fn]) => !(name === 'preProcessText' && fn === api.processArabic)
);

/*
 * getStringUnitWidth, behind every width jspdf-autotable measures, still runs the shaper
 * (another 6 %). For a string without Arabic letters the shaper returns it unchanged, except
 * that it splits on the literal text "\s+" (a string, not a regex) and joins with a space; such
 * strings, and anything not a string, still go through it.
 */
const SHAPED = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]|\\s\+/;
const shape = api.processArabic as (arg: unknown) => unknown;
api.processArabic = (arg: unknown) =>
	typeof arg === 'string' && arg !== '' && !SHAPED.test(arg) ? arg : shape(arg);

/**
 * jsPDF re-subsets every embedded TrueType font when it writes the file, and its glyf encoder
 * builds the glyph table with `table = table.concat(glyph)` once per glyph: quadratic in the
 * glyphs a Chinese report uses (about a third of the render time, much of it garbage collection).
 * Appending in place gives the same bytes in linear time. The GlyfTable class is not exported,
 * so the prototype is reached through a parsed font's `metadata.glyf`; call this after `addFont`.
 */
export function linearGlyfEncode(doc: jsPDF, fontName: string, fontStyle: string): void {
	const glyf = metadataOf<{ glyf: object }>(doc, fontName, fontStyle)?.glyf;
	if (!glyf) return;
	const proto = Object.getPrototypeOf(glyf) as GlyfTable;
	if (proto.__ccLinear) return;
	proto.encode = function (glyphs, oldIds, old2new) {
		const table: number[] = [];
		const offsets: number[] = [];
		for (const id of oldIds) {
			const glyph = glyphs[id];
			offsets.push(table.length);
			if (!glyph) continue;
			const bytes = glyph.encode(old2new);
			// Array.prototype.concat semantics: an array is spread, anything else appended as is.
			if (Array.isArray(bytes)) for (let i = 0; i < bytes.length; i++) table.push(bytes[i]);
			else table.push(bytes);
		}
		offsets.push(table.length);
		return { table, offsets };
	};
	proto.__ccLinear = true;
}

/**
 * jspdf-autotable asks for the document's font list on every style change (once per cell
 * measured and drawn); jsPDF rebuilds it from all fonts each time. The report adds its fonts
 * before any table, so after `addFont` the list is fixed: answer it from a copy.
 */
export function freezeFontList(doc: jsPDF): void {
	const list = doc.getFontList();
	doc.getFontList = () => list;
}

/**
 * Every character jsPDF draws in a TrueType font goes through pdfEscape16, which looks the glyph
 * up in the font's PDF width list with `widths.indexOf(glyph)`: a linear scan of a list that
 * grows with every distinct glyph, so quadratic-ish over a Chinese report's ~100,000 characters
 * (about 12 % of its render time). pdfEscape16 is private to jsPDF, so instead this gives that
 * one array a `push` that records each value's first index and an `indexOf` answered from it,
 * with Array's own results (NaN and a `fromIndex` still go to the real indexOf). The list is
 * written out element by element, so the PDF is unchanged. Call after `addFont`.
 */
export function indexedWidths(doc: jsPDF, fontName: string, fontStyle: string): void {
	const metrics = metadataOf<{ Unicode: { widths?: unknown[] } }>(doc, fontName, fontStyle);
	const widths = metrics?.Unicode?.widths;
	if (!widths || Object.hasOwn(widths, 'indexOf')) return;
	const first = new Map<unknown, number>();
	widths.forEach((value, i) => {
		if (!first.has(value)) first.set(value, i);
	});
	Object.defineProperties(widths, {
		push: {
			value(this: unknown[], ...items: unknown[]) {
				for (const item of items) {
					if (!first.has(item)) first.set(item, this.length);
					Array.prototype.push.call(this, item);
				}
				return this.length;
			}
		},
		indexOf: {
			value(this: unknown[], item: unknown, from?: number) {
				if (from !== undefined || Number.isNaN(item))
					return Array.prototype.indexOf.call(this, item, from);
				return first.get(item) ?? -1;
			}
		}
	});
}

type Filtered = { data: string; reverseChain: string };
type FilterApi = { processDataByFilters(data: string, chain?: string | string[]): Filtered };

/*
 * jsPDF's FlateEncode copies each stream (a binary string) into bytes one charCodeAt at a time,
 * deflates it with fflate in JavaScript, and turns the result back into a string with
 * `bytes.reduce((s, b) => s + String.fromCharCode(b), '')`. Here Node's latin1 codec does both
 * copies natively (with the same truncation to 8 bits) and Node's zlib deflates at the same
 * level 6: on a 200-call report's 1.1 MB of streams about 25 ms of CPU instead of 65-80, and 2 %
 * smaller. The streams' bytes differ from fflate's but inflate to the same content, and zlib is
 * deterministic for a given Node build, which is all the recorded SHA-256 relies on (it hashes
 * the stored file; nothing re-renders to compare).
 */
const filters = jsPDF.API as unknown as FilterApi;
const processDataByFilters = filters.processDataByFilters;
filters.processDataByFilters = (data, chain) => {
	const only = Array.isArray(chain) && chain.length === 1 ? chain[0] : chain;
	if (typeof data !== 'string' || (only !== 'FlateEncode' && only !== '/FlateEncode'))
		return processDataByFilters(data, chain);
	return {
		data: deflateSync(Buffer.from(data, 'latin1'), { level: 6 }).toString('latin1'),
		reverseChain: '/FlateDecode'
	};
};

type Directory = {
	scalarType: number;
	encode(tables: Record<string, ArrayLike<number>>): number[];
	__ccFast?: true;
};

const isByte = (v: unknown) => typeof v === 'number' && (v & 0xff) === v;

/** The TrueType table checksum as jsPDF computes it: big-endian uint32 sum, zero-padded, as int32. */
function checksum(bytes: ArrayLike<number>, length: number): number {
	let sum = 0;
	const whole = length - (length % 4);
	for (let i = 0; i < whole; i += 4)
		sum += bytes[i] * 0x1000000 + (bytes[i + 1] << 16) + (bytes[i + 2] << 8) + bytes[i + 3];
	if (whole < length) {
		const tail = [0, 0, 0, 0];
		for (let i = whole; i < length; i++) tail[i - whole] = bytes[i];
		sum += tail[0] * 0x1000000 + (tail[1] << 16) + (tail[2] << 8) + tail[3];
	}
	return sum & 0xffffffff;
}

/**
 * The same re-subsetting then assembles the font file in its Directory.encode: each table is
 * appended with `concat`, copied again for its checksum and written byte by byte through a method
 * call that also collects every return value (about 55 ms of a zh-CN render). This builds the
 * identical bytes (header, table records, 4-byte padding, checksums, head.checkSumAdjustment) in
 * one preallocated buffer; a table holding anything but bytes goes to jsPDF's own encoder.
 * Call after `addFont`.
 */
export function fastFontDirectory(doc: jsPDF, fontName: string, fontStyle: string): void {
	const directory = metadataOf<{ directory: object }>(doc, fontName, fontStyle)?.directory;
	if (!directory) return;
	const proto = Object.getPrototypeOf(directory) as Directory;
	if (proto.__ccFast) return;
	const original = proto.encode;
	proto.encode = function (tables) {
		const tags = Object.keys(tables);
		if (!tags.every((tag) => Array.prototype.every.call(tables[tag], isByte)))
			return original.call(this, tables);
		const count = tags.length;
		const log2 = Math.log(2);
		const searchRange = Math.floor(Math.log(count) / log2) * 16;
		const entrySelector = Math.floor(searchRange / log2);
		let size = 12 + 16 * count;
		for (const tag of tags) size += Math.ceil(tables[tag].length / 4) * 4;
		const out = new Uint8Array(size);
		const u16 = (at: number, v: number) => {
			out[at] = (v >> 8) & 0xff;
			out[at + 1] = v & 0xff;
		};
		const u32 = (at: number, v: number) => {
			u16(at, v >>> 16);
			u16(at + 2, v & 0xffff);
		};
		u32(0, this.scalarType);
		u16(4, count);
		u16(6, searchRange);
		u16(8, entrySelector);
		u16(10, count * 16 - searchRange);
		let record = 12;
		let offset = 12 + 16 * count;
		let headOffset = 0;
		for (const tag of tags) {
			const table = tables[tag];
			for (let i = 0; i < 4; i++) out[record + i] = tag.charCodeAt(i);
			u32(record + 4, checksum(table, table.length));
			u32(record + 8, offset);
			u32(record + 12, table.length);
			out.set(table, offset);
			if (tag === 'head') headOffset = offset;
			offset += Math.ceil(table.length / 4) * 4;
			record += 16;
		}
		u32(headOffset + 8, 0xb1b0afba - checksum(out, size));
		return Array.from(out);
	};
	proto.__ccFast = true;
}

/**
 * pdfEscape16 pushes the glyph of every character drawn onto the font's `glyIdsUsed` (duplicates
 * and all, ~100,000 entries), which the re-subsetting then walks only to build a set of glyphs;
 * so duplicates are skipped on push. (Memoising `widthOfString` per string was tried too: keying
 * a Map by the text cost more than jsPDF's per-glyph sum.) Call after `addFont`.
 */
export function dedupeUsedGlyphs(doc: jsPDF, fontName: string, fontStyle: string): void {
	const used = metadataOf<{ glyIdsUsed: unknown[] }>(doc, fontName, fontStyle)?.glyIdsUsed;
	if (!used || Object.hasOwn(used, 'push')) return;
	const seen = new Set(used);
	Object.defineProperty(used, 'push', {
		value(this: unknown[], ...items: unknown[]) {
			for (const item of items)
				if (!seen.has(item)) {
					seen.add(item);
					Array.prototype.push.call(this, item);
				}
			return this.length;
		}
	});
}
