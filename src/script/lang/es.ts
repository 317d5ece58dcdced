/**
 * Spanish templates for the script generator. Spanish drops the subject ("Mantiene el agua
 * caliente"), so most selling points can be said as they are; adjective phrases get "es"/"está".
 * Gender and number of the product (from its category noun) pick lo/la/los/las, el tuyo/la tuya…
 */
import type { Classified, LanguagePack, Line } from './types.ts';
import { localDecimals } from './units.ts';
import { COMMON_JUNK } from './junk.ts';

function word(w: string | undefined): string {
  return (w ?? '').toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}'-]+$/gu, '');
}

const PARTICIPLE = /^(fabricad|hech|diseñad|elaborad|cosid|tejid|pintad|probad|certificad|aprobad|inspirad|pensad|creado|creada|formulad|recubiert|forrad|acolchad|aislad|equipad|dotad|alimentad|compuest)[oa]s?$/;
const ADJECTIVES = new Set(
  `apto apta aptos aptas ideal ideales perfecto perfecta perfectos perfectas resistente resistentes ligero ligera
ligeros ligeras portátil portátiles compacto compacta plegable plegables impermeable impermeables inalámbrico
inalámbrica recargable recargables ajustable ajustables reutilizable reutilizables silencioso silenciosa suave
suaves duradero duradera elegante elegantes ergonómico ergonómica versátil versátiles cómodo cómoda cómodos
transpirable fácil fáciles rápido rápida seguro segura natural naturales vegano vegana libre antideslizante
lavable lavables práctico práctica potente potentes eficiente eficientes sostenible sostenibles reciclable
biodegradable hipoalergénico hipoalergénica`.split(/\s+/),
);
const VERBS = new Set(
  `es son está están tiene tienen mantiene mantienen permite permiten incluye incluyen ofrece ofrecen cuenta
cuentan hace hacen ayuda ayudan protege protegen funciona funcionan calienta enfría carga cargan dura duran
ahorra ahorran conserva conservan garantiza garantizan aporta aportan combina combinan sirve sirven viene
vienen llega llegan resiste resisten se puede pueden vierte prepara preparan limpia limpian reduce reducen
bloquea bloquean elimina eliminan mide miden muestra muestran`.split(/\s+/),
);

function classify(text: string): Classified {
  const words = text.split(/\s+/).filter(Boolean);
  const first = word(words[0]);
  const last = word(words[words.length - 1]);
  if (/^incluid[oa]s?$/.test(last) && words.length >= 2 && words.length <= 8) {
    return { kind: 'included', value: words.slice(0, -1).join(' ').replace(/[,:;\s]+$/, ''), plural: /s$/.test(last) };
  }
  if (PARTICIPLE.test(first)) return { kind: 'adj', copula: 'estar' };
  if (ADJECTIVES.has(first) && words.length <= 8) return { kind: 'adj', copula: 'ser' };
  if (VERBS.has(first)) return { kind: 'verb' };
  if (words.some((w, i) => i > 0 && VERBS.has(word(w)))) return { kind: 'statement' };
  return { kind: 'noun' };
}

