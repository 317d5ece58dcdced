/** Loopback http is allowed for links (a model server on this computer); anything else must be https. */
export function linkUrlProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'Enter the full address of the model file, starting with https://.';
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  if (u.protocol === 'https:' || (u.protocol === 'http:' && loopback)) return null;
  return 'Only https:// addresses (or http:// on this computer) can be downloaded.';
}
