/** What one source (JSON-LD, Open Graph, a shop's JSON…) says about the product. */
import type { HtmlNode } from './html.ts';

export type SourceId =
  | 'product-json'
  | 'shopify'
  | 'woocommerce'
  | 'json-ld'
  | 'microdata'
  | 'rdfa'
  | 'amazon'
  | 'open-graph'
  | 'twitter'
  | 'page';

/** Most trusted first. Structured product data beats social cards, which beat page heuristics. */
export const SOURCE_RANK: readonly SourceId[] = ['product-json', 'woocommerce', 'json-ld', 'microdata', 'rdfa', 'shopify', 'amazon', 'open-graph', 'twitter', 'page'];

export const SOURCE_LABEL: Record<SourceId, string> = {
  'product-json': 'product JSON',
  shopify: 'Shopify product JSON',
  woocommerce: 'WooCommerce Store API',
  'json-ld': 'JSON-LD',
  microdata: 'microdata',
  rdfa: 'RDFa',
  amazon: 'Amazon page layout',
  'open-graph': 'Open Graph',
  twitter: 'Twitter card',
  page: 'page content',
};

export interface ImageCandidate {
  url: string;
  /** Pixel width when the source states it (srcset `w`, og:image:width, JSON width). */
  width?: number;
}

export interface PriceCandidate {
  amount: number;
  currency?: string;
  /** How it was chosen, e.g. "lowest of 3 in-stock offers". */
  detail?: string;
}

export interface Candidate {
  source: SourceId;
  /** Which block/element, e.g. "block 2". */
  detail?: string;
  /** The source itself says this is a product (not merely a page with a title). */
  isProduct: boolean;
  name?: string;
  /** Raw description: HTML, plain text, or a subtree of the page. */
  description?: string | HtmlNode;
  features?: string[];
  /** Spec rows ("Material: steel"), used as features only when no source lists any. */
  specs?: string[];
  price?: PriceCandidate;
  brand?: string;
  /** Where on the page the brand was read, e.g. 'spec table “Marke”'. */
  brandDetail?: string;
  /** How the description was made, e.g. 'feature bullets'. */
  descriptionDetail?: string;
  images: ImageCandidate[];
  videos: string[];
  /** The product's own address, when stated. */
  url?: string;
}

export function emptyCandidate(source: SourceId, isProduct: boolean, detail?: string): Candidate {
  return { source, isProduct, images: [], videos: [], ...(detail ? { detail } : {}) };
}
