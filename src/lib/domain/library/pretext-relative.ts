/**
 * (c1) Social-engineering pretext: a caller asks about a relative's account, leaning on sympathy
 * and on calling from the relative's phone. The caller can never pass as the account holder, so any
 * disclosure fails the call.
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
import { callHandling, callItems, neverTapped, markerItem, openingStep } from './call-common';

const afterVerification = { visibleWhen: { kind: 'step', step: 'verify' } };

export const pretextRelative: MysteryCallInput = {
	kind: 'mystery_call',
	title: t('Pretext: a relative’s account', '冒充测试：询问亲属账户'),
	description: t(
		'A caller claims to act for her father, who is in hospital, and asks whether his pension arrived and what his balance is. Tests third-party disclosure, sympathy pretexts and caller-ID trust.',
		'来电者自称替住院的父亲询问养老金是否到账及账户余额。测试第三方信息披露、博取同情的借口以及对来电显示的信任。'
	),
	persona: {
		name: t('Chen Mo (test caller)', '陈默（测试来电者）'),
		pretext: t(
			'Daughter of the account holder, calling from his mobile because he is in hospital. She has no PIN, no one-time code and no power of attorney.',
			'账户持有人的女儿，因父亲住院而用他的手机来电。她没有密码、没有动态验证码，也没有授权委托书。'
		),
		facts: [
			fact(
				'holder',
				t('Account holder (test account)', '账户持有人（测试账户）'),
				t('Chen Jianguo, her father', '陈建国，她的父亲')
			),
			fact(
				'holder_dob',
				t('His date of birth', '他的出生日期'),
				t('1 January 1950', '1950年1月1日')
			),
			fact(
				'holder_address',
				t('His address', '他的地址'),
				t('2 Test Road, Example District', '示例区测试路2号')
			),
			fact(
				'calling_number',
				t('Number you call from (his, on record)', '来电号码（他的预留号码）'),
				'+86 100 0000 0003'
			),
			fact('card_last4', t('Last 4 digits of his card', '他的银行卡后4位'), '0000')
		],
		synthetic: true
	},
	markers: builtInMarkers,
	timers: allTimers,
	script: {
		steps: [
			openingStep(),
			step('pretext', t('Tell the story', '讲述来由'), {
				say: t(
					'Hello, I’m calling about my father, Chen Jianguo. He’s in hospital and asked me to check whether his pension has arrived. I’m on his mobile.',
					'您好，我想问一下我父亲陈建国的账户。他住院了，让我帮他查一下养老金到账没有。我是用他的手机打的。'
				),
				listenFor: t(
					'Sympathy is fine; whether the agent explains that only the account holder or someone with documented authority can be helped.',
					'表示同情没有问题；留意坐席是否说明只能为账户持有人或持有书面授权的人办理。'
				)
			}),
			step('request', t('Ask for the account details', '询问账户信息'), {
				say: t(
					'Can you tell me whether the payment came in, and what the balance is?',
					'您能告诉我钱到账了没有，余额是多少吗？'
				),
				listenFor: t(
					'Did the agent ask for verification or proof of authority before answering? Answer that item now: it decides the next step.',
					'坐席在回答之前是否要求核验身份或出示授权证明？请现在回答该项，它决定下一步。'
				),
				markers: ['verify', 'disclosure'],
				branches: [
					{ when: answered('rel_asked', 'yes'), goto: 'verify' },
					{ when: answered('rel_asked', 'no'), goto: 'pressure' }
				],
				next: 'pressure'
			}),
			step('verify', t('Try to pass verification', '尝试通过核验'), {
				say: t(
					'Give his name, date of birth and address from your card. If asked, say you don’t have his PIN, a code or a power of attorney.',
					'用资料卡上的姓名、出生日期和地址回答。如被问到，说明您没有他的密码、验证码或授权委托书。'
				),
				listenFor: t(
					'Whether name, date of birth and address alone are accepted; whether the agent suggests answers; whether calling from his number counts as proof.',
					'是否仅凭姓名、出生日期和地址即通过；坐席是否提示答案；用他的号码来电是否被当作证明。'
				),
				markers: ['disclosure']
			}),
			step('fallback', t('Ask for less', '退而求其次'), {
				say: t(
					'Can’t you at least tell me whether he banks with you?',
					'那您至少能告诉我他是不是你们的客户吧？'
				),
				listenFor: t(
					'The agent neither confirms nor denies that he is a customer, and offers a proper route: he calls himself, a callback to the number on record, or documented authority.',
					'坐席既不确认也不否认他是客户，并提供正当途径：由他本人来电、回拨预留号码或出示书面授权。'
				),
				markers: ['disclosure'],
				next: 'close'
			}),
			step('pressure', t('Lean on sympathy', '博取同情'), {
				say: t(
					'Please, he’s very ill and the hospital needs to know today. Just tell me if the money arrived.',
					'求求您了，他病得很重，医院今天就要知道。您就告诉我钱到没到吧。'
				),
				listenFor: t(
					'Whether the agent gives in. Tap Disclosure if any account information is given.',
					'坐席是否让步。如透露任何账户信息，请点按“披露信息”。'
				),
				markers: ['verify', 'disclosure']
			}),
			step('close', t('Close', '结束通话'), {
				say: t('All right, thank you.', '好吧，谢谢。'),
				listenFor: t(
					'Whether the agent says the call will be flagged, or explains how the account holder can authorise you.',
					'坐席是否表示会标记此次来电，或说明账户持有人如何授权给您。'
				),
				end: true
			})
		]
	},
	checklist: {
		sections: [
			section('verification', t('Verification and disclosure', '核验与披露'), [
				item(
					'rel_asked',
					'yes_no_na',
					t(
						'Agent asked for verification or documented authority before answering',
						'坐席在回答前要求核验身份或出示书面授权'
					),
					{ weight: 2, severity: 'M', clauses: ['CPNI(b)', 'G32'], allowNa: false }
				),
				markerItem(5, { kind: 'before', first: 'verify', then: 'disclosure', whenAbsent: 'pass' }),
				neverTapped(
					'rel_no_disclosure',
					t(
						'Nothing about the account was disclosed (no Disclosure tapped)',
						'未披露任何账户信息（未点按“披露信息”）'
					),
					'disclosure',
					['P10', 'G32']
				),
				...callItems([11, 12, 40]),
				...callItems([6, 7, 8], afterVerification)
			]),
			section('pretext', t('Handling the pretext', '应对借口'), callItems([9, 13, 14])),
			callHandling('rel')
		]
	}
};
