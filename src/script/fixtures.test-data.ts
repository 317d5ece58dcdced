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
