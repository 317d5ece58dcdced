import { describe, expect, it } from 'vitest';
import { imageKey, isJunkImage, isVideoPlayerPage, largestInSrcset, largestVariant, parseSrcset, resolveUrl } from './urls.ts';

describe('resolving references', () => {
  it('resolves relative, root-relative and protocol-relative URLs against the page', () => {
    const base = 'https://shop.example/products/kettle?variant=2';
    expect(resolveUrl('img/a.jpg', base)).toBe('https://shop.example/products/img/a.jpg');
    expect(resolveUrl('/cdn/a.jpg', base)).toBe('https://shop.example/cdn/a.jpg');
    expect(resolveUrl('//cdn.shopify.com/a.jpg', base)).toBe('https://cdn.shopify.com/a.jpg');
    expect(resolveUrl('//cdn.shopify.com/a.jpg')).toBe('https://cdn.shopify.com/a.jpg');
    expect(resolveUrl('  https://x.example/a b.jpg \n')).toBe('https://x.example/a%20b.jpg');
  });

  it('refuses what is not a web resource', () => {
    for (const ref of ['data:image/png;base64,AAA', 'javascript:alert(1)', 'blob:https://x/1', 'mailto:a@b', '#top', '', 'relative/without/base.jpg']) expect(resolveUrl(ref)).toBeNull();
    expect(resolveUrl('file:///etc/passwd', 'https://shop.example/')).toBeNull();
    expect(resolveUrl('pics/a.jpg', 'file:///home/me/page.html')).toBe('file:///home/me/pics/a.jpg');
  });
});

describe('srcset', () => {
  it('parses width and density descriptors, and URLs containing commas', () => {
    expect(parseSrcset('a.jpg 100w, b.jpg 800w,c.jpg 400w')).toEqual([{ url: 'a.jpg', w: 100 }, { url: 'b.jpg', w: 800 }, { url: 'c.jpg', w: 400 }]);
    expect(parseSrcset('a.jpg, b.jpg 2x')).toEqual([{ url: 'a.jpg' }, { url: 'b.jpg', x: 2 }]);
    expect(parseSrcset('https://res.cloudinary.com/x/image/upload/w_300,h_300/a.jpg 300w, https://res.cloudinary.com/x/image/upload/w_900,h_900/a.jpg 900w')).toEqual([
      { url: 'https://res.cloudinary.com/x/image/upload/w_300,h_300/a.jpg', w: 300 },
      { url: 'https://res.cloudinary.com/x/image/upload/w_900,h_900/a.jpg', w: 900 },
    ]);
    expect(largestInSrcset('a.jpg 1x, b.jpg 3x, c.jpg 2x')?.url).toBe('b.jpg');
  });
});

