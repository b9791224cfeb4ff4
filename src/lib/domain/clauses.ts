/**
 * The clause catalogue: every clause code that checklist items may be tagged with.
 *
 * Source: docs/regulations-and-checklists.md. It holds the codes used in the "Maps to" columns of the
 * mystery-call and vendor-audit checklists and the clause references in the framework sections. Ranges
 * in the doc ("P44–P50", "A5.24–5.26", "G44–46") and slashes ("PCI 3.3.1/3.3.1.2") are expanded into
 * single codes, because an item is tagged with exact clauses and per-clause results count each one.
 * A † in the doc (mapping not re-read in the primary text) becomes `toVerify: true`, which the
 * designer shows as "to verify". Codes are written as the checklists print them: `P13`, `G13(1)(c)`,
 * `GB 7.2`, `JR A`, `PCI 3.3.1`, `A 5.34`, `27701 7.2.6`, `CPNI(b)`, `800-63A`, `CNIL`.
 */
import { chinaClauses } from './clauses/china';
import { europeClauses } from './clauses/europe';
import { standardsClauses } from './clauses/standards';
import type { ClauseRow, FrameworkId, LocalizedTitle } from './clauses/types';

export type { FrameworkId, LocalizedTitle } from './clauses/types';

export interface Clause {
	code: string;
	framework: FrameworkId;
	title: LocalizedTitle;
	/** The mapping was not re-read in the primary text (a † in the reference doc). */
	toVerify: boolean;
}

export const frameworks: Record<FrameworkId, LocalizedTitle> = {
	pipl: { en: 'PIPL (China)', 'zh-CN': '个人信息保护法' },
	cac_audit: {
		en: 'PI Protection Compliance Audit Measures (2025)',
		'zh-CN': '个人信息保护合规审计管理办法'
	},
	gbt35273: { en: 'GB/T 35273-2020', 'zh-CN': 'GB/T 35273-2020 个人信息安全规范' },
	jrt0171: { en: 'JR/T 0171-2020', 'zh-CN': 'JR/T 0171-2020 个人金融信息保护技术规范' },
	gdpr: { en: 'GDPR', 'zh-CN': '通用数据保护条例（GDPR）' },
	wp29: { en: 'Article 29 Working Party', 'zh-CN': '第29条工作组' },
	cnil: { en: 'CNIL guidance', 'zh-CN': 'CNIL 指引' },
	pci: { en: 'PCI DSS v4.0.1', 'zh-CN': 'PCI DSS v4.0.1' },
	iso27001: { en: 'ISO/IEC 27001:2022 Annex A', 'zh-CN': 'ISO/IEC 27001:2022 附录A' },
	iso27701: { en: 'ISO/IEC 27701', 'zh-CN': 'ISO/IEC 27701' },
	cpni: { en: 'FCC CPNI, 47 CFR 64.2010', 'zh-CN': 'FCC CPNI，47 CFR 64.2010' },
	nist: { en: 'NIST SP 800-63A / 800-115', 'zh-CN': 'NIST SP 800-63A / 800-115' },
	hmrc: { en: 'HMRC manuals', 'zh-CN': 'HMRC 操作手册' }
};

function expand(rows: readonly ClauseRow[]): Clause[] {
	return rows.map(([framework, code, en, zh, toVerify]) => ({
		code,
		framework,
		title: { en, 'zh-CN': zh },
		toVerify: toVerify === true
	}));
}

/** All clauses, in catalogue order (China, Europe, then standards and US rules). */
export const clauses: readonly Clause[] = Object.freeze([
	...expand(chinaClauses),
	...expand(europeClauses),
	...expand(standardsClauses)
]);

const byCode = new Map(clauses.map((c) => [c.code, c]));

/** The catalogue entry for an exact clause code, or undefined when the code is not catalogued. */
export function findClause(code: string): Clause | undefined {
	return byCode.get(code);
}

/** Whether a code is in the catalogue (codes are case- and space-sensitive, as printed). */
export function isClauseCode(code: string): boolean {
	return byCode.has(code);
}

/**
 * The enclosing article of a sub-clause written with parentheses (`G13(1)(c)` → `G13`,
 * `CPNI(b)` → `CPNI`), so reports can roll sub-clauses up; undefined for a top-level code.
 */
export function clauseParent(code: string): string | undefined {
	const open = code.indexOf('(');
	return open > 0 ? code.slice(0, open) : undefined;
}

/**
 * Clauses whose code starts with, or whose title in either language contains, the query
 * (case-insensitive), for the designer's clause picker. An empty query returns everything.
 */
export function searchClauses(query: string): Clause[] {
	const q = query.trim().toLowerCase();
	if (!q) return [...clauses];
	const compact = (s: string) => s.toLowerCase().replace(/\s+/g, '');
	return clauses.filter(
		(c) =>
			compact(c.code).startsWith(compact(q)) ||
			c.title.en.toLowerCase().includes(q) ||
			c.title['zh-CN'].includes(q) ||
			frameworks[c.framework].en.toLowerCase().includes(q)
	);
}
