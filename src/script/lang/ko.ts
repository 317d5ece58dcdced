/**
 * Korean templates (polite 해요체). Particles that depend on the last sound of a word (을/를,
 * 이/가, 은/는, 으로/로) never follow the product name or the price: the name stands alone or
 * before 입니다/의/에, which fit any word.
 */
import { simplePack, productLine } from './simple.ts';
import { COMMON_JUNK } from './junk.ts';

const NUM = ['영', '한', '두', '세', '네', '다섯', '여섯', '일곱', '여덟', '아홉', '열'];
const CURRENCY: Record<string, string> = { USD: '달러', EUR: '유로', KRW: '원', JPY: '엔', CNY: '위안', GBP: '파운드' };

export const ko = simplePack({
  code: 'ko',
  locale: 'ko-KR',
  fallbackName: '이 제품',
  maxPointWords: 16,
  numberWords: NUM,
  ordinal: (n) => (n === 1 ? '첫' : (NUM[n] ?? String(n))),
  list: (items) => items.join(', '),
  connectors: {
    first: ['', '먼저, ', '우선, '],
    middle: ['또한, ', '게다가, ', '', '그리고, ', '여기에, '],
    last: ['마지막으로, ', '무엇보다, ', '그리고 마지막으로, '],
  },
  spec: (k, v) => `${k}: ${v}`,
  box: ['구성품: {value}.'],
  includedRe: /^(.+?)\s+(?:포함|기본 제공)$/,
  included: ['{c}{value} 포함.'],
  spotlight: ['다시 한번 말씀드려요. {bare}.', '잊지 마세요. {bare}.', '기억하세요. {bare}.'],
  recapLines: ['정리하면, {list}.', '한마디로, {list}.'],
  generic: {
    opens: ['잘 들어 보세요.', '바로 시작할게요.', '핵심만 알려 드릴게요.'],
    mids: [productLine('가까이서 보세요.'), productLine('이번엔 다른 각도에서요.', 2), productLine('한 번 더 볼까요?', 3), productLine('멋지죠?'), productLine('여기를 보세요.'), productLine('디테일도 확인해 보세요.', 2)],
    closes: ['이름을 기억하세요. {bare_name}.', '제 말만 믿지 마세요. 직접 확인해 보세요.', '한마디로, 이게 바로 {name}입니다.', '이제 당신 차례예요.', '한번 확인해 볼 만해요.'],
    ctaExtras: [{ t: '자세한 정보는 링크에서 확인하세요.', scene: 'cta' }],
  },
  structures: {
    'hook-benefits-cta': {
      title: '훅 → 장점 → 행동 유도',
      hooks: ['잠깐만요, 이건 꼭 보셔야 해요.', '스크롤은 잠시 멈춰 주세요.', '좋은 거 하나 보여 드릴게요.', '이건 한번 볼 만해요.'],
      intros: ['바로 {name}입니다.', '만나 보세요. {name}입니다.', { t: '{brand}의 {name}입니다.', prefer: true }],
      opens: ['왜 특별한지 알려 드릴게요.', '그 이유를 보여 드릴게요.'],
      mids: [productLine('가까이서 보세요.'), productLine('이번엔 다른 각도에서요.', 2)],
      closes: ['이게 바로 {name}입니다.', '직접 확인해 보세요.'],
      ctas: ['링크를 누르고 지금 주문하세요.', '자세한 내용은 아래 링크에 있어요.'],
      ctaExtras: [{ t: '자세한 정보는 링크에서 확인하세요.', scene: 'cta' }],
      recap: true,
    },
    'problem-solution': {
      title: '문제 → 해결',
      hooks: [
        { t: '기대에 못 미치는 제품에 지치셨나요?', next: ['해결책이 있어요.'] },
        { t: '더 좋은 선택이 있다면 어떨까요?', next: ['좋은 소식, 있어요.'] },
        { t: '아직도 적당히 타협하고 계신가요?', next: ['이제 그럴 필요 없어요.'] },
      ],
      intros: ['그래서 준비했어요. {name}입니다.', '만나 보세요. {name}입니다.'],
      opens: ['어떻게 가능한지 보여 드릴게요.'],
      mids: [productLine('가까이서 보세요.')],
      closes: ['문제 해결.', '이렇게 간단해요.'],
      ctas: ['지금 바꿔 보세요. 링크를 누르세요.', '{name}, 지금 경험해 보세요. 링크는 아래에 있어요.'],
      ctaExtras: [{ t: '자세한 정보는 링크에서 확인하세요.', scene: 'cta' }],
      recap: true,
    },
    demo: {
      title: '빠른 둘러보기',
      hooks: ['{name}, 가까이서 살펴볼게요.', '{name} 빠르게 둘러보기, 시작합니다.', '{name}에 대해 알아야 할 모든 것.'],
      opens: ['가장 좋은 점부터 볼게요.', '하나씩 살펴볼게요.'],
      labels: {
        first: ['먼저, ', '우선, '],
        middle: ['다음으로, ', '또한, ', '그리고, ', '게다가, '],
        last: ['마지막으로, ', '그리고 마지막으로, '],
      },
      mids: [productLine('이 디테일 좀 보세요.'), productLine('보이시죠?')],
      closes: ['{name}, 처음부터 끝까지 살펴봤어요.', '꽤 괜찮죠?'],
      ctas: ['마음에 드셨나요? 링크를 누르세요.', '더 알고 싶다면 아래 링크를 확인하세요.'],
      ctaExtras: [{ t: '나머지는 상품 페이지에 있어요.', scene: 'cta' }],
      recap: true,
    },
    'offer-value': {
      title: '가치와 혜택',
      hooks: [{ t: '가격은 {price}. 그 가치를 보여 드릴게요.', prefer: true }, '가성비 이야기를 해 볼게요.', '{name}, 살 만할까요? 보여 드릴게요.'],
      intros: ['바로 {name}입니다.', { t: '{brand}의 {name}입니다.', prefer: true }],
      opens: ['사실만 말씀드릴게요.'],
      keyLines: [{ t: '이 모든 게 {price}.', scene: 'product' }, { t: '가격은요? {price}.', scene: 'product', unlessHookHas: 'price' }],
      mids: [productLine('가까이서 보세요.')],
      closes: ['모두 합치면, 바로 {name}입니다.'],
      ctas: [{ t: '링크를 누르고 {price}에 만나 보세요.', prefer: true }, '링크를 누르고 지금 주문하세요.'],
      ctaExtras: [{ t: '자세한 정보는 링크에서 확인하세요.', scene: 'cta' }],
      recap: true,
    },
    listicle: {
      title: '선택하는 이유',
      hooks: ['{name}, 선택해야 할 {n} 가지 이유.', '{name}, 사랑할 수밖에 없는 {n} 가지 이유.'],
      labels: { first: ['{k} 번째, '], middle: ['{k} 번째, '], last: ['그리고 {k} 번째, '] },
      alignedLabels: true,
      opens: ['바로 시작할게요.'],
      mids: [productLine('가까이서 보세요.'), productLine('이번엔 다른 각도에서요.', 2)],
      closes: ['여기까지입니다.', '가장 마음에 드는 이유는 무엇인가요?'],
      ctas: ['링크를 누르고 직접 확인해 보세요.', '링크는 아래에 있어요.'],
      ctaExtras: [{ t: '자세한 정보는 링크에서 확인하세요.', scene: 'cta' }],
      minPoints: 3,
    },
  },
  junk: [
    ...COMMON_JUNK,/(배송|무료배송|반품|교환|환불|쿠폰|할인|세일|특가|한정|장바구니|구매하기|리뷰|후기|별점|평점|베스트셀러|고객센터)/],
  claims: [/(리뷰|후기|별점|평점|베스트셀러|판매 ?1위|\d위|할인|세일|특가|무료 ?배송|한정|보증|넘버원)/],
  labelKeys: ['참고', '팁', '중요', '신제품', '특징', '장점', '상세', '설명'],
  boxKeys: ['구성품', '구성', '패키지 구성', '포함 내용'],
  currencies: CURRENCY,
  pricePhrase: (amount, _v, currency) => (CURRENCY[currency] ? `${amount}${CURRENCY[currency]}` : undefined),
  shopNow: '지금 구매',
  speakable: (t) => t.replace(/\s&\s/g, ' 그리고 ').replace(/(\d)\s?[x×]\s?(?=\d)/g, '$1 곱하기 '),
});
