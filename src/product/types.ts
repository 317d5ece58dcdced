/** A product image held by the app: the bytes live in storage, this is the reference. */
export interface ProductImage {
  /** Stable id; also the key of the blob in the media store. */
  id: string;
  name: string;
  mime: string;
  width: number;
  height: number;
  /** Whether the user picked it for the video (at least 2 must be). */
  selected: boolean;
}

/** The product's own video (optional); the bytes live in the media store under `id`. */
export interface ProductVideo {
  id: string;
  name: string;
  /** Always one this browser can play: a video it cannot decode is converted to H.264 MP4 first. */
  mime: string;
  width: number;
  height: number;
  /** Seconds. */
  duration: number;
  /** Bytes. */
  size: number;
  /** mediabunny's codec name ('avc', 'vp9'…). */
  codec: string | null;
  /** The link it was downloaded from, when it came from the product page. */
  url?: string;
  /** The original's codec when it was converted (e.g. 'prores', 'hevc'). */
  convertedFrom?: string;
}

export interface Product {
  name: string;
  description: string;
  features: string[];
  price?: string;
  brand?: string;
  images: ProductImage[];
  video?: ProductVideo;
}
