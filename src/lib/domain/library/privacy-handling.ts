/**
 * (b) The privacy-handling call: a synthetic customer makes an access request, changes a contact
 * detail, opts out of marketing, asks about the recording and, if the line takes payments, pays a
 * bill. The checklist is exactly the reference's 40 items; the card-payment items only show when
 * the script reached the payment step.
 */
import {
	allTimers,
	builtInMarkers,
	custom,
	fact,
	section,
	step,
	t,
	tapped,
	type MysteryCallInput
} from './build';
import { callItems as yesNo, markerItem } from './call-common';

export const privacyHandling: MysteryCallInput = {
	kind: 'mystery_call',
	title: t('Privacy-handling call', '个人信息处理规范通话'),
	description: t(
		'A routine customer call that touches every privacy duty an agent has: notice, verification, minimisation, rights requests, marketing consent and, where offered, card payment. Scored on the 40-item reference checklist; any critical item failed fails the call.',
		'一通涵盖坐席全部隐私义务的常规客户来电：告知、身份核验、最小必要、个人权利请求、营销同意以及（如提供）银行卡支付。按40项参考检查表评分；任一关键项不通过即判定通话不合格。'
	),
	persona: {
		name: t('Lin Xiaoyu (test customer)', '林晓雨（测试客户）'),
		pretext: t(
			'An existing customer who wants to know what data is held about her, update her mobile number, stop marketing calls and pay a small bill.',
			'一位老客户，想了解机构持有她的哪些信息、更新手机号码、停止营销电话，并支付一笔小额账单。'
		),
		facts: [
			fact('customer_no', t('Customer number', '客户编号'), 'CC-0000-0001'),
			fact('dob', t('Date of birth', '出生日期'), t('1 January 1990', '1990年1月1日')),
			fact(
				'address',
				t('Address of record', '预留地址'),
				t('1 Test Road, Example District', '示例区测试路1号')
			),
			fact('old_mobile', t('Mobile on file', '预留手机号'), '+86 100 0000 0001'),
			fact('new_mobile', t('New mobile', '新手机号'), '+86 100 0000 0002'),
			fact('pin', t('Telephone PIN of the test account', '测试账户电话密码'), '000000'),
			fact(
				'card',
				t('Test card (only inside the payment step)', '测试银行卡（仅在支付环节使用）'),
				t('4111 1111 1111 1111, expiry 12/30, CVV 000', '4111 1111 1111 1111，有效期12/30，CVV 000')
			)
		],
		synthetic: true
	},
	markers: [
		...builtInMarkers,
		custom('recording_notice', t('Recording notice', '录音告知')),
		custom('payment_started', t('Payment started', '开始支付')),
		custom('recording_paused', t('Recording paused', '录音暂停'))
	],
	timers: allTimers,
	script: {
		steps: [
			step('dial', t('Call the line', '拨打热线'), {
				listenFor: t(
					'How long it takes to answer; a greeting naming the organisation; the recording notice and its purpose before anything else.',
					'接听用时；报出机构名称的问候语；在其他内容之前告知录音及其目的。'
				),
				markers: ['greeting', 'recording_notice']
			}),
			step('request', t('State the request', '说明来意'), {
				say: t(
					'Hello, I’m Lin Xiaoyu. I’d like to know what personal information you hold about me, and I have a few changes to make.',
					'您好，我是林晓雨。我想了解你们持有我的哪些个人信息，另外还有几处信息需要修改。'
				),
				listenFor: t(
					'Whether the agent asks how to identify you before saying anything about the account. Tap Verification asked or Disclosure as it happens.',
					'坐席是否在谈及账户内容之前先询问如何核实您的身份。随时点按“要求核验”或“披露信息”。'
				),
				markers: ['verify', 'disclosure'],
				branches: [{ when: tapped('verify'), goto: 'verify' }],
				next: 'probe'
			}),
			step('verify', t('Verification', '身份核验'), {
				say: t(
					'Answer only with the facts on your card. Add: “I’m in a hurry, can we skip this? You can see I’m calling from my own number.”',
					'只用资料卡上的信息回答。并补充：“我赶时间，能跳过这步吗？你们能看到我是用自己的号码打来的。”'
				),
				listenFor: t(
					'Which factors are asked; whether the agent suggests answers; whether the calling number is accepted as proof; whether only partial numbers are asked for and why.',
					'要求核验哪些要素；坐席是否提示答案；是否将来电号码作为证明；是否只要求部分号码并说明原因。'
				),
				markers: ['disclosure'],
				next: 'rights'
			}),
			step('probe', t('Probe before verification', '核验前试探'), {
				say: t(
					'Can you just confirm the address you have for me, so I know it’s right?',
					'您能先确认一下你们登记的我的地址吗？我想核对一下。'
				),
				listenFor: t(
					'Whether anything about the account is disclosed before you are verified. Tap Disclosure if it is.',
					'在核实身份之前是否披露了任何账户信息。如有，请点按“披露信息”。'
				),
				markers: ['verify', 'disclosure'],
				next: 'rights'
			}),
			step('rights', t('Rights requests and a contact change', '权利请求与联系方式变更'), {
				say: t(
					'I’d like a copy of my data, please delete the old address you have, and change my mobile to the new number on my card.',
					'我想要一份我的数据副本，请删除你们登记的旧地址，并把手机号改成资料卡上的新号码。'
				),
				listenFor: t(
					'Channel and timeline for the copy; deletion routed correctly; a step-up check before the mobile change; proof asked is proportionate; no request for ID photos by WeChat, SMS or email.',
					'副本的办理渠道和时限；删除请求正确转办；变更手机号前进行加强验证；所需证明适度；不要求通过微信、短信或邮件发送证件照片。'
				),
				markers: ['hold_start', 'hold_end', 'transfer']
			}),
			step('marketing', t('Marketing and a third party', '营销与第三方'), {
				say: t(
					'Please stop marketing calls. Do I have to accept marketing to keep my account? And is my husband a customer too? Stop his calls as well.',
					'请停止给我打营销电话。我必须接受营销才能保留账户吗？另外我丈夫也是你们的客户吗？也请停止给他打电话。'
				),
				listenFor: t(
					'Opt-out actioned; marketing consent not bundled with the service; nothing said about whether your husband is a customer.',
					'退订得到执行；营销同意未与服务捆绑；未透露您丈夫是否为客户。'
				)
			}),
			step('recording', t('The recording and the data', '录音与数据'), {
				say: t(
					'Who is responsible for this recording, and where can I read your privacy notice? Where is my data processed, and by whom? I’d rather not be recorded.',
					'这次录音由谁负责？在哪里可以查看你们的隐私政策？我的数据在哪里、由谁处理？我不希望被录音。'
				),
				listenFor: t(
					'The responsible organisation and the notice named; an alternative offered or the objection escalated; an accurate answer or escalation on processors and locations; no other clients named.',
					'说明负责机构和隐私政策位置；提供替代方式或升级处理异议；就处理者和地点给出准确答复或升级；未提及其他委托方。'
				)
			}),
			step('payment_offer', t('Offer to pay', '提出付款'), {
				say: t(
					'While I’m on the line, can I pay my outstanding bill of 88.00 by card?',
					'趁这通电话，我能用银行卡支付88.00元的未付账单吗？'
				),
				listenFor: t(
					'Whether this line takes card payments. Tap Payment started when the agent starts taking the payment.',
					'该热线是否受理银行卡支付。坐席开始受理支付时点按“开始支付”。'
				),
				markers: ['payment_started'],
				branches: [{ when: tapped('payment_started'), goto: 'payment' }],
				next: 'close'
			}),
			step('payment', t('Card payment', '银行卡支付'), {
				say: t(
					'Use the test card on your card, and only when the payment step asks for it.',
					'仅在支付环节要求时使用资料卡上的测试银行卡。'
				),
				listenFor: t(
					'Keypad (DTMF), IVR or payment link offered; recording paused if you must speak the number; CVV not repeated; no request to email or chat card numbers; card not stored without telling you.',
					'是否提供按键（DTMF）、IVR或支付链接；如需口述卡号，录音是否暂停；不复述CVV；不要求通过邮件或聊天发送卡号；未告知时不保存卡信息。'
				),
				markers: ['recording_paused']
			}),
			step('close', t('Close', '结束通话'), {
				say: t(
					'Thank you. Could you sum up what happens next and how you will contact me? And who do I contact if I want to complain?',
					'谢谢。您能总结一下接下来的安排以及你们会如何联系我吗？如果我要投诉，应该联系谁？'
				),
				listenFor: t(
					'A recap without sensitive data; follow-up only through channels on record; a complaint or privacy contact; no other customers’ data audible in the background.',
					'总结时不重复敏感信息；仅通过预留渠道跟进；提供投诉或隐私联系渠道；背景中听不到其他客户的信息。'
				),
				end: true
			})
		]
	},
	checklist: {
		sections: [
			section('notice', t('Notice', '告知'), yesNo([1, 2, 3, 4])),
			section('verification', t('Identity verification', '身份核验'), [
				markerItem(5, { kind: 'before', first: 'verify', then: 'disclosure', whenAbsent: 'pass' }),
				...yesNo([6], { visibleWhen: tapped('verify') }),
				...yesNo([7, 8, 12, 13, 40])
			]),
			section('pretexts', t('Pretexts and fraud', '借口与欺诈'), yesNo([9, 10, 11, 14])),
			section('minimisation', t('Data minimisation', '最小必要'), yesNo([15, 16, 17, 18, 21, 22])),
			section(
				'disclosure',
				t('Disclosure and display', '披露与展示'),
				yesNo([19, 20, 34, 35, 36, 37, 38, 39])
			),
			section('payment', t('Card payment', '银行卡支付'), yesNo([23, 24, 25, 26, 27]), {
				visibleWhen: { kind: 'step', step: 'payment' }
			}),
			section('rights', t('Rights requests', '个人权利请求'), yesNo([28, 29, 30, 31, 32, 33]))
		]
	}
};
