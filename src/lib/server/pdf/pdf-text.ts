/**
 * Reads a PDF back with pdfjs-dist (Mozilla's parser, as a viewer would): page count and the text of
 * each page, joined so a test can search it as a reader's "find" would. For tests and tools only.
 */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
	const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
	const pages: string[] = [];
	for (let n = 1; n <= doc.numPages; n++) {
		const content = await (await doc.getPage(n)).getTextContent();
		pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
	}
	await doc.destroy();
	return pages;
}
