/**
 * What a presenter says in the library's preview, per script language (primary subtag). Short,
 * natural, and speakable by the built-in voice (Japanese in kana, Arabic with vowel marks).
 */
const LINES: Record<string, (name: string, female: boolean) => string> = {
  en: (n) => `Hi, I'm ${n}. Let me show you something you'll love.`,
  es: (n) => `Hola, soy ${n}. Déjame enseñarte algo que te va a encantar.`,
  pt: (n) => `Olá, eu sou ${n}. Deixa eu te mostrar algo que você vai adorar.`,
  fr: (n) => `Bonjour, je suis ${n}. Je vais vous montrer quelque chose que vous allez adorer.`,
  de: (n) => `Hallo, ich bin ${n}. Ich zeige dir etwas, das du lieben wirst.`,
  it: (n) => `Ciao, sono ${n}. Lascia che ti mostri qualcosa che amerai.`,
  nl: (n) => `Hoi, ik ben ${n}. Ik laat je iets zien waar je dol op wordt.`,
  ja: () => 'こんにちは。あなたに ぴったりの ものを ごしょうかいします。',
  zh: (n) => `你好，我是${n}。让我给你介绍一件你会喜欢的好东西。`,
  ko: (n) => `안녕하세요, 저는 ${n}입니다. 마음에 드실 제품을 소개해 드릴게요.`,
  hi: (n, f) => `नमस्ते, मैं ${n} हूँ। चलिए, आपको कुछ ऐसा ${f ? 'दिखाती' : 'दिखाता'} हूँ जो आपको पसंद आएगा।`,
  ar: () => 'مَرْحَبًا! دَعْنِي أُرِيكَ شَيْئًا سَيُعْجِبُكَ.',
  id: (n) => `Halo, saya ${n}. Biar saya tunjukkan sesuatu yang akan kamu suka.`,
  tr: (n) => `Merhaba, ben ${n}. Size seveceğiniz bir şey göstereyim.`,
};

/** The sample line for a presenter (first name only) in a language; English if none. */
export function sampleLine(language: string, name: string, female: boolean): string {
  const first = name.split(' · ')[0]!.trim();
  const lang = language.toLowerCase().split('-')[0]!;
  return (LINES[lang] ?? LINES.en!)(first, female);
}
