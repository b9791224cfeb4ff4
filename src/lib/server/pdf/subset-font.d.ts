/** subset-font ships no types; this is the one call we make, with the options we pass (its README's signature). */
declare module 'subset-font' {
	export default function subsetFont(
		font: Buffer | Uint8Array,
		text: string,
		options?: {
			targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
			/** OpenType layout features to keep (four-letter tags); [] keeps none. */
			keepFeatures?: string[];
		}
	): Promise<Buffer>;
}
