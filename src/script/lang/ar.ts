/**
 * Modern Standard Arabic templates (the audience is addressed in the masculine, as ads do).
 * The product is named rather than referred to with a pronoun (which would need its gender), and
 * prices follow the number–noun agreement rules (3–10: plural, 11–99: accusative singular).
 */
import { simplePack, productLine } from './simple.ts';
import { COMMON_JUNK } from './junk.ts';

const A = '(?<![\\u0600-\\u06FF])';
const Z = '(?![\\u0600-\\u06FF])';

/** [singular, plural, accusative singular] of a currency. */
const CURRENCY: Record<string, readonly [string, string, string]> = {
  USD: ['دولار', 'دولارات', 'دولارًا'],
  SAR: ['ريال', 'ريالات', 'ريالًا'],
  AED: ['درهم', 'دراهم', 'درهمًا'],
  QAR: ['ريال', 'ريالات', 'ريالًا'],
  KWD: ['دينار', 'دنانير', 'دينارًا'],
  EGP: ['جنيه', 'جنيهات', 'جنيهًا'],
  MAD: ['درهم', 'دراهم', 'درهمًا'],
  GBP: ['جنيه إسترليني', 'جنيهات إسترلينية', 'جنيهًا إسترلينيًا'],
};

export const ar = simplePack({
  code: 'ar',
  locale: 'ar',
  fallbackName: 'هذا المنتج',
  rtl: true,
  abbreviations: ['د', 'م', 'ص', 'max', 'min'],
  numberWords: ['صفر', 'واحد', 'اثنان', 'ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة', 'عشرة'],
  ordinal: (n) => ['', 'أولًا', 'ثانيًا', 'ثالثًا', 'رابعًا', 'خامسًا', 'سادسًا', 'سابعًا', 'ثامنًا', 'تاسعًا', 'عاشرًا'][n] ?? String(n),
  list: (items) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join('، ')} و${items[items.length - 1]}`),
  connectors: {
    first: ['', 'أولًا: ', 'في البداية: '],
    middle: ['وأيضًا: ', 'إضافة إلى ذلك: ', '', 'وكذلك: '],
    last: ['وأخيرًا: ', 'والأجمل: ', 'وفي الختام: '],
  },
  conjunctionStart: /^و/,
  spec: (k, v) => `${k}: ${v}`,
  box: ['في العلبة: {value}.'],
  includedRe: /^(.+?)\s+(?:مرفق|مرفقة|مشمول|مشمولة)$/,
  included: ['{c}{value} مرفق.'],
  spotlight: ['نكررها: {bare}.', 'لا تنسَ: {bare}.', 'تذكّر: {bare}.'],
  recapLines: ['باختصار: {list}.', 'في سطر واحد: {list}.'],
  generic: {
    opens: ['استمع جيدًا.', 'لنبدأ.', 'إليك أهم ما تحتاج معرفته.'],
    mids: [productLine('انظر عن قرب.'), productLine('والآن من زاوية أخرى.', 2), productLine('ونظرة أخرى.', 3), productLine('جميل، أليس كذلك؟'), productLine('انظر إلى هذا.'), productLine('لاحظ التفاصيل.', 2)],
    closes: ['تذكّر الاسم: {bare_name}.', 'لا تكتفِ بكلامي. شاهد بنفسك.', 'باختصار، هذا ما يقدمه {name}.', 'الآن دورك.', 'يستحق التجربة.'],
    ctaExtras: [{ t: 'كل التفاصيل في الرابط.', scene: 'cta' }],
  },
  structures: {
    'hook-benefits-cta': {
      title: 'جذب ← مزايا ← دعوة',
      hooks: ['لحظة، عليك أن ترى هذا.', 'توقف عن التمرير لثانية.', 'دعني أريك شيئًا.', 'هذا يستحق نظرة.'],
      intros: ['تعرّف على {name}.', 'إليك {name}.', { t: 'تعرّف على {name} من {brand}.', prefer: true }],
      opens: ['إليك السبب.', 'دعني أريك لماذا.'],
      mids: [productLine('انظر عن قرب.'), productLine('والآن من زاوية أخرى.', 2)],
      closes: ['باختصار: {name}.', 'الحكم لك.'],
      ctas: ['اضغط على الرابط واطلب الآن.', 'كل التفاصيل في الرابط بالأسفل.'],
      ctaExtras: [{ t: 'كل التفاصيل في الرابط.', scene: 'cta' }],
      recap: true,
    },
    'problem-solution': {
      title: 'مشكلة ← حل',
      hooks: [
        { t: 'سئمت من منتجات لا تفي بوعودها؟', next: ['هناك حل.'] },
        { t: 'ماذا لو كان بإمكانك الحصول على الأفضل؟', next: ['خبر سار: يمكنك ذلك.'] },
        { t: 'ما زلت تكتفي بالمقبول؟', next: ['لا داعي لذلك بعد الآن.'] },
      ],
      intros: ['وهنا يأتي دور {name}.', 'تعرّف على {name}.'],
      opens: ['دعني أريك كيف.'],
      mids: [productLine('انظر عن قرب.')],
      closes: ['وانتهت المشكلة.', 'بهذه البساطة.'],
      ctas: ['حان وقت التغيير: اضغط على الرابط.', 'جرّب {name} الآن. الرابط بالأسفل.'],
      ctaExtras: [{ t: 'كل التفاصيل في الرابط.', scene: 'cta' }],
      recap: true,
    },
    demo: {
      title: 'جولة سريعة',
      hooks: ['لنلقِ نظرة قريبة على {name}.', 'جولة سريعة مع {name}. لنبدأ.', 'كل ما تحتاج معرفته عن {name}.'],
      opens: ['لنبدأ بالأفضل.', 'خطوة بخطوة.'],
      labels: {
        first: ['أولًا: ', 'في البداية: '],
        middle: ['ثم: ', 'وأيضًا: ', 'إضافة إلى ذلك: ', 'كذلك: '],
        last: ['وأخيرًا: ', 'وفي الختام: '],
      },
      mids: [productLine('لاحظ هذه التفاصيل.'), productLine('هل ترى ذلك؟')],
      closes: ['هذا كل شيء عن {name}، من البداية إلى النهاية.', 'رائع، أليس كذلك؟'],
      ctas: ['أعجبك؟ اضغط على الرابط.', 'تريد أن ترى المزيد؟ الرابط بالأسفل.'],
      ctaExtras: [{ t: 'الباقي في صفحة المنتج.', scene: 'cta' }],
      recap: true,
    },
    'offer-value': {
      title: 'القيمة والعرض',
      hooks: [{ t: 'إليك ما تحصل عليه مقابل {price}.', prefer: true }, 'لنتحدث عن القيمة مقابل السعر.', 'هل يستحق {name} ذلك؟ دعني أريك.'],
      intros: ['إليك {name}.', { t: 'إليك {name} من {brand}.', prefer: true }],
      opens: ['لندخل في التفاصيل.'],
      keyLines: [{ t: 'كل هذا مقابل {price}.', scene: 'product' }, { t: 'والسعر؟ {price}.', scene: 'product', unlessHookHas: 'price' }],
      mids: [productLine('انظر عن قرب.')],
      closes: ['اجمع كل ذلك معًا، وستحصل على {name}.'],
      ctas: [{ t: 'اضغط على الرابط واطلب الآن مقابل {price}.', prefer: true }, 'اضغط على الرابط واطلب الآن.'],
      ctaExtras: [{ t: 'كل التفاصيل في الرابط.', scene: 'cta' }],
      recap: true,
    },
    listicle: {
      title: 'أسباب للاختيار',
      hooks: ['{N} أسباب لتختار {name}.', 'إليك {n} أسباب لتجرّب {name}.'],
      labels: { first: ['{k}: '], middle: ['{k}: '], last: ['و{k}: '] },
      alignedLabels: true,
      opens: ['لنبدأ.'],
      mids: [productLine('انظر عن قرب.'), productLine('والآن من زاوية أخرى.', 2)],
      closes: ['هذه هي الأسباب.', 'أي سبب هو المفضل لديك؟'],
      ctas: ['اضغط على الرابط وشاهد بنفسك.', 'الرابط بالأسفل.'],
      ctaExtras: [{ t: 'كل التفاصيل في الرابط.', scene: 'cta' }],
      minPoints: 3,
    },
  },
  junk: [
    ...COMMON_JUNK,
    new RegExp(`${A}(شحن|الشحن|توصيل|التوصيل|إرجاع|الإرجاع|استرداد|استبدال|كوبون|خصم|الخصم|تخفيض|تخفيضات|عرض لفترة محدودة|أضف إلى السلة|اشتر الآن|تقييم|تقييمات|التقييمات|نجوم|الأكثر مبيعًا|الأكثر مبيعا|خدمة العملاء)${Z}`),
    /\b(free shipping|returns?|refund|coupon|discount|% off|buy now|add to cart|reviews?|ratings?|stars?|best ?seller)\b/i,
  ],
  claims: [new RegExp(`${A}(\\d+(?:[.,]\\d)?\\s*نجوم|تقييم|تقييمات|مراجعات|الأكثر مبيعًا|الأكثر مبيعا|خصم|تخفيض|عرض خاص|شحن مجاني|توصيل مجاني|لفترة محدودة|ضمان|رقم 1|رقم واحد)${Z}`)],
  labelKeys: ['ملاحظة', 'نصيحة', 'مهم', 'جديد', 'المميزات', 'المواصفات', 'التفاصيل', 'الوصف', 'الفوائد'],
  boxKeys: ['محتويات العلبة', 'في العلبة', 'محتويات العبوة', 'يتضمن', 'المحتويات'],
  currencies: { EUR: 'يورو', JPY: 'ين', INR: 'روبية' },
  pricePhrase: (amount, value, currency) => {
    const f = CURRENCY[currency];
    if (!f) return undefined;
    if (!Number.isInteger(value)) return `${amount} ${f[0]}`;
    const r = value % 100;
    const word = r >= 3 && r <= 10 ? f[1] : r >= 11 && r <= 99 ? f[2] : f[0];
    return `${amount} ${word}`;
  },
  shopNow: 'تسوّق الآن',
  speakable: (t) => t.replace(/\s&\s/g, ' و').replace(/(\d)\s?[x×]\s?(?=\d)/g, '$1 في '),
});
