/**
 * Test fixture: a JPEG with an EXIF Orientation tag put in front of its other segments, the
 * way a phone writes a portrait photo stored sideways. (No exiftool here; the bytes are a
 * minimal APP1 "Exif" segment holding one big-endian IFD entry.)
 */
export function withExifOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const body = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const len = body.length + 2;
  const app1 = [0xff, 0xe1, len >> 8, len & 0xff, ...body];
  const out = new Uint8Array(jpeg.length + app1.length);
  out.set(jpeg.subarray(0, 2));
  out.set(app1, 2);
  out.set(jpeg.subarray(2), 2 + app1.length);
  return out;
}
