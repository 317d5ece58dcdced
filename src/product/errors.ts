export type ImportErrorCode =
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'not-a-page'
  | 'bad-json'
  | 'no-product'
  | 'bad-url'
  | 'blocked'
  | 'timeout'
  | 'http'
  | 'not-html'
  | 'offline'
  | 'aborted';

/** Why a product could not be read from a link, a page or a file — in words for the user. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    /** A next step the user can take, shown under the message. */
    readonly hint?: string,
  ) {
    super(message);
  }
}
