/** Sample products shared by the script tests. */
import type { ScriptProduct } from './generate.ts';

export const RICH: ScriptProduct = {
  name: 'Aurora Ceramic Pour-Over Kettle',
  brand: 'Aurora Home',
  price: '$89',
  imageCount: 4,
  description: `<p>Meet the kettle that makes every pour feel intentional. Crafted from high-fired stoneware with a
matte glaze, the Aurora keeps water hot for up to 30 minutes off the heat.</p>
<ul><li>Gooseneck spout for precise, even pouring</li><li>1.2L capacity - enough for 4 cups</li>
<li>Works on gas, electric and induction stovetops (with included adapter plate)</li></ul>
<p>The built-in thermometer shows you the exact temperature, so you hit 200&deg;F every time.
<b>FREE SHIPPING</b> on orders over $50! ☕️✨ Visit https://aurora.example/kettle</p>`,
  features: ['✅ Dishwasher safe', '**Ergonomic** cork-wrapped handle stays cool to the touch', 'Capacity: 1.2 L', 'BPA-free 🔥🔥'],
};

export const THIN: ScriptProduct = {
  name: 'Lumi Desk Lamp',
  description: 'A minimalist desk lamp with a warm, dimmable light. The aluminum arm folds flat for travel.',
  features: ['USB-C powered', 'Three brightness levels', 'Touch controls', 'Weighs 1.1 lbs'],
  imageCount: 2,
};

/** Only a name and one sentence. */
export const BARE: ScriptProduct = {
  name: 'Lumi Desk Lamp',
  description: 'A minimalist desk lamp with a warm, dimmable light.',
  features: [],
  imageCount: 1,
};

export const EMPTY: ScriptProduct = { name: 'Lumi Desk Lamp', description: '', features: [], imageCount: 0 };

export const EARBUDS: ScriptProduct = {
  name: 'Nimbus Wireless Earbuds',
  price: '$129.99',
  description:
    'Up to 36 hours of battery life with the charging case. Active noise cancellation blocks out the world. IPX5 sweat resistant. Bluetooth 5.3 for a stable connection.',
  features: ['Fast charging: 10 min = 2 hours', 'Touch controls', 'Three ear tip sizes included'],
  imageCount: 3,
};

export const TETERA: ScriptProduct = {
  name: 'Tetera de cerámica Aurora',
  brand: 'Aurora Home',
  price: '89 €',
  imageCount: 3,
  description:
    'Fabricada en gres de alta temperatura con esmalte mate. Mantiene el agua caliente hasta 30 minutos fuera del fuego. El termómetro integrado te muestra la temperatura exacta.',
  features: ['Boquilla de cuello de cisne para un vertido preciso', 'Capacidad: 1,2 L', 'Apta para lavavajillas', 'Asa de corcho que no quema'],
};

/** A pasted product page: ~50 000 characters of copy, markup and noise. */
export function hugeProduct(): ScriptProduct {
  const para = [
    '<p>The Trailhead 40 backpack is built from 420D recycled nylon with a waterproof coating.</p>',
    '<p>Padded laptop sleeve fits up to 16 inches. Load lifters and a ventilated back panel keep you cool on long days.</p>',
    '<p>FREE SHIPPING AND RETURNS!!! 🔥🔥🔥 Click here to buy now. Colors may vary due to monitor settings.</p>',
    '<ul><li>40 liters of storage</li><li>Lifetime warranty</li><li>Weighs 2.4 lbs</li></ul>',
    'Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ',
  ].join('\n');
  let description = '';
  while (description.length < 50_000) description += para;
  return { name: 'Trailhead 40 Backpack', description, features: [], imageCount: 5, brand: 'Ridgeline' };
}

