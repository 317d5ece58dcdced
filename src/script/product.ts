import type { Product } from '../product/types.ts';
import type { ScriptProduct } from './generate.ts';

/**
 * The generator's view of a product. `imageCount` counts the images the video will show: the
 * selected ones (or all of them when none is selected), so scene hints index that list.
 */
export function toScriptProduct(product: Product): ScriptProduct {
  const selected = product.images.filter((i) => i.selected).length;
  return {
    name: product.name,
    description: product.description,
    features: product.features,
    imageCount: selected || product.images.length,
    ...(product.price ? { price: product.price } : {}),
    ...(product.brand ? { brand: product.brand } : {}),
  };
}
