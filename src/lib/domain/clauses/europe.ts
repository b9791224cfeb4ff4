import type { ClauseRow } from './types';

const V = true;

/** GDPR articles and the EU guidance that checklists cite (WP29, CNIL). */
export const europeClauses: readonly ClauseRow[] = [
	['gdpr', 'G5', 'Principles', '个人数据处理原则'],
	['gdpr', 'G5(1)(c)', 'Data minimisation', '数据最小化'],
	['gdpr', 'G5(1)(e)', 'Storage limitation', '存储限制'],
	['gdpr', 'G5(1)(f)', 'Integrity and confidentiality', '完整性和保密性'],
	['gdpr', 'G6', 'Lawfulness of processing', '处理的合法性'],
	['gdpr', 'G7', 'Conditions for consent', '同意的条件', V],
	['gdpr', 'G12', 'Transparent modalities for exercising rights', '透明的信息和行使权利的方式', V],
	['gdpr', 'G12(6)', 'Identity proof only on reasonable doubt', '仅在合理怀疑时要求身份证明', V],
	['gdpr', 'G13', 'Information at collection', '收集时应提供的信息'],
	['gdpr', 'G13(1)(a)', 'Controller identity and contact details', '控制者的身份和联系方式'],
	['gdpr', 'G13(1)(b)', 'Data protection officer contact', '数据保护官的联系方式'],
	['gdpr', 'G13(1)(c)', 'Purposes and legal basis', '处理目的和法律依据'],
	['gdpr', 'G13(1)(e)', 'Recipients', '接收者'],
	['gdpr', 'G13(1)(f)', 'Transfers to third countries', '向第三国转移'],
	['gdpr', 'G15', 'Right of access', '访问权', V],
	['gdpr', 'G16', 'Right to rectification', '更正权', V],
	['gdpr', 'G17', 'Right to erasure', '删除权', V],
	['gdpr', 'G21', 'Right to object', '反对权'],
	['gdpr', 'G21(3)', 'Objection to direct marketing', '反对直接营销', V],
	['gdpr', 'G28(2)', 'Sub-processors only with authorisation', '经授权方可聘用其他处理者'],
	['gdpr', 'G28(3)', 'Processor contract', '处理者合同'],
	['gdpr', 'G28(3)(a)', 'Processing only on documented instructions', '仅按书面指示处理'],
	['gdpr', 'G28(3)(b)', 'Confidentiality of authorised persons', '授权人员的保密义务'],
	['gdpr', 'G28(3)(c)', 'Security measures of Art. 32', '第32条要求的安全措施'],
	['gdpr', 'G28(3)(d)', 'Conditions for engaging sub-processors', '聘用其他处理者的条件'],
	['gdpr', 'G28(3)(e)', 'Assistance with data-subject requests', '协助响应数据主体请求'],
	['gdpr', 'G28(3)(f)', 'Assistance with Arts. 32–36', '协助履行第32至36条义务'],
	['gdpr', 'G28(3)(g)', 'Deletion or return at the end', '服务结束时删除或返还'],
	['gdpr', 'G28(3)(h)', 'Information, audits and inspections', '提供信息并允许审计和检查'],
	['gdpr', 'G28(4)', 'Obligations flowed down to sub-processors', '对其他处理者施加相同义务'],
	['gdpr', 'G29', 'Processing only on instructions', '仅按指示处理'],
	['gdpr', 'G30', 'Records of processing activities', '处理活动记录'],
	['gdpr', 'G30(2)', "Processor's records of processing", '处理者的处理活动记录'],
	['gdpr', 'G32', 'Security of processing', '处理的安全性'],
	['gdpr', 'G33', 'Breach notification (72 hours)', '个人数据泄露通报（72小时）'],
	['gdpr', 'G33(2)', 'Processor notifies controller without undue delay', '处理者及时通知控制者'],
	['gdpr', 'G35', 'Data protection impact assessment', '数据保护影响评估'],
	['gdpr', 'G44', 'General principle for transfers', '数据转移的一般原则'],
	['gdpr', 'G45', 'Transfers on an adequacy decision', '基于充分性认定的转移'],
	['gdpr', 'G46', 'Transfers with appropriate safeguards', '基于适当保障措施的转移'],
	['gdpr', 'G88', 'Processing in the employment context', '雇佣环境中的处理', V],
	[
		'wp29',
		'WP29 2/2017',
		'Opinion 2/2017 on data processing at work',
		'第2/2017号意见：工作场所的数据处理'
	],
	[
		'cnil',
		'CNIL',
		'Recording calls at work: notice, limits, retention',
		'工作场所电话录音：告知、限制和保存期限'
	]
];
