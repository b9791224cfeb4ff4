/** Organisations and sites carry an English and a Chinese name; this picks the reader's one. */
export interface Named {
	name: string;
	name_zh?: string | null;
	nameZh?: string | null;
}

/** The Chinese name for a zh reader when there is one, otherwise the English name. */
export function localName(item: Named | null | undefined, locale: string): string {
	if (!item) return '';
	const zh = item.name_zh ?? item.nameZh;
	return locale.startsWith('zh') && zh ? zh : item.name;
}

/** A BCP 47 language tag as a name in the reader's locale (`zh` → "Chinese" / "中文"). */
export function languageName(tag: string, locale: string): string {
	try {
		return new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag;
	} catch {
		return tag;
	}
}

/** An ISO 3166 country code as a name in the reader's locale. */
export function countryName(code: string | null | undefined, locale: string): string {
	if (!code) return '';
	try {
		return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
	} catch {
		return code;
	}
}