type Unit = [RegExp, string, string];
const NUM = String.raw`(\d+(?:[.,]\d+)?)`;
const units: Unit[] = [
  [/(?:ml|mL)/, 'mililitro', 'mililitros'],
  [/(?:L|l|litros?)/, 'litro', 'litros'],
  [/oz/, 'onza', 'onzas'],
  [/kg/, 'kilo', 'kilos'],
  [/mm/, 'milímetro', 'milímetros'],
  [/cm/, 'centímetro', 'centímetros'],
  [/(?:"|pulg\.?)/, 'pulgada', 'pulgadas'],
  [/mAh/i, 'miliamperio hora', 'miliamperios hora'],
  [/W/, 'vatio', 'vatios'],
  [/V/, 'voltio', 'voltios'],
  [/(?:hrs?|h)/, 'hora', 'horas'],
  [/min/, 'minuto', 'minutos'],
  [/GB/, 'giga', 'gigas'],
  [/TB/, 'tera', 'teras'],
].map(([re, s, p]) => [new RegExp(`${NUM}\\s?${(re as RegExp).source}(?![\\p{L}\\d])(?!\\s*\\d)`, `gu${(re as RegExp).flags.replace(/[gu]/g, '')}`), s as string, p as string]);

function speakable(text: string): string {
  let t = text
    .replace(/\bc\/\s?/gi, 'con ')
    .replace(/\bs\/\s?/gi, 'sin ')
    .replace(/\s&\s/g, ' y ')
    .replace(/(\d)\s?[x×]\s?(?=\d)/g, '$1 por ')
    .replace(/\s*=\s*/g, ' equivale a ')
    .replace(/(\d)\s?°\s?C\b/g, '$1 grados')
    .replace(/(\d)\s?°/g, '$1 grados')
    .replace(/\b([a-záéíóúñ]{2,})\/([a-záéíóúñ]{2,})\b/g, '$1 o $2');
  for (const [re, one, many] of units) t = t.replace(re, (_m, n: string) => `${n} ${n === '1' ? one : many}`);
  return t;
}

const NUMBERS = ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce'];

// Category nouns with gender (m/f); plural-only ones are listed in the plural.
const GENDER: Record<string, 'm' | 'f'> = {};
for (const w of `altavoz reloj bolso monedero cojín colchón termo vaso hervidor molinillo cuchillo exprimidor
ventilador calefactor difusor humidificador purificador teclado ratón portátil móvil teléfono cargador soporte
organizador juguete juego set kit perfume champú sérum jabón aceite bálsamo collar anillo brazalete vestido
abrigo jersey gorro sombrero paraguas espejo jarrón cuaderno bolígrafo patinete casco auriculares pendientes
zapatos calcetines guantes pantalones café té cepillo secador`.split(/\s+/)) GENDER[w] = 'm';
for (const w of `tetera taza botella lámpara cafetera sartén olla batidora tostadora freidora báscula mochila maleta
cartera funda silla mesa estantería alfombra almohada manta toalla cámara tableta pantalla crema mascarilla vela
planta cesta bicicleta gorra camiseta chaqueta sudadera bufanda pulsera esterilla plancha aspiradora impresora
gafas zapatillas botas sandalias`.split(/\s+/)) GENDER[w] = 'f';
const PLURAL_ONLY = ['auriculares', 'pendientes', 'zapatos', 'calcetines', 'guantes', 'pantalones', 'gafas', 'zapatillas', 'botas', 'sandalias'];

function genderOf(noun: string | undefined): 'm' | 'f' {
  return (noun && GENDER[noun]) || 'm';
}

const productLine = (t: string, minImages = 1): Line => ({ t, scene: 'product', minImages });

export const es: LanguagePack = {
  code: 'es',
  locale: 'es-ES',
  fallbackName: 'este producto',
  splitClauses: true,
  be: (plural) => (plural ? 'son' : 'es'),
  conjunctionStart: /^(y|pero|además|también|o)\b/i,
  currencies: {
    USD: ['dólar', 'dólares'], EUR: ['euro', 'euros'], MXN: ['peso', 'pesos'], GBP: ['libra', 'libras'], ARS: ['peso', 'pesos'],
    COP: ['peso', 'pesos'], CLP: ['peso', 'pesos'], JPY: 'yenes', BRL: ['real', 'reales'],
  },
  shopNow: 'Comprar',
  claims: [
    /(\d+(?:[.,]\d)?\s*estrellas?|valoraci[oó]n|valoraciones|rese[ñn]as?|m[aá]s vendid[oa]|descuento|rebaja|oferta por tiempo limitado|env[ií]o gratis|garant[ií]a|n[uú]mero 1)/i,
  ],
  abbreviations: ['sr', 'sra', 'srta', 'dr', 'dra', 'ud', 'uds', 'aprox', 'p.ej', 'núm', 'pág', 'ej', 'avda', 'aprox', 'incl', 'máx', 'mín'],
  maxPointWords: 22,
  classify,
  speakable: (t) => speakable(localDecimals(t, 'es')),
  definite: (phrase) => phrase,
  nameInSentence: (name, category, plural) => {
    if (!category || /^(el|la|los|las)\s/i.test(name)) return name;
    const f = genderOf(category) === 'f';
    return `${plural ? (f ? 'las' : 'los') : f ? 'la' : 'el'} ${name}`;
  },
  polish: (line) => line.replace(/\b([Aa]) el\b/g, '$1l').replace(/\b([Dd]e) el\b/g, '$1l'),
  agreement: (plural, _pairOnly, thing) => {
    const g = genderOf(thing);
    const lo = plural ? (g === 'f' ? 'las' : 'los') : g === 'f' ? 'la' : 'lo';
    return {
      lo,
      Lo: lo.charAt(0).toUpperCase() + lo.slice(1),
      tuyo: plural ? (g === 'f' ? 'las tuyas' : 'los tuyos') : g === 'f' ? 'la tuya' : 'el tuyo',
      ser: plural ? 'son' : 'es',
      Ser: plural ? 'Son' : 'Es',
      estar: plural ? 'están' : 'está',
      s: plural ? 'n' : '',
      it: '',
      It: '',
      itis: plural ? 'son' : 'es',
      Itis: plural ? 'Son' : 'Es',
    };
  },
  list: (items) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} y ${items[items.length - 1]}`),
  numberWord: (n) => NUMBERS[n] ?? String(n),
  frames: {
    statement: ['{c}{p}.'],
    fragment: ['{P}.', '{c}{p}.'],
    noun: ['{P}.', 'Fíjate: {p}.', '{c}{p}.'],
    adj: ['{c}{cop} {p}.', 'Y sí: {cop} {p}.'],
    verb: ['{c}{p}.'],
    imperative: ['{P}.'],
    spec: ['¿{Key}? {Value}.', '{c}{kv}.'],
    included: ['{c}incluye {p}.', '{P}, incluido.'],
    box: ['¿Qué hay en la caja? {Value}.', '{c}en la caja encontrarás {value}.'],
  },
  bare: {
    statement: '{p}',
    fragment: '{p}',
    noun: '{p}',
    adj: '{cop} {p}',
    verb: '{p}',
    imperative: '{p}',
    spec: '{kv}',
    included: 'incluye {p}',
    box: 'en la caja encontrarás {value}',
  },
  spotlight: [
    'Por si te lo perdiste: {bare}.',
    'Vale la pena repetirlo: {bare}.',
    'No lo olvides: {bare}.',
    'Y recuerda: {bare}.',
    'Una vez más: {bare}.',
    'Sí, de verdad: {bare}.',
  ],
  recapItem: {
    statement: '{p}',
    fragment: '{p}',
    noun: '{p}',
    adj: '{p}',
    verb: '{p}',
    imperative: '{p}',
    spec: '{spec_item}',
    included: '{p} incluido',
    box: '{value} en la caja',
  },
  recapLines: ['En resumen: {list}.', 'Repasemos: {list}.', 'Recapitulando: {list}.'],
  facetFrames: ['Fíjate: {that_p}.', 'Mira: {that_p}.'],
  demonstrative: (phrase) => phrase,
  specPhrases: (key, value) => {
    const kv = /^\d/.test(value) ? `${key} de ${value}` : `${key} ${value}`;
    return { kv, item: kv };
  },
  connectors: {
    first: ['', 'Para empezar, ', 'Primero, '],
    middle: ['Además, ', 'Y ', '', 'Por si fuera poco, ', 'También, ', ''],
    last: ['Y ', 'Y para rematar, ', 'Además, '],
  },
  generic: {
    opens: ['Te cuento.', 'Vamos al grano.', 'Esto es lo que tienes que saber.', 'Vamos allá.'],
    mids: [
      productLine('Mira esto de cerca.'),
      productLine('Aquí {lo} tienes desde otro ángulo.', 2),
      productLine('Y otra vista más.', 3),
      productLine('Fíjate bien.'),
      productLine('Nada mal, ¿verdad?'),
    ],
    closes: [
      'Eso es {name}, en pocas palabras.',
      'Recuerda el nombre: {bare_name}.',
      'No te quedes con mi palabra: compruéba{lo} por tu cuenta.',
      '¿Quieres ver{lo} con tus propios ojos?',
    ],
    ctaExtras: [{ t: 'Todos los detalles, a un toque.', scene: 'cta' }],
  },
  structures: {
    'hook-benefits-cta': {
      title: 'Gancho → beneficios → acción',
      hooks: [
        'Espera, tienes que ver esto.',
        'Deja de deslizar un segundo.',
        'Déjame enseñarte algo.',
        'Esto merece una mirada.',
        { t: '¿Buscas {a_thing}? Atento a esto.', prefer: true },
      ],
      intros: ['Te presento {name}.', 'Conoce {name}.', 'Esto es {name}.', { t: 'Te presento {name}, de {brand}.', prefer: true }],
      opens: ['Te cuento por qué destaca.', 'Te enseño por qué.'],
      mids: [productLine('Míra{lo} de cerca.'), productLine('Aquí {lo} tienes desde otro ángulo.', 2)],
      closes: ['Así es {name}.', '¿Quieres ver{lo} con tus propios ojos?'],
      ctas: ['Toca el enlace y consigue {tuyo} hoy.', 'Consígue{lo} hoy. Solo toca el enlace.', 'Toca el enlace para descubrir{lo}.'],
      ctaExtras: [{ t: 'Todos los detalles, a un toque.', scene: 'cta' }],
      recap: true,
    },
    'problem-solution': {
      title: 'Problema → solución',
      hooks: [
        { t: '¿Sigues con {a_thing} que no termina de convencerte?', prefer: true, next: ['No tiene por qué ser así.'] },
        { t: '¿Te toca conformarte siempre con lo justo?', next: ['No tiene por qué ser así.'] },
        { t: '¿Y si pudieras tener algo mejor?', next: ['Buenas noticias: puedes.'] },
      ],
      intros: ['Ahí es donde entra {name}.', 'Te presento {name}.', 'Conoce {name}.'],
      opens: ['Te enseño cómo.'],
      mids: [productLine('Mira esto de cerca.')],
      closes: ['Problema resuelto.', 'Así de simple.'],
      connectors: {
        first: ['Para empezar, ', '', 'Primero, '],
        middle: ['Además, ', 'Y ', '', 'Por si fuera poco, ', ''],
        last: ['Y ', 'Además, '],
      },
      ctas: ['Haz el cambio: toca el enlace y consigue {name}.', 'Pruéba{lo} tú. Solo toca el enlace.', '¿Listo para dar el salto? Toca el enlace.'],
      ctaExtras: [{ t: 'Todos los detalles, a un toque.', scene: 'cta' }],
      recap: true,
    },
    demo: {
      title: 'Lo que te llevas',
      hooks: [
        'Esto es exactamente lo que te llevas con {name}.',
        'Te enseño lo que te llevas con {name}.',
        'Un repaso rápido a {name}. Vamos.',
      ],
      opens: ['Empecemos por lo bueno.', 'Vamos por partes.'],
      mids: [productLine('Mira esto de cerca.'), productLine('Otro ángulo.', 2), productLine('¿Lo ves?')],
      labels: {
        first: ['Para empezar: ', 'Primero: '],
        middle: ['Después: ', 'Y además: ', 'También: ', 'Luego: '],
        last: ['Y por último: ', 'Para terminar: '],
      },
      closes: ['Y eso es {name}, de principio a fin.', 'Eso es lo que te llevas.', 'Nada mal, ¿eh?'],
      ctas: ['¿{Lo} quieres? Toca el enlace.', '¿Te gusta lo que ves? Toca el enlace.', 'Descúbre{lo} en el enlace.'],
      ctaExtras: [{ t: 'El resto, en la página del producto.', scene: 'cta' }],
      recap: true,
    },
    'offer-value': {
      title: 'Valor y oferta',
      hooks: [
        { t: 'Esto es lo que consigues por {price}.', prefer: true },
        '¿Vale la pena {name}? Te lo enseño.',
        'Hablemos de lo que de verdad te llevas.',
      ],
      intros: ['Te presento {name}.', { t: 'Te presento {name}, de {brand}.', prefer: true }],
      opens: ['Vamos por partes.'],
      mids: [productLine('Mira esto de cerca.')],
      keyLines: [
        { t: 'Todo esto por {price}.', scene: 'product' },
        { t: '¿Y el precio? {price}.', scene: 'product', unlessHookHas: 'price' },
      ],
      closes: ['Júntalo todo y eso es {name}.'],
      ctas: [{ t: 'Toca el enlace y consigue {tuyo} por {price}.', prefer: true }, 'Consígue{lo} hoy. Solo toca el enlace.'],
      ctaExtras: [{ t: 'Todos los detalles, a un toque.', scene: 'cta' }],
      recap: true,
    },
    listicle: {
      title: 'Razones para elegirlo',
      hooks: ['{N} razones por las que te va a encantar {name}.', 'Aquí tienes {n} razones para fijarte en {name}.'],
      labels: {
        first: ['Número uno: ', 'Razón uno: ', 'Uno: '],
        middle: ['Número {k}: ', 'Razón {k}: ', '{K}: '],
        last: ['Y número {k}: ', 'Y razón {k}: ', 'Y {k}: '],
      },
      alignedLabels: true,
      opens: ['Vamos allá.'],
      mids: [productLine('Mira esto de cerca.'), productLine('Aquí {lo} tienes desde otro ángulo.', 2)],
      closes: ['Ahí lo tienes.', '¿Cuál es tu favorita?'],
      ctas: ['Toca el enlace y compruéba{lo}.', 'Toca el enlace para conseguir {tuyo}.'],
      ctaExtras: [{ t: 'Todos los detalles, a un toque.', scene: 'cta' }],
      minPoints: 3,
    },
  },
  category: {
    nouns: Object.keys(GENDER),
    pluralOnly: PLURAL_ONLY,
    plural: (noun) => (PLURAL_ONLY.includes(noun) ? noun : /[aeiouáéó]$/.test(noun) ? `${noun}s` : `${noun}es`),
    indefinite: (noun, pluralOnly) =>
      pluralOnly ? `${genderOf(noun) === 'f' ? 'unas' : 'unos'} ${noun}` : `${genderOf(noun) === 'f' ? 'una' : 'un'} ${noun}`,
    demonstrative: (noun, plural) => `${plural ? (genderOf(noun) === 'f' ? 'estas' : 'estos') : genderOf(noun) === 'f' ? 'esta' : 'este'} ${noun}`,
    headFirst: true,
  },
  junk: [
    ...COMMON_JUNK,
    /\b(envío|envíos|entrega|devoluci[oó]n|devoluciones|reembolso)\b/i,
    /\b(añadir al carrito|compra ya|comprar ahora|haz clic|cupón|código promocional|descuento|% de descuento|oferta por tiempo limitado|hasta agotar)\b/i,
    /\b(atención al cliente|contáctanos|escríbenos)\b/i,
    /\b(sku|referencia|modelo n)\b/i,
    /\b(los colores pueden variar|medición manual|solo como referencia)\b/i,
    /\b(reseñas?|valoraciones?|estrellas|más vendido)\b/i,
  ],
  benefitWords: `fácil fácilmente rápido rápida preciso precisa perfecto perfecta cómodo cómoda duradero duradera
ligero ligera portátil seguro segura silencioso silenciosa potente suave caliente frío fresco limpio compacto
compacta ahorra protege mantiene dura práctico práctica versátil elegante resistente horas minutos`.split(/\s+/),
  concreteWords: `cerámica acero inoxidable vidrio cristal madera bambú cuero piel algodón lino lana aluminio titanio
cobre silicona batería boquilla asa tapa base motor sensor pantalla correa bolsillo cremallera filtro termómetro
botón luz led altavoz micrófono cargador cable usb-c bluetooth wifi app capacidad tamaño peso litros mililitros
grados vatios`.split(/\s+/),
  properNouns: 'bluetooth wi-fi wifi usb usb-c iphone ipad android apple google alexa siri samsung'.split(' '),
  labelKeys: 'nota consejo importante nuevo características ventajas detalles descripción por qué ideal perfecto'.split(' '),
  boxKeys: ['el paquete incluye', 'contenido', 'contenido del paquete', 'en la caja', 'incluye', 'qué incluye'],
};
