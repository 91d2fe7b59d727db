/**
 * The messages between the page and its hash worker, keyed on `kind` with the request id they
 * answer: hash a file (a Blob, which crosses without its bytes being copied), or stop hashing it.
 */

/** Hash `file` and answer with its SHA-256. */
export interface HashRequest {
  readonly kind: 'hash';
  readonly id: number;
  readonly file: Blob;
  readonly name: string;
}

/** Stop hashing request `id`; it is answered as failed. */
export interface StopHashRequest {
  readonly kind: 'stop';
  readonly id: number;
}

/** What the page asks of the hash worker. */
export type HashWorkerRequest = HashRequest | StopHashRequest;

/** The SHA-256 of request `id`'s file, 64 lower-case hex digits. */
export interface HashedReply {
  readonly kind: 'hashed';
  readonly id: number;
  readonly sha256: string;
}

/** Request `id` could not be hashed (the file could not be read, or it was stopped). */
export interface HashFailedReply {
  readonly kind: 'failed';
  readonly id: number;
  readonly message: string;
}

/** What the hash worker answers. */
export type HashWorkerReply = HashedReply | HashFailedReply;
