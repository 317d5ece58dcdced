/**
 * Units said as words, per language ("750 ml" → "750 milliliters", "750ミリリットル"), and
 * decimal separators moved to the target language's convention ("1.2" → "1,2" in German), so the
 * voice reads numbers and units the way a speaker of that language would.
 */

/** [one, many]; one form is used for both when only one is given. */
type Forms = string | readonly [string, string];

interface UnitDef {
  /** The abbreviation as it appears after a number (regex source, no anchors). */
  re: string;
  flags?: string;
  words: Readonly<Record<string, Forms>>;
}

// Order matters: longer abbreviations before their prefixes (ml before l, mAh before h…).
const UNITS: readonly UnitDef[] = [
  {
    re: 'mAh',
    flags: 'i',
    words: {
      pt: 'miliampères-hora', fr: 'milliampères-heure', de: 'Milliamperestunden', it: 'milliampere ora', nl: 'milliampère-uur',
      ja: 'ミリアンペアアワー', zh: '毫安时', ko: '밀리암페어시', hi: 'मिलीएम्पियर-घंटे', ar: 'ميلي أمبير ساعة', id: 'miliampere-jam',
      tr: 'miliamper saat',
    },
  },
  {
    re: '(?:ml|mL|ML)',
    words: {
      pt: ['mililitro', 'mililitros'], fr: ['millilitre', 'millilitres'], de: 'Milliliter', it: ['millilitro', 'millilitri'],
      nl: 'milliliter', ja: 'ミリリットル', zh: '毫升', ko: '밀리리터', hi: 'मिलीलीटर', ar: ['مليلتر', 'مليلترات'], id: 'mililiter',
      tr: 'mililitre',
    },
  },
  {
    re: '(?:L|l|ltr|Ltr)',
    words: {
      pt: ['litro', 'litros'], fr: ['litre', 'litres'], de: 'Liter', it: ['litro', 'litri'], nl: 'liter', ja: 'リットル', zh: '升',
      ko: '리터', hi: 'लीटर', ar: ['لتر', 'لترات'], id: 'liter', tr: 'litre',
    },
  },
  {
    re: '(?:kg|KG|Kg)',
    words: {
      pt: ['quilo', 'quilos'], fr: ['kilo', 'kilos'], de: 'Kilogramm', it: ['chilo', 'chili'], nl: 'kilo', ja: 'キロ', zh: '公斤',
      ko: '킬로그램', hi: 'किलो', ar: ['كيلوغرام', 'كيلوغرامات'], id: 'kilogram', tr: 'kilo',
    },
  },
  {
    re: 'g',
    words: {
      pt: ['grama', 'gramas'], fr: ['gramme', 'grammes'], de: 'Gramm', it: ['grammo', 'grammi'], nl: 'gram', ja: 'グラム', zh: '克',
      ko: '그램', hi: 'ग्राम', ar: ['غرام', 'غرامات'], id: 'gram', tr: 'gram',
    },
  },
  {
    re: 'mm',
    words: {
      pt: ['milímetro', 'milímetros'], fr: ['millimètre', 'millimètres'], de: 'Millimeter', it: ['millimetro', 'millimetri'],
      nl: 'millimeter', ja: 'ミリ', zh: '毫米', ko: '밀리미터', hi: 'मिलीमीटर', ar: ['مليمتر', 'مليمترات'], id: 'milimeter',
      tr: 'milimetre',
    },
  },
  {
    re: 'cm',
    words: {
      pt: ['centímetro', 'centímetros'], fr: ['centimètre', 'centimètres'], de: 'Zentimeter', it: ['centimetro', 'centimetri'],
      nl: 'centimeter', ja: 'センチ', zh: '厘米', ko: '센티미터', hi: 'सेंटीमीटर', ar: ['سنتيمتر', 'سنتيمترات'], id: 'sentimeter',
      tr: 'santimetre',
    },
  },
  {
    re: '(?:hrs?|h)',
    words: {
      pt: ['hora', 'horas'], fr: ['heure', 'heures'], de: ['Stunde', 'Stunden'], it: ['ora', 'ore'], nl: 'uur', ja: 'じかん',
      zh: '小时', ko: '시간', hi: ['घंटा', 'घंटे'], ar: ['ساعة', 'ساعات'], id: 'jam', tr: 'saat',
    },
  },
  {
    re: 'mins?',
    words: {
      pt: ['minuto', 'minutos'], fr: ['minute', 'minutes'], de: ['Minute', 'Minuten'], it: ['minuto', 'minuti'], nl: ['minuut', 'minuten'],
      ja: 'ふん', zh: '分钟', ko: '분', hi: 'मिनट', ar: ['دقيقة', 'دقائق'], id: 'menit', tr: 'dakika',
    },
  },
  {
    re: 'W',
    words: {
      pt: 'watts', fr: 'watts', de: 'Watt', it: 'watt', nl: 'watt', ja: 'ワット', zh: '瓦', ko: '와트', hi: 'वॉट', ar: 'واط', id: 'watt',
      tr: 'vat',
    },
  },
  {
    re: 'GB',
    words: {
      pt: 'gigabytes', fr: 'gigaoctets', de: 'Gigabyte', it: 'gigabyte', nl: 'gigabyte', ja: 'ギガバイト', zh: '吉字节', ko: '기가바이트',
      hi: 'गीगाबाइट', ar: 'غيغابايت', id: 'gigabita', tr: 'gigabayt',
    },
  },
  {
    re: '(?:oz|OZ)',
    words: {
      pt: ['onça', 'onças'], fr: ['once', 'onces'], de: 'Unzen', it: ['oncia', 'once'], nl: 'ounce', ja: 'オンス', zh: '盎司', ko: '온스',
      hi: 'औंस', ar: 'أونصة', id: 'ons', tr: 'ons',
    },
  },
];