/** One native product per language: the same insulated bottle, written by a shop in that language. */
export const NATIVE: Record<string, ScriptProduct> = {
  en: {
    name: 'Aurora Insulated Bottle',
    brand: 'Northwind',
    price: '$34',
    imageCount: 3,
    description:
      'A double-wall stainless steel bottle that keeps drinks ice cold for 24 hours or hot for 12. The leak-proof cap has a carry loop, the powder-coated finish grips in wet hands, and the wide mouth fits ice cubes and cleans easily. It holds 750 ml, fits standard cup holders and is free of BPA.',
    features: ['Cold for 24 hours, hot for 12', 'Leak-proof cap with carry loop', 'Wide mouth fits ice cubes', '750 ml, fits cup holders'],
  },
  es: {
    name: 'Botella térmica Aurora',
    brand: 'Northwind',
    price: '29,90 €',
    imageCount: 3,
    description:
      'Botella de acero inoxidable con doble pared. Mantiene las bebidas frías 24 horas y calientes 12. El tapón antigoteo tiene asa de transporte y la boca ancha admite cubitos de hielo.',
    features: ['Frío 24 h, calor 12 h', 'Tapón antigoteo con asa', 'Boca ancha para cubitos', '750 ml, cabe en el portavasos', 'Acabado con recubrimiento en polvo que no resbala'],
  },
  pt: {
    name: 'Garrafa Térmica Aurora',
    brand: 'Northwind',
    price: 'R$ 129,90',
    imageCount: 3,
    description:
      'Garrafa de aço inoxidável com parede dupla que mantém as bebidas geladas por 24 horas ou quentes por 12. A tampa à prova de vazamento tem alça para carregar. A boca larga facilita colocar gelo e lavar.',
    features: ['Gelada por 24 horas, quente por 12', 'Tampa à prova de vazamento com alça', 'Boca larga para cubos de gelo', '750 ml, cabe no porta-copos', 'Acabamento em pintura eletrostática que não escorrega'],
  },
  fr: {
    name: 'Gourde isotherme Aurora',
    brand: 'Northwind',
    price: '29,90 €',
    imageCount: 3,
    description:
      'Une gourde en acier inoxydable à double paroi qui garde vos boissons fraîches 24 heures ou chaudes 12 heures. Le bouchon étanche possède une poignée de transport. Le large goulot accepte les glaçons et se nettoie facilement.',
    features: ['Froid 24 h, chaud 12 h', 'Bouchon étanche avec poignée', 'Large goulot pour les glaçons', '750 ml, compatible porte-gobelet', 'Finition thermolaquée antidérapante'],
  },
  de: {
    name: 'Aurora Isolierflasche',
    brand: 'Northwind',
    price: '29,90 €',
    imageCount: 3,
    description:
      'Die doppelwandige Edelstahlflasche hält Getränke 24 Stunden kalt oder 12 Stunden heiß. Der auslaufsichere Deckel hat eine Trageschlaufe. Die weite Öffnung passt für Eiswürfel und lässt sich leicht reinigen.',
    features: ['24 Stunden kalt, 12 Stunden heiß', 'Auslaufsicherer Deckel mit Trageschlaufe', 'Weite Öffnung für Eiswürfel', '750 ml, passt in jeden Getränkehalter', 'Pulverbeschichtete Oberfläche, rutschfest auch mit nassen Händen'],
  },
  it: {
    name: 'Borraccia termica Aurora',
    brand: 'Northwind',
    price: '29,90 €',
    imageCount: 3,
    description:
      'Borraccia in acciaio inox a doppia parete che mantiene le bevande fredde per 24 ore o calde per 12. Il tappo anti goccia ha una comoda maniglia. La bocca larga accoglie i cubetti di ghiaccio e si lava facilmente.',
    features: ['Fredda per 24 ore, calda per 12', 'Tappo anti goccia con maniglia', 'Bocca larga per il ghiaccio', '750 ml, entra nel portabicchieri', 'Finitura verniciata a polvere, antiscivolo'],
  },
  nl: {
    name: 'Aurora thermosfles',
    brand: 'Northwind',
    price: '€ 29,95',
    imageCount: 3,
    description:
      'Dubbelwandige fles van roestvrij staal die drankjes 24 uur koud of 12 uur warm houdt. De lekvrije dop heeft een draaglus. Door de brede opening passen er ijsblokjes in en is hij makkelijk schoon te maken.',
    features: ['24 uur koud, 12 uur warm', 'Lekvrije dop met draaglus', 'Brede opening voor ijsblokjes', '750 ml, past in elke bekerhouder', 'Gepoedercoate afwerking die niet uit je handen glijdt'],
  },
  ja: {
    name: 'オーロラ ボトル',
    brand: 'ノースウィンド',
    price: '¥3,980',
    imageCount: 3,
    description:
      'にじゅうかべの ステンレス ボトルで、つめたい のみものは 24じかん、あたたかい のみものは 12じかん キープ。もれない キャップには もちはこび ループつき。ひろい くちで こおりも かんたんに はいります。真空断熱構造です。',
    features: ['つめたさ 24じかん、あたたかさ 12じかん', 'もれない キャップと ループ', 'こおりが はいる ひろい くち', '750ml、ドリンクホルダーに ぴったり', 'すべりにくい パウダーコート しあげ'],
  },
  zh: {
    name: 'Aurora 保温杯',
    brand: 'Northwind',
    price: '¥199',
    imageCount: 3,
    description: '双层不锈钢保温杯，冷饮保冷24小时，热饮保温12小时。防漏杯盖带提环，方便携带。宽口设计，可以放入冰块，清洗也很方便。',
    features: ['保冷24小时，保温12小时', '防漏杯盖带提环', '宽口可放冰块', '750毫升，适配车载杯架', '粉末喷涂涂层，湿手也不打滑'],
  },
  ko: {
    name: '오로라 텀블러',
    brand: '노스윈드',
    price: '39,000원',
    imageCount: 3,
    description:
      '이중 스테인리스 구조로 차가운 음료는 24시간, 따뜻한 음료는 12시간 유지됩니다. 새지 않는 뚜껑에는 휴대용 고리가 달려 있습니다. 입구가 넓어 얼음을 넣기 쉽고 세척도 간편합니다.',
    features: ['보냉 24시간, 보온 12시간', '새지 않는 뚜껑과 고리', '얼음이 쏙 들어가는 넓은 입구', '750ml, 컵홀더에 딱 맞는 크기', '젖은 손에도 미끄럽지 않은 파우더 코팅'],
  },
  hi: {
    name: 'ऑरोरा इंसुलेटेड बोतल',
    brand: 'नॉर्थविंड',
    price: '₹1,499',
    imageCount: 3,
    description:
      'डबल-वॉल स्टेनलेस स्टील की बोतल, जो ठंडे पेय को 24 घंटे और गर्म पेय को 12 घंटे तक वैसा ही रखती है। लीक-प्रूफ़ ढक्कन में ले जाने के लिए लूप है। चौड़े मुँह में बर्फ़ आसानी से जाती है और सफ़ाई भी आसान है।',
    features: ['24 घंटे ठंडा, 12 घंटे गर्म', 'लूप के साथ लीक-प्रूफ़ ढक्कन', 'बर्फ़ के लिए चौड़ा मुँह', '750 ml, कप होल्डर में फ़िट', 'पाउडर-कोटेड फ़िनिश, गीले हाथों में भी फिसलती नहीं'],
  },
  ar: {
    name: 'زجاجة أورورا الحافظة للحرارة',
    brand: 'نورث ويند',
    price: '129 ر.س',
    imageCount: 3,
    description:
      'زجاجة من الفولاذ المقاوم للصدأ بجدار مزدوج تحافظ على برودة المشروبات 24 ساعة وعلى سخونتها 12 ساعة. الغطاء المانع للتسرب مزود بحلقة للحمل. الفوهة الواسعة تتسع لمكعبات الثلج ويسهل تنظيفها.',
    features: ['برودة 24 ساعة وسخونة 12 ساعة', 'غطاء مانع للتسرب مع حلقة', 'فوهة واسعة لمكعبات الثلج', '750 مل، تناسب حامل الأكواب', 'طلاء بودرة لا ينزلق حتى مع اليدين المبللتين'],
  },
  id: {
    name: 'Botol Termos Aurora',
    brand: 'Northwind',
    price: 'Rp 249.000',
    imageCount: 3,
    description:
      'Botol stainless steel dinding ganda yang menjaga minuman tetap dingin 24 jam atau panas 12 jam. Tutupnya anti bocor dan dilengkapi tali untuk dibawa. Mulut botol yang lebar muat es batu dan mudah dibersihkan.',
    features: ['Dingin 24 jam, panas 12 jam', 'Tutup anti bocor dengan tali', 'Mulut lebar untuk es batu', '750 ml, pas di tempat gelas mobil', 'Lapisan powder coating yang tidak licin di tangan basah'],
  },
  tr: {
    name: 'Aurora Termos Şişe',
    brand: 'Northwind',
    price: '899 TL',
    imageCount: 3,
    description:
      'Çift duvarlı paslanmaz çelik şişe, içecekleri 24 saat soğuk ya da 12 saat sıcak tutar. Sızdırmaz kapağında taşıma halkası var. Geniş ağzı sayesinde buz küpleri kolayca girer ve temizlemesi kolaydır.',
    features: ['24 saat soğuk, 12 saat sıcak', 'Taşıma halkalı sızdırmaz kapak', 'Buz küpleri için geniş ağız', '750 ml, bardak tutucuya uyar', 'Islak elde kaymayan toz boya kaplama'],
  },
};
