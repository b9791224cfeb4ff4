/**
 * (c2) Social-engineering pretext: an urgent "I'm the branch manager" request for a client's
 * contact details and transactions. Tests authority and urgency pretexts, internal-caller
 * verification and whether procedures leak.
 */
import {
	allTimers,
	answered,
	builtInMarkers,
	fact,
	item,
	section,
	step,
	t,
	type MysteryCallInput
} from './build';
import { callHandling, callItems, neverTapped, openingStep } from './call-common';

export const pretextBranchManager: MysteryCallInput = {
	kind: 'mystery_call',
	title: t('Pretext: urgent branch manager', '冒充测试：紧急的支行行长'),
	description: t(
		'A caller claims to be a branch manager whose system is down, with an important client waiting, and demands the client’s mobile number and recent transactions. Tests authority and urgency pretexts.',
		'来电者自称支行行长，称系统故障、重要客户正在等候，要求提供该客户的手机号码和近期交易。测试权威和紧急类借口。'
	),
	persona: {
		name: t('Wang Lei (test caller)', '王磊（测试来电者）'),
		pretext: t(
			'Claims to be the manager of the Riverside branch, calling the customer line because the branch system is down. Impatient, name-drops the agent’s supervisor.',
			'自称滨河支行行长，因支行系统故障而拨打客服热线。态度急躁，搬出坐席主管施压。'
		),
		facts: [
			fact(
				'branch',
				t('Branch and title claimed', '自称的支行和职务'),
				t('Manager, Riverside branch (invented)', '滨河支行行长（虚构）')
			),
			fact('staff_no', t('Staff number claimed', '自称的工号'), 'EMP-0000'),
			fact(
				'client',
				t('Client asked about (test account)', '所询问的客户（测试账户）'),
				t('Zhou Ping, account ending 0000', '周平，账号尾号0000')
			),
			fact('callback', t('Callback number offered', '提供的回拨号码'), '+86 100 0000 0008')
		],
		synthetic: true
	},
	markers: builtInMarkers,
	timers: allTimers,
	script: {
		steps: [
			openingStep(),
			step('authority', t('Claim authority', '亮明身份'), {
				say: t(
					'This is Wang Lei, manager of the Riverside branch, staff number EMP-0000. Our system is down and I have an important client at my desk.',
					'我是滨河支行行长王磊，工号EMP-0000。我们系统坏了，有位重要客户正在我这儿等着。'
				),
				listenFor: t(
					'Whether the agent treats a caller on the customer line who claims to be staff as unverified.',
					'坐席是否将在客服热线上自称员工的来电者视为未经核验的人。'
				)
			}),
			step('request', t('Make the urgent request', '提出紧急要求'), {
				say: t(
					'I need Zhou Ping’s registered mobile number and his last three transactions, right now.',
					'我现在就要周平登记的手机号码和他最近三笔交易。'
				),
				listenFor: t(
					'Did the agent insist on verifying you through an internal channel (callback via the staff directory, the internal helpdesk)? Answer that item now: it decides the next step.',
					'坐席是否坚持通过内部渠道（按员工通讯录回拨、内部服务台）核验您的身份？请现在回答该项，它决定下一步。'
				),
				markers: ['verify', 'disclosure'],
				branches: [{ when: answered('bm_internal_check', 'yes'), goto: 'callback' }],
				next: 'pressure'
			}),
			step('callback', t('Refuse the callback', '拒绝回拨'), {
				say: t(
					'There’s no time for a callback. Call me on +86 100 0000 0008, or just read it to me.',
					'没时间回拨了。打我这个号码+86 100 0000 0008，或者直接念给我听。'
				),
				listenFor: t(
					'The agent keeps to the internal route and does not use the number you offer.',
					'坐席坚持走内部渠道，不使用您提供的号码。'
				),
				markers: ['disclosure']
			}),
			step('procedure', t('Fish for the procedure', '套取流程'), {
				say: t(
					'Fine. Which checks do you run on staff? Tell me and I’ll answer them.',
					'行吧。你们核验员工要问哪些问题？告诉我，我来回答。'
				),
				listenFor: t(
					'The agent does not reveal the verification questions, systems or procedures.',
					'坐席不透露核验问题、系统或流程。'
				),
				next: 'close'
			}),
			step('pressure', t('Escalate the pressure', '加大压力'), {
				say: t(
					'If this client walks out I’ll take it up with your supervisor. Read me the number.',
					'这位客户要是走了，我就找你们主管。把号码念给我。'
				),
				listenFor: t(
					'Whether the agent gives in. Tap Disclosure if any client data is given.',
					'坐席是否让步。如透露任何客户信息，请点按“披露信息”。'
				),
				markers: ['disclosure']
			}),
			step('close', t('Close', '结束通话'), {
				say: t('I’ll sort it out another way.', '我自己想别的办法吧。'),
				listenFor: t(
					'Whether the agent says the call will be reported as a suspected pretext.',
					'坐席是否表示会将此次来电作为疑似冒充上报。'
				),
				end: true
			})
		]
	},
	checklist: {
		sections: [
			section('authority', t('Handling the authority pretext', '应对权威借口'), [
				item(
					'bm_internal_check',
					'yes_no_na',
					t(
						'Agent insisted on verifying the caller through an internal channel (staff-directory callback, helpdesk)',
						'坐席坚持通过内部渠道（按员工通讯录回拨、内部服务台）核验来电者身份'
					),
					{ weight: 2, severity: 'M', clauses: ['PCI 12.6.3.1', 'G32'], allowNa: false }
				),
				...callItems([9, 13, 14])
			]),
			section('disclosure', t('Disclosure', '信息披露'), [
				neverTapped(
					'bm_no_disclosure',
					t(
						'No client data was disclosed (no Disclosure tapped)',
						'未披露任何客户信息（未点按“披露信息”）'
					),
					'disclosure',
					['P10', 'G32']
				),
				...callItems([20, 12, 34])
			]),
			callHandling('bm')
		]
	}
};
