/**
 * Shop noise in English, which pages in every language carry (shipping, returns, promo codes,
 * ratings, legal lines): never a selling point, in any language.
 */
export const COMMON_JUNK: readonly RegExp[] = [
    /\b(free|fast|quick|express)\s+(shipping|delivery|returns?)\b/i,
    /\b(shipping|shipped|ships|dispatch(ed)?|delivery|deliveries|refunds?|return polic(y|ies)|money[- ]back)\b/i,
    /\b(add to (cart|bag|basket)|buy now|order now|shop now|click (here|below|the|to|on)|tap here|checkout|coupon|promo code|discount|% off|sale ends|limited time|while supplies last)\b/i,
    /\b(customer (service|support)|contact us|email us|message us|reach out to us|dm us)\b/i,
    /\b(sku|upc|ean|asin|model (no|number)|item (no|number)|part number)\b/i,
    /\b(disclaimer|please note|please allow|colou?rs? may (vary|differ)|due to (monitor|screen|lighting)|actual (colou?r|product) may|for reference only|manual measurement)\b/i,
    /\b(lorem ipsum|dolor sit amet)\b/i,
    /\b(copyright|all rights reserved|terms (and|&) conditions|privacy policy|cookie policy|we use cookies)\b/i,
    /\b(reviews?|rated \d|\d(\.\d)? out of 5|\d(\.\d)?[- ]stars?|star rating|customer ratings?|best[- ]?sell(er|ers|ing)|#1 (best|selling))\b/i,
];
