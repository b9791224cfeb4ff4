/**
 * Noto Sans SC as TrueType (glyf outlines: jsPDF cannot embed CFF/OTF), cut down per report to the
 * characters it prints, so a Chinese report carries a few hundred glyphs instead of a 10 MB font.
 * jsPDF writes a ToUnicode map for the glyphs it uses, so the text stays selectable and searchable.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import subsetFont from 'subset-font';

const require = createRequire(import.meta.url);

export const FONT_FAMILY = 'Noto Sans SC';

/** Path of one weight's TTF inside @expo-google-fonts/noto-sans-sc. */
export function fontPath(weight: 'regular' | 'bold'): string {
	const dir = weight === 'bold' ? '700Bold' : '400Regular';
	return require.resolve(`@expo-google-fonts/noto-sans-sc/${dir}/NotoSansSC_${dir}.ttf`);
}

const files = new Map<string, Buffer>();

function fontFile(weight: 'regular' | 'bold'): Buffer {
	let file = files.get(weight);
	if (!file) {
		file = readFileSync(fontPath(weight));
		files.set(weight, file);
	}
	return file;
}

/** Always kept: ASCII and the punctuation the layout itself adds (leaders, ±, ≥, ≤, −). */
const BASE =
	Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('') + '·…±≥≤−–—•';

/** The distinct characters of `texts` plus BASE, in code-point order (stable across runs). */
export function charactersOf(texts: Iterable<string>): string {
	const set = new Set(BASE);
	for (const text of texts) for (const ch of text) if (ch >= ' ') set.add(ch);
	return [...set].sort().join('');
}

/**
 * A TrueType subset of one weight holding exactly `characters`. No OpenType layout features:
 * jsPDF maps characters to glyphs through the cmap alone and never shapes, so the glyphs that
 * only GSUB reaches (alternates, vertical forms, ligatures) would be dead weight. Keeping them
 * doubled the subset (148 → 76 KB for a zh-CN report) and the time harfbuzz spends on the closure
 * and jsPDF on parsing, re-subsetting and checksumming the font.
 */
export async function subsetTtf(weight: 'regular' | 'bold', characters: string): Promise<Buffer> {
	const out = await subsetFont(fontFile(weight), characters, {
		targetFormat: 'truetype',
		keepFeatures: []
	});
	return Buffer.from(out);
}
