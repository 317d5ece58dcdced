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

export interface Product {
  name: string;
  description: string;
  features: string[];
  price?: string;
  brand?: string;
  images: ProductImage[];
}
