export type FrameworkId =
	| 'pipl'
	| 'cac_audit'
	| 'gbt35273'
	| 'jrt0171'
	| 'gdpr'
	| 'wp29'
	| 'cnil'
	| 'pci'
	| 'iso27001'
	| 'iso27701'
	| 'cpni'
	| 'nist'
	| 'hmrc';

export interface LocalizedTitle {
	en: string;
	'zh-CN': string;
}

/** [framework, code, English title, Chinese title, to verify (†)]: compact because the list is long. */
export type ClauseRow = readonly [FrameworkId, string, string, string, true?];
