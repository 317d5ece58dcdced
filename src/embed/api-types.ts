/**
 * The public types of the embed job API, written out plainly (no schema library) so the host
 * SDK's type declarations stand alone. protocol.ts checks at compile time that its schemas
 * produce exactly these.
 */

export type JobType = 'product_anyshot' | 'product_avatar';
export type AspectRatio = '9x16' | '16x9' | '1x1';
export type MotionStyle = 'talking' | 'display';
export type JobStatus = 'initializing' | 'image_generating' | 'image_generated' | 'video_generating' | 'video_generated' | 'failed';

/** What a host sends in `create_job`: the job model's input fields, plus product data. */
export interface JobRequest {
  type: JobType;
  /** A product page; fetched from the widget (CORS permitting). Needed when `product` is absent. */
  product_url?: string | null | undefined;
  /** Default "9x16". */
  aspect_ratio?: AspectRatio | undefined;
  /** A presenter id (list_avatars); product_avatar only. Default: the best match. */
  override_avatar?: string | null | undefined;
  /** A sample image of the product, shown first. */
  product_showcase_url?: string | null | undefined;
  /** Steers palette and layout (see the README's keyword table). */
  image_prompt?: string | null | undefined;
  /** Steers pace, structure and voice (see the README's keyword table). */
  video_prompt?: string | null | undefined;
  /** Default "talking"; "display" keeps the product on screen. */
  motion_style?: MotionStyle | undefined;
  /** POSTed the job JSON when it ends (video_generated or failed). */
  webhook_url?: string | null | undefined;
  product?:
    | {
        name: string;
        description?: string | undefined;
        features?: string[] | undefined;
        price?: string | undefined;
        brand?: string | undefined;
        /** URLs (fetched by the widget, CORS permitting) or Blobs; PNG/JPEG under 10 MB. */
        images?: (string | Blob)[] | undefined;
      }
    | undefined;
  /** Seconds, default 30. */
  duration?: 15 | 30 | 60 | undefined;
  /** Script language, default "en". */
  language?: string | undefined;
  /** A voiceover to use as written, instead of a generated script. */
  script?: string | undefined;
  /**
   * The voice: a built-in voice id ("en-us-f") or a natural voice's catalog id (installed in
   * this widget's browser storage; the job fails with voice_failed if it is not). Default: a
   * built-in voice chosen by the presenter or the video_prompt.
   */
  voice?: string | undefined;
  /** Output height (or width, for 16:9), default 1080. */
  resolution?: 720 | 1080 | undefined;
}

/** A job as the widget reports it: every job-model field, plus progress and time left. */
export interface JobView {
  id: string;
  type: JobType;
  product_url: string | null;
  aspect_ratio: AspectRatio;
  override_avatar: string | null;
  product_showcase_url: string | null;
  image_prompt: string | null;
  video_prompt: string | null;
  motion_style: MotionStyle;
  status: JobStatus;
  failed_reason: string | null;
  /** blob: URLs inside the widget; get_photo / get_video give the bytes. */
  generated_photo_url: string | null;
  generated_video_url: string | null;
  /** ISO 8601. */
  created_at: string;
  updated_at: string;
  webhook_url: string | null;
  /** 0..1, never decreasing. */
  progress: number;
  /** Seconds until the video is expected; null when failed or not known. */
  eta_seconds: number | null;
  /** Why it failed, for programs: cancelled, bad_product_url, product_url_unsupported, invalid_product, bad_image, voice_failed, render_failed, storage, internal. */
  failed_code: string | null;
  /** The presenter used (override or best match); null for product_anyshot. */
  avatar: string | null;
  product_name: string | null;
  duration: 15 | 30 | 60;
  language: string;
  resolution: 720 | 1080;
  /** Length of the video, once made. */
  video_seconds: number | null;
  webhook_status: 'none' | 'pending' | 'delivered' | 'failed';
}

export interface Capabilities {
  protocols: string[];
  job_types: JobType[];
  aspect_ratios: AspectRatio[];
  durations: number[];
  resolutions: number[];
  motion_styles: MotionStyle[];
  /** The widget page is cross-origin isolated (rare inside a third-party iframe). */
  cross_origin_isolated: boolean;
  /** Runtimes run single-threaded (no SharedArrayBuffer); everything still works. */
  single_threaded: boolean;
  webcodecs: boolean;
  /** product_url pages are fetched (CORS permitting), and parsed only when `parse` is true. */
  product_url: { fetch: boolean; parse: boolean };
  webhooks: boolean;
  message_channel: boolean;
  max_data_bytes: number;
  max_image_bytes: number;
  max_images: number;
}

export interface AvatarInfo {
  id: string;
  name: string;
  gender: 'female' | 'male';
  description: string;
  kind: string;
  outfit: string;
  hair: string;
}

export interface AvatarFilter {
  gender?: 'female' | 'male' | undefined;
  query?: string | undefined;
}
