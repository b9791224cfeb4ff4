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
	const font = doc.getFont(fontName, fontStyle) as unknown as {
		metadata?: { glyf?: object };
	};
	const glyf = font.metadata?.glyf;
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
	const font = doc.getFont(fontName, fontStyle) as unknown as {
		metadata?: { Unicode?: { widths?: unknown[] } };
	};
	const widths = font.metadata?.Unicode?.widths;
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
