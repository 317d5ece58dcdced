/**
 * Reading a fetched `product_url` page with the product stage's parsers (JSON-LD, Open Graph,
 * microdata, shop JSON…; src/product), in a worker of their own. A page they cannot read fails
 * the job with their reason (failed_code "bad_product_url").
 */
import { parseInWorker } from '../product/parse-client.ts';
import { JobFailure, type PageParser } from './manager.ts';

export const productPageParser: PageParser | null = async (page, signal) => {
  try {
    const { product } = await parseInWorker({ bytes: page.bytes, url: page.url, ...(page.contentType ? { contentType: page.contentType } : {}) }, signal);
    if (!product.name.trim()) return null;
    return {
      name: product.name,
      description: product.description,
      features: product.features,
      ...(product.priceText || product.price ? { price: product.priceText ?? product.price! } : {}),
      ...(product.brand ? { brand: product.brand } : {}),
      images: product.images,
    };
  } catch (err) {
    const e = err as { name?: string; code?: string; message?: string };
    if (e?.name === 'ImportError' && e.code === 'aborted') throw err;
    if (e?.name === 'ImportError' && e.code === 'no-product') return null;
    throw new JobFailure('bad_product_url', `The product page at ${page.url} could not be read: ${e?.message ?? String(err)}`);
  }
};
