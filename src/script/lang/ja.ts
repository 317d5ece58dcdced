/**
 * Japanese templates, written in kana: the built-in Japanese voice (espeak-ng) reads hiragana and
 * katakana but not kanji (it says "chinese letter" for each), so selling points with kanji are
 * left out and the option says why. Phrases are spaced (wakachigaki) so kana-only text reads
 * easily in the captions. Polite です/ます form.
 */
import { simplePack, productLine } from './simple.ts';
import { COMMON_JUNK } from './junk.ts';

const NUM = ['ゼロ', 'ひとつ', 'ふたつ', 'みっつ', 'よっつ', 'いつつ', 'むっつ', 'ななつ', 'やっつ', 'ここのつ', 'とお'];
const CURRENCY: Record<string, string> = { USD: 'ドル', EUR: 'ユーロ', JPY: 'えん', CNY: 'げん', KRW: 'ウォン', GBP: 'ポンド', INR: 'ルピー' };

export const ja = simplePack({
  code: 'ja',
  locale: 'ja-JP',
  fallbackName: 'この しょうひん',
  stop: '。',
  maxPointWords: 40,
  numberWords: NUM,
  ordinal: (n) => `${NUM[n] ?? n}め`,
  list: (items) => items.join('、'),
  connectors: {
    first: ['', 'まず、', 'さいしょに、'],
    middle: ['さらに、', 'そして、', '', 'それに、', 'しかも、'],
    last: ['そして さいごに、', 'さいごに、', 'なにより、'],
  },
  spec: (k, v) => `${k}は ${v}`,
  box: ['セット ないようは、{value}。'],
  spotlight: ['もう いちど。{bare}。', 'わすれないで ください。{bare}。', 'ポイントは ここ。{bare}。'],
  recapLines: ['まとめると、{list}。', 'ようするに、{list}。'],
  generic: {
    opens: ['よく きいて ください。', 'さっそく いきましょう。', 'ポイントは こちらです。'],
    mids: [productLine('ちかくで みて みましょう。'), productLine('べつの かくどからも どうぞ。', 2), productLine('もう いちど チェック。', 3), productLine('いい かんじでしょう？'), productLine('ここを みて ください。'), productLine('ディテールも チェック。', 2)],
    closes: ['なまえを おぼえて ください。{bare_name}です。', 'ことばより、じぶんの めで たしかめて ください。', 'ひとことで いえば、これが {name}です。', 'つぎは あなたの ばんです。', 'ぜひ チェックして みて ください。'],
    ctaExtras: [{ t: 'くわしい じょうほうは リンクに あります。', scene: 'cta' }],
  },
  structures: {
    'hook-benefits-cta': {
      title: 'フック → メリット → アクション',
      hooks: ['ちょっと まって、これは みて ほしい。', 'スクロールを ちょっと とめて ください。', 'いいもの、みせますね。', 'これは ちゅうもくです。'],
      intros: ['{name}を ごしょうかいします。', 'こちらが {name}です。', { t: '{brand}の {name}を ごしょうかいします。', prefer: true }],
      opens: ['その みりょくを みて いきましょう。', 'なにが すごいのか、みて いきましょう。'],
      mids: [productLine('ちかくで みて みましょう。'), productLine('べつの かくどからも どうぞ。', 2)],
      closes: ['これが {name}です。', 'ぜひ じぶんの めで たしかめて ください。'],
      ctas: ['リンクを タップして、いますぐ チェック。', 'くわしくは したの リンクから。'],
      ctaExtras: [{ t: 'くわしい じょうほうは リンクに あります。', scene: 'cta' }],
      recap: true,
    },
    'problem-solution': {
      title: 'なやみ → かいけつ',
      hooks: [
        { t: 'きたいはずれの しょうひんに うんざり して いませんか？', next: ['かいけつさく、あります。'] },
        { t: 'もっと いいものが あったら、と おもいませんか？', next: ['それ、あります。'] },
        { t: 'まだ まあまあで がまん して いますか？', next: ['もう がまんは いりません。'] },
      ],
      intros: ['そこで {name}の でばんです。', '{name}を ごしょうかいします。'],
      opens: ['その ひみつを みせますね。'],
      mids: [productLine('ちかくで みて みましょう。')],
      closes: ['これで かいけつ。', 'とても かんたんです。'],
      ctas: ['いまこそ のりかえどき。リンクを タップ。', '{name}を ためして みて ください。リンクは したに あります。'],
      ctaExtras: [{ t: 'くわしい じょうほうは リンクに あります。', scene: 'cta' }],
      recap: true,
    },
    demo: {
      title: 'クイックツアー',
      hooks: ['{name}を じっくり みて いきましょう。', '{name}の クイックツアー、スタートです。', '{name}の ポイントを まとめて ごしょうかい。'],
      opens: ['まずは いちばんの ポイントから。', 'ひとつずつ みて いきましょう。'],
      labels: {
        first: ['まず、', 'さいしょに、'],
        middle: ['つぎに、', 'さらに、', 'それから、', 'そして、'],
        last: ['さいごに、', 'そして さいごに、'],
      },
      mids: [productLine('この ディテールに ちゅうもく。'), productLine('みえますか？')],
      closes: ['いじょう、{name}の ごしょうかいでした。', 'なかなか いいでしょう？'],
      ctas: ['きに なったら、リンクを タップ。', 'もっと しりたい かたは、したの リンクへ。'],
      ctaExtras: [{ t: 'のこりは しょうひん ページで どうぞ。', scene: 'cta' }],
      recap: true,
    },
    'offer-value': {
      title: 'かち と ねだん',
      hooks: [{ t: '{price}で なにが てに はいるのか、みて みましょう。', prefer: true }, 'コスパの はなしを しましょう。', '{name}は かう かちが ある？ おみせします。'],
      intros: ['こちらが {name}です。', { t: 'こちらが {brand}の {name}です。', prefer: true }],
      opens: ['じじつを みて いきましょう。'],
      keyLines: [{ t: 'これだけ そろって {price}。', scene: 'product' }, { t: 'そして おねだんは {price}。', scene: 'product', unlessHookHas: 'price' }],
      mids: [productLine('ちかくで みて みましょう。')],
      closes: ['ぜんぶ あわせて、これが {name}です。'],
      ctas: [{ t: 'リンクを タップして、{price}で てに いれよう。', prefer: true }, 'リンクを タップして、いますぐ チェック。'],
      ctaExtras: [{ t: 'くわしい じょうほうは リンクに あります。', scene: 'cta' }],
      recap: true,
    },
    listicle: {
      title: 'えらぶ りゆう',
      hooks: ['{name}を えらぶ {n}の りゆう。', '{name}が すきに なる {n}の りゆうを ごしょうかい。'],
      labels: { first: ['{k}、'], middle: ['{k}、'], last: ['そして {k}、'] },
      alignedLabels: true,
      opens: ['さっそく いきましょう。'],
      mids: [productLine('ちかくで みて みましょう。'), productLine('べつの かくどからも どうぞ。', 2)],
      closes: ['いかがでしたか？', 'あなたの おきにいりは どれですか？'],
      ctas: ['リンクを タップして、たしかめて みて ください。', 'リンクは したに あります。'],
      ctaExtras: [{ t: 'くわしい じょうほうは リンクに あります。', scene: 'cta' }],
      minPoints: 3,
    },
  },
  junk: [
    ...COMMON_JUNK,
    /(送料|そうりょう|配送|はいそう|返品|へんぴん|クーポン|割引|わりびき|セール|限定|げんてい|カート|購入|こうにゅう|レビュー|評価|ひょうか|ランキング|ベストセラー)/,
  ],
  claims: [/(レビュー|ひょうか|評価|ほし\s*\d|星\s*\d|ランキング|ベストセラー|わりびき|割引|セール|そうりょう\s*むりょう|送料無料|げんてい|限定|ほしょう|保証|ナンバーワン|\d\s*い(?![\p{Script=Hiragana}])|１位)/u],
  labelKeys: ['ポイント', 'とくちょう', 'ちゅうい'],
  boxKeys: ['セット ないよう', 'ないよう', 'セット内容', '付属品'],
  currencies: CURRENCY,
  pricePhrase: (amount, _v, currency) => (CURRENCY[currency] ? `${amount}${CURRENCY[currency]}` : undefined),
  shopNow: 'いますぐ チェック',
  speakable: (t) => t.replace(/\s&\s/g, ' と ').replace(/(\d)\s?[x×]\s?(?=\d)/g, '$1かける'),
});
