/**
 * The size a product picture is decoded at for the video: its longer side at most
 * DECODE_MAX_SIDE, aspect kept, never enlarged. The biggest place any layout draws a product
 * picture is the whole 1080p frame (1920 px on its long side), so 2048 px keeps every frame as
 * sharp as the frame can show while a 40-megapixel photo costs 16 MB decoded instead of 160 MB.
 */
export const DECODE_MAX_SIDE = 2048;

export function decodeSize(width: number, height: number, maxSide = DECODE_MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  if (scale === 1) return { width, height };
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
