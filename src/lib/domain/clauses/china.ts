import type { ClauseRow } from './types';

const V = true;

/** PIPL articles, the 2025 audit Measures, GB/T 35273-2020 and JR/T 0171-2020. */
export const chinaClauses: readonly ClauseRow[] = [
	['pipl', 'P5', 'Lawful, legitimate, necessary, good faith', '合法、正当、必要和诚信原则'],
	['pipl', 'P6', 'Clear purpose and minimum scope', '目的明确、最小范围'],
	['pipl', 'P10', 'No illegal handling or provision of PI', '不得非法处理或提供个人信息', V],
	['pipl', 'P13', 'Consent or another lawful basis', '取得同意或其他合法性基础'],
	['pipl', 'P14', 'Informed, voluntary, explicit consent', '知情、自愿、明确的同意'],
	['pipl', 'P15', 'Withdrawal of consent', '撤回同意', V],
	[
		'pipl',
		'P16',
		'No refusing service over non-necessary processing',
		'不得因拒绝非必要处理而拒绝服务',
		V
	],
	['pipl', 'P17', 'Notice before processing', '处理前告知'],
	['pipl', 'P19', 'Shortest retention necessary', '保存期限为实现目的所必要的最短时间'],
	['pipl', 'P21', 'Entrusted processing', '委托处理'],
	['pipl', 'P28', 'Sensitive PI', '敏感个人信息'],
	['pipl', 'P29', 'Separate consent for sensitive PI', '处理敏感个人信息取得单独同意', V],
	[
		'pipl',
		'P30',
		'Notice of necessity and impact for sensitive PI',
		'告知处理敏感个人信息的必要性和影响',
		V
	],
	['pipl', 'P38', 'Cross-border transfer mechanism', '向境外提供个人信息的条件'],
	['pipl', 'P39', 'Cross-border notice and separate consent', '跨境提供的告知和单独同意'],
	[
		'pipl',
		'P40',
		'Localisation for CIIOs and high-volume processors',
		'关键信息基础设施运营者等境内存储'
	],
	['pipl', 'P44', 'Right to know and decide', '知情权和决定权', V],
	['pipl', 'P45', 'Right of access and copy', '查阅、复制权', V],
	['pipl', 'P46', 'Right to correction', '更正、补充权', V],
	['pipl', 'P47', 'Right to deletion', '删除权', V],
	['pipl', 'P48', 'Explanation of processing rules', '要求解释说明处理规则', V],
	[
		'pipl',
		'P49',
		"Next of kin's rights over a deceased person's PI",
		'近亲属对死者个人信息的权利',
		V
	],
	['pipl', 'P50', 'Rights-request handling mechanism', '个人行使权利的申请受理和处理机制', V],
	['pipl', 'P51', 'Security measures', '安全保护措施'],
	['pipl', 'P51(3)', 'Encryption and de-identification', '加密、去标识化等安全技术措施'],
	['pipl', 'P51(4)', 'Access permissions and regular training', '合理确定操作权限并定期培训'],
	['pipl', 'P52', 'PI protection officer and contact', '个人信息保护负责人'],
	['pipl', 'P54', 'Regular compliance audits', '定期合规审计'],
	['pipl', 'P55', 'PI protection impact assessment', '个人信息保护影响评估'],
	['pipl', 'P55(3)', 'Impact assessment before entrusting', '委托处理前的影响评估'],
	['pipl', 'P56', 'Impact assessment content, kept ≥3 years', '影响评估内容，记录至少保存三年'],
	['pipl', 'P57', 'Incident remediation and notification', '安全事件的补救和通知'],
	['pipl', 'P59', 'Duties of the entrusted party', '受托人的安全保障义务'],
	['pipl', 'P64', 'Regulator-ordered audits', '监管要求的合规审计'],
	['cac_audit', 'Measures', 'PI protection compliance audit duty', '个人信息保护合规审计义务'],
	['gbt35273', 'GB 5.2', 'Minimum necessary', '最小必要'],
	['gbt35273', 'GB 5.4', 'Consent', '征得授权同意'],
	['gbt35273', 'GB 5.5', 'Privacy policy', '个人信息保护政策'],
	['gbt35273', 'GB 6.1', 'Minimal retention', '个人信息存储时间最小化'],
	['gbt35273', 'GB 6.3', 'Sensitive PI transmission and storage', '个人敏感信息的传输和存储'],
	['gbt35273', 'GB 7.1', 'Access control', '个人信息访问控制措施'],
	['gbt35273', 'GB 7.2', 'Display restrictions (de-identify PI shown)', '个人信息的展示限制'],
	['gbt35273', 'GB 8', 'Data subject rights', '个人信息主体的权利'],
	['gbt35273', 'GB 9.1', 'Entrusted processing', '委托处理'],
	['gbt35273', 'GB 9.7', 'Third-party access', '第三方接入管理'],
	['gbt35273', 'GB 10', 'Security incidents', '个人信息安全事件处置'],
	['gbt35273', 'GB 11.3', 'Records of processing', '记录个人信息处理活动'],
	['gbt35273', 'GB B', 'Annex B: identifying sensitive PI', '附录B：个人敏感信息判定', V],
	['jrt0171', 'JR A', 'Annex A: information masking', '附录A：信息屏蔽'],
	['jrt0171', 'JR C3', 'C3 authentication information', 'C3类别：用户鉴别信息', V]
];
