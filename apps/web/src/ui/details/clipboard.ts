/** Copying a value or the XML to the system clipboard: one seam, so tests can stand in for it. */

/** Puts `text` on the clipboard; rejects with a reason a person can read. */
export type CopyText = (text: string) => Promise<void>;

/** Thrown when the page has no clipboard: the pane says so in the page's language. */
export class NoClipboardError extends Error {
  constructor() {
    super('this page has no clipboard access (it needs https or 127.0.0.1)');
    this.name = 'NoClipboardError';
  }
}

/** The browser's clipboard. It needs a secure page: https, or http on 127.0.0.1 as served. */
export const copyToClipboard: CopyText = async (text) => {
  const clipboard = globalThis.navigator?.clipboard;
  if (clipboard === undefined) throw new NoClipboardError();
  await clipboard.writeText(text);
};
