/**
 * Hindi templates (polite "आप"). No first-person verbs (they would carry the presenter's
 * gender) and no postpositions that agree with the product (का/की): "{brand} की ओर से".
 */
import { simplePack, productLine } from './simple.ts';
import { COMMON_JUNK } from './junk.ts';

const NUM = ['शून्य', 'एक', 'दो', 'तीन', 'चार', 'पाँच', 'छह', 'सात', 'आठ', 'नौ', 'दस'];

export const hi = simplePack({
  code: 'hi',
  locale: 'hi-IN',
  fallbackName: 'यह प्रोडक्ट',
  stop: '।',
  abbreviations: ['डॉ', 'श्री', 'श्रीमती', 'सं', 'approx', 'max', 'min', 'no'],
  numberWords: NUM,
  // Ordinals agreeing with वजह / बात (feminine).
  ordinal: (n) => ['शून्य', 'पहली', 'दूसरी', 'तीसरी', 'चौथी', 'पाँचवीं', 'छठी', 'सातवीं', 'आठवीं', 'नौवीं', 'दसवीं'][n] ?? `${n}वीं`,
  list: (items) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} और ${items[items.length - 1]}`),
  connectors: {
    first: ['', 'सबसे पहले, ', 'शुरुआत में, '],
    middle: ['इसके अलावा, ', 'साथ ही, ', '', 'और हाँ, ', 'यही नहीं, '],
    last: ['और आख़िर में, ', 'और सबसे बढ़कर, ', 'अंत में, '],
  },
  spec: (k, v) => `${k}: ${v}`,
  box: ['बॉक्स में: {value}।'],
  includedRe: /^(.+?)\s+(?:शामिल|साथ में)(?:\s+है)?$/,
  included: ['{c}साथ में {value}।'],
  spotlight: ['फिर से सुनिए: {bare}।', 'याद रखिए: {bare}।', 'भूलिए मत: {bare}।'],
  recapLines: ['संक्षेप में: {list}।', 'एक नज़र में: {list}।'],
  generic: {
    opens: ['ध्यान से सुनिए।', 'चलिए शुरू करते हैं।', 'ये बातें जानना ज़रूरी है।'],
    mids: [productLine('क़रीब से देखिए।'), productLine('अब एक और नज़रिए से।', 2), productLine('एक बार और देखिए।', 3), productLine('शानदार, है ना?'), productLine('ज़रा इसे देखिए।'), productLine('हर बारीकी पर ध्यान दीजिए।', 2)],
    closes: ['नाम याद रखिए: {bare_name}।', 'सिर्फ़ मेरी बात मत मानिए। ख़ुद देखिए।', 'संक्षेप में, यह है {name}।', 'अब आपकी बारी।', 'एक बार ज़रूर देखिए।'],
    ctaExtras: [{ t: 'पूरी जानकारी लिंक में है।', scene: 'cta' }],
  },
  structures: {
    'hook-benefits-cta': {
      title: 'हुक → फ़ायदे → कॉल टू एक्शन',
      hooks: ['रुकिए, यह आपको ज़रूर देखना चाहिए।', 'एक सेकंड के लिए स्क्रॉल करना रोकिए।', 'यह ज़रूर देखिए।', 'यह एक नज़र के लायक है।'],
      intros: ['मिलिए {name} से।', 'पेश है {name}।', { t: 'पेश है {name}, {brand} की ओर से।', prefer: true }],
      opens: ['जानिए यह ख़ास क्यों है।', 'देखिए क्यों।'],
      mids: [productLine('क़रीब से देखिए।'), productLine('अब एक और नज़रिए से।', 2)],
      closes: ['यह है {name}।', 'फ़ैसला आपका।'],
      ctas: ['लिंक पर टैप करें और अभी ऑर्डर करें।', 'सारी जानकारी नीचे दिए लिंक में है।'],
      ctaExtras: [{ t: 'पूरी जानकारी लिंक में है।', scene: 'cta' }],
      recap: true,
    },
    'problem-solution': {
      title: 'समस्या → समाधान',
      hooks: [
        { t: 'ऐसे प्रोडक्ट्स से परेशान हैं जो वादे पूरे नहीं करते?', next: ['इसका हल है।'] },
        { t: 'क्या हो अगर आपको कुछ बेहतर मिल सके?', next: ['अच्छी ख़बर: मिल सकता है।'] },
        { t: 'हर बार समझौता क्यों?', next: ['अब इसकी ज़रूरत नहीं।'] },
      ],
      intros: ['इसका जवाब है {name}।', 'मिलिए {name} से।'],
      opens: ['देखिए कैसे।'],
      mids: [productLine('क़रीब से देखिए।')],
      closes: ['समस्या हल।', 'बस, इतना आसान।'],
      ctas: ['बदलाव कीजिए: लिंक पर टैप करें।', '{name} आज़माइए। लिंक नीचे है।'],
      ctaExtras: [{ t: 'पूरी जानकारी लिंक में है।', scene: 'cta' }],
      recap: true,
    },
    demo: {
      title: 'एक झलक',
      hooks: ['आइए {name} को क़रीब से देखें।', '{name} की एक छोटी-सी झलक। चलिए शुरू करते हैं।', '{name} के बारे में जानिए सब कुछ।'],
      opens: ['सबसे अच्छी बात से शुरू करते हैं।', 'एक-एक करके देखते हैं।'],
      labels: {
        first: ['सबसे पहले: ', 'शुरुआत: '],
        middle: ['फिर: ', 'इसके अलावा: ', 'और: ', 'साथ ही: '],
        last: ['और आख़िर में: ', 'आख़िरी बात: '],
      },
      mids: [productLine('यह बारीकी देखिए।'), productLine('देखा आपने?')],
      closes: ['और यह है {name}, शुरू से आख़िर तक।', 'बढ़िया, है ना?'],
      ctas: ['पसंद आया? लिंक पर टैप करें।', 'और देखना है? लिंक नीचे है।'],
      ctaExtras: [{ t: 'बाक़ी सब प्रोडक्ट पेज पर है।', scene: 'cta' }],
      recap: true,
    },
    'offer-value': {
      title: 'क़ीमत और फ़ायदा',
      hooks: [{ t: 'देखिए {price} में आपको क्या मिलता है।', prefer: true }, 'चलिए, क़ीमत और फ़ायदे की बात करते हैं।', 'क्या {name} वाक़ई क़ीमत के लायक है? देखिए।'],
      intros: ['पेश है {name}।', { t: 'पेश है {name}, {brand} की ओर से।', prefer: true }],
      opens: ['सीधे मुद्दे पर आते हैं।'],
      keyLines: [{ t: 'यह सब {price} में।', scene: 'product' }, { t: 'और क़ीमत? {price}।', scene: 'product', unlessHookHas: 'price' }],
      mids: [productLine('क़रीब से देखिए।')],
      closes: ['सब कुछ एक साथ: यही है {name}।'],
      ctas: [{ t: 'लिंक पर टैप करें और {price} में पाएँ।', prefer: true }, 'लिंक पर टैप करें और अभी ऑर्डर करें।'],
      ctaExtras: [{ t: 'पूरी जानकारी लिंक में है।', scene: 'cta' }],
      recap: true,
    },
    listicle: {
      title: 'चुनने की वजहें',
      hooks: ['{name} को चुनने की {n} वजहें।', 'ये रहीं {name} को आज़माने की {n} वजहें।'],
      labels: { first: ['{k} वजह: '], middle: ['{k} वजह: '], last: ['और {k} वजह: '] },
      alignedLabels: true,
      opens: ['चलिए शुरू करते हैं।'],
      mids: [productLine('क़रीब से देखिए।'), productLine('अब एक और नज़रिए से।', 2)],
      closes: ['तो ये थीं वजहें।', 'आपकी पसंदीदा वजह कौन-सी है?'],
      ctas: ['लिंक पर टैप करें और ख़ुद देखें।', 'लिंक नीचे है।'],
      ctaExtras: [{ t: 'पूरी जानकारी लिंक में है।', scene: 'cta' }],
      minPoints: 3,
    },
  },
  junk: [
    ...COMMON_JUNK,
    /(?<![\u0900-\u097F])(डिलीवरी|शिपिंग|रिटर्न|रिफंड|कूपन|डिस्काउंट|छूट|ऑफ़र|ऑफर|सेल|सीमित समय|अभी ख़रीदें|अभी खरीदें|कार्ट|रिव्यू|रिव्यूज़|रेटिंग|स्टार|बेस्टसेलर|ग्राहक सेवा)(?![\u0900-\u097F])/,
    /\b(free (shipping|delivery)|cash on delivery|cod|returns?|refund|coupon|discount|% off|buy now|add to cart|reviews?|ratings?|stars?|best ?seller)\b/i,
  ],
  claims: [/(?<![\u0900-\u097F])(\d+(?:[.,]\d)?\s*स्टार|रिव्यू|रिव्यूज़|रेटिंग|बेस्टसेलर|बेस्ट सेलर|डिस्काउंट|छूट|फ्री डिलीवरी|सीमित समय|गारंटी|नंबर 1|नंबर वन)(?![\u0900-\u097F])/],
  labelKeys: ['नोट', 'सुझाव', 'ज़रूरी', 'नया', 'ख़ूबियाँ', 'विशेषताएँ', 'विवरण', 'फ़ायदे'],
  boxKeys: ['बॉक्स में', 'पैकेज में', 'पैकेज में शामिल', 'साथ में मिलता है'],
  currencies: { USD: 'डॉलर', EUR: 'यूरो', INR: 'रुपये', GBP: 'पाउंड' },
  shopNow: 'अभी ख़रीदें',
  speakable: (t) => t.replace(/\s&\s/g, ' और ').replace(/(\d)\s?[x×]\s?(?=\d)/g, '$1 गुणा '),
});
