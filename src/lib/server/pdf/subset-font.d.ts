/** subset-font ships no types; this is the one call we make (its README's signature). */
declare module 'subset-font' {
	export default function subsetFont(
		font: Buffer | Uint8Array,
		text: string,
		options?: { targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2' }
	): Promise<Buffer>;
}