const DEGREES: Readonly<Record<string, readonly [string, string]>> = {
  pt: ['graus Celsius', 'graus Fahrenheit'], fr: ['degrés Celsius', 'degrés Fahrenheit'], de: ['Grad Celsius', 'Grad Fahrenheit'],
  it: ['gradi Celsius', 'gradi Fahrenheit'], nl: ['graden Celsius', 'graden Fahrenheit'], ja: ['ど', 'かし'], zh: ['摄氏度', '华氏度'],
  ko: ['도', '화씨'], hi: ['डिग्री सेल्सियस', 'डिग्री फ़ारेनहाइट'], ar: ['درجة مئوية', 'درجة فهرنهايت'], id: ['derajat Celsius', 'derajat Fahrenheit'],
  tr: ['santigrat derece', 'Fahrenheit derece'],
};

/** Languages whose unit words follow the number without a space. */
const TIGHT = new Set(['ja', 'zh', 'ko']);
/** Languages whose decimal separator is a comma. */
const COMMA_DECIMAL = new Set(['es', 'pt', 'fr', 'de', 'it', 'nl', 'id', 'tr']);

/** Arabic counted nouns: plural for 3–10, singular otherwise (11–99 take the singular). */
function arabicForm(n: number, forms: readonly [string, string]): string {
  const i = Math.round(n);
  return Number.isInteger(n) && i % 100 >= 3 && i % 100 <= 10 ? forms[1] : forms[0];
}

function form(lang: string, value: string, f: Forms): string {
  if (typeof f === 'string') return f;
  const n = Number(value.replace(',', '.'));
  if (lang === 'ar') return arabicForm(n, f);
  return n === 1 ? f[0] : f[1];
}

/**
 * Moves decimal separators to the language's convention. Only unambiguous decimals are touched
 * (one or two digits after the separator; three could be a thousands group).
 */
export function localDecimals(text: string, lang: string): string {
  if (COMMA_DECIMAL.has(lang)) return text.replace(/(?<![\d.,])(\d+)\.(\d{1,2})(?![\d.,]*\d)/g, '$1,$2');
  return text.replace(/(?<![\d.,])(\d+),(\d{1,2})(?![\d.,]*\d)/g, '$1.$2');
}

/** Units after numbers as words, for the languages in the table (en and es have their own). */
export function speakUnits(text: string, lang: string): string {
  let t = text;
  const deg = DEGREES[lang];
  if (deg) {
    const sep = TIGHT.has(lang) ? '' : ' ';
    if (lang === 'ko') {
      t = t.replace(/(\d+(?:[.,]\d+)?)\s?°\s?F\b/g, `${deg[1]} $1${deg[0]}`).replace(/(\d+(?:[.,]\d+)?)\s?°\s?C?\b/g, `$1${deg[0]}`);
    } else if (lang === 'ja') {
      t = t.replace(/(\d+(?:[.,]\d+)?)\s?°\s?F\b/g, `${deg[1]}$1ど`).replace(/(\d+(?:[.,]\d+)?)\s?°\s?C?(?![\p{L}])/gu, `$1${deg[0]}`);
    } else {
      t = t
        .replace(/(\d+(?:[.,]\d+)?)\s?°\s?C\b/g, `$1${sep}${deg[0]}`)
        .replace(/(\d+(?:[.,]\d+)?)\s?°\s?F\b/g, `$1${sep}${deg[1]}`);
    }
  }
  for (const u of UNITS) {
    const words = u.words[lang];
    if (!words) continue;
    const re = new RegExp(`(\\d+(?:[.,]\\d+)?)\\s?${u.re}(?![\\p{L}\\d])(?!\\s*\\d)`, `gu${u.flags ?? ''}`);
    t = t.replace(re, (_m, n: string) => `${n}${TIGHT.has(lang) ? '' : ' '}${form(lang, n, words)}`);
  }
  return t;
}