describe('largest variant of shop-CDN images', () => {
  const cases: Array<[string, string]> = [
    ['https://cdn.shopify.com/s/files/1/0612/products/tote_300x300.jpg?v=17', 'https://cdn.shopify.com/s/files/1/0612/products/tote.jpg?v=17'],
    ['https://cdn.shopify.com/s/files/1/0612/products/tote_1024x1024@2x.jpg?v=17', 'https://cdn.shopify.com/s/files/1/0612/products/tote.jpg?v=17'],
    ['https://cdn.shopify.com/s/files/1/0612/products/tote_grande.png', 'https://cdn.shopify.com/s/files/1/0612/products/tote.png'],
    ['https://cdn.shopify.com/s/files/1/0612/products/tote_x200_crop_center.jpg', 'https://cdn.shopify.com/s/files/1/0612/products/tote.jpg'],
    ['https://shop.example/cdn/shop/files/k.jpg?v=1&width=493', 'https://shop.example/cdn/shop/files/k.jpg?v=1'],
    ['https://x.example/wp-content/uploads/2024/03/mug-300x300.jpg', 'https://x.example/wp-content/uploads/2024/03/mug.jpg'],
    ['https://m.media-amazon.com/images/I/71Vx1abcD2L._AC_SX679_.jpg', 'https://m.media-amazon.com/images/I/71Vx1abcD2L.jpg'],
    ['https://i.etsystatic.com/1/c/2000/1589/0/0/il/ab/4/il_340x270.4_ab.jpg', 'https://i.etsystatic.com/1/r/il/ab/4/il_fullxfull.4_ab.jpg'],
    ['https://i.ebayimg.com/images/g/AbC/s-l300.jpg', 'https://i.ebayimg.com/images/g/AbC/s-l1600.jpg'],
    ['https://ae01.alicdn.com/kf/Habc.jpg_220x220.jpg_.webp', 'https://ae01.alicdn.com/kf/Habc.jpg'],
    ['https://res.cloudinary.com/s/image/upload/w_400,h_400,c_pad/v1699/a/front.jpg', 'https://res.cloudinary.com/s/image/upload/v1699/a/front.jpg'],
    ['https://m.example/media/catalog/product/cache/a4e40ebd/t/r/shoe.jpg', 'https://m.example/media/catalog/product/t/r/shoe.jpg'],
    ['https://cdn11.bigcommerce.com/s-1/images/stencil/500x659/products/1/2/a__1.2.jpg?c=2', 'https://cdn11.bigcommerce.com/s-1/images/stencil/original/products/1/2/a__1.2.jpg?c=2'],
    ['https://static.wixstatic.com/media/ab12.jpg/v1/fill/w_300,h_300,al_c/ab12.jpg', 'https://static.wixstatic.com/media/ab12.jpg'],
    ['https://images.example/a.jpg?format=750w', 'https://images.example/a.jpg'],
    ['https://images.example/a.jpg?format=jpg&w=300&h=300&fit=crop&utm_source=x', 'https://images.example/a.jpg?format=jpg'],
    ['https://s7d9.scene7.com/is/image/brand/sku123?$pdp-thumb$', 'https://s7d9.scene7.com/is/image/brand/sku123'],
    ['https://www.shop.fr/141-home_default/sac.jpg', 'https://www.shop.fr/141-large_default/sac.jpg'],
    ['https://tshop.r10s.jp/s/cabinet/a.jpg?fitin=720%3A720', 'https://shop.r10s.jp/s/cabinet/a.jpg'],
  ];
  it.each(cases)('%s', (input, expected) => expect(largestVariant(input)).toBe(expected));

  it('treats size copies of one picture as the same image, and different pictures as different', () => {
    expect(imageKey('http://x.example/media/a_800x800.jpg')).toBe(imageKey('https://x.example/media/a.jpg'));
    expect(imageKey('https://x.example/wp-content/uploads/a-scaled.jpg')).toBe(imageKey('https://x.example/wp-content/uploads/a-150x150.jpg'));
    expect(imageKey('https://cdn.shopify.com/a.jpg?v=1')).toBe(imageKey('https://cdn.shopify.com/a.jpg?v=2'));
    expect(imageKey('https://x.example/img.php?id=1')).not.toBe(imageKey('https://x.example/img.php?id=2'));
  });

  it('recognises junk images and video player pages', () => {
    expect(isJunkImage('https://x.example/assets/logo.png')).toBe(true);
    expect(isJunkImage('https://x.example/assets/spacer.gif')).toBe(true);
    expect(isJunkImage('https://x.example/a/visa.svg')).toBe(true);
    expect(isJunkImage('https://www.facebook.com/tr?id=1&ev=PageView')).toBe(true);
    expect(isJunkImage('https://x.example/products/kettle-hero.jpg')).toBe(false);
    expect(isVideoPlayerPage('https://www.youtube.com/watch?v=abc')).toBe(true);
    expect(isVideoPlayerPage('https://player.vimeo.com/video/1')).toBe(true);
    expect(isVideoPlayerPage('https://cdn.example/v/demo.mp4')).toBe(false);
  });
});
