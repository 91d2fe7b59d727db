/**
 * `evtxhunt web [--port N]`: serves the browser workbench (apps/web/site) on 127.0.0.1 only,
 * for machines where nothing may be installed or uploaded. Static files only: no directory
 * listings, nothing outside the site's folder, the page's Content-Security-Policy sent again
 * as a header, and requests naming another host refused.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { ParsedArgs } from '../args.js';
import type { Command } from '../command.js';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../errors.js';
import { escapeText } from '../escape.js';
import type { Io } from '../io.js';

const HELP = `Usage: evtxhunt web [--port N]

Serves the browser workbench on http://127.0.0.1 only, and prints its address. Logs opened
in the page are read by the browser itself; nothing is uploaded, not even to this server.

Options:
  --port N    the port to listen on (default 8417; 0 picks a free one)
  -h, --help  show this help

Runs until stopped (Ctrl-C). Exit status: 2 when the app is not built or the port is taken.`;

/** The policy of the page, identical to the meta element in apps/web/static/index.html. */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const DEFAULT_PORT = 8417;
const HOST = '127.0.0.1';

/** The built site, from this file's place in packages/cli/dist/src/commands. */
export const SITE_ROOT = fileURLToPath(new URL('../../../../../apps/web/site/', import.meta.url));

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.evtx': 'application/octet-stream',
};

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': WEB_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
};

/** A running site server. */
export interface SiteServer {
  /** `http://127.0.0.1:PORT/`. */
  readonly url: string;
  readonly port: number;
  /** Settles once the server has stopped. */
  readonly closed: Promise<void>;
  close(): Promise<void>;
}

/** Serves the files under `root` on 127.0.0.1:`port` (0: any free port). */
export async function startSiteServer(root: string, port: number): Promise<SiteServer> {
  const realRoot = await realpath(root);
  const server = createServer((request, response) => {
    const address = server.address() as AddressInfo;
    void serve(realRoot, address.port, request, response);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, HOST, () => done());
  });

  const bound = (server.address() as AddressInfo).port;
  const closed = new Promise<void>((done) => server.once('close', () => done()));
  const close = () => {
    server.close();
    server.closeAllConnections();
    return closed;
  };
  return { url: `http://${HOST}:${bound}/`, port: bound, closed, close };
}

async function serve(
  root: string,
  port: number,
  request: IncomingMessage,
  response: ServerResponse,
) {
  const refusal = refuse(request, port);
  if (refusal !== undefined) return reply(response, refusal[0], refusal[1]);

  const path = requestPath(request.url ?? '/');
  if (path === undefined) return reply(response, 400, 'bad request path');
  const file = await siteFile(root, path);
  if (typeof file === 'number')
    return reply(response, file, file === 403 ? 'forbidden' : 'not found');

  const type = MIME_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream';
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Content-Length': file.size,
  });
  if (request.method === 'HEAD') return response.end();
  createReadStream(file.path)
    .on('error', () => response.destroy())
    .pipe(response);
}

/** Why a request is refused before any path is looked at: its method or its Host. */
function refuse(request: IncomingMessage, port: number): [number, string] | undefined {
  if (request.method !== 'GET' && request.method !== 'HEAD') return [405, 'only GET and HEAD'];
  // A page on another site that re-points its own name at 127.0.0.1 still sends its name.
  const hosts = [`${HOST}:${port}`, `localhost:${port}`];
  if (!hosts.includes(request.headers.host ?? '')) return [421, 'wrong host'];
  return undefined;
}

/** The decoded path of a request URL, `/` meaning the page; undefined when malformed. */
export function requestPath(url: string): string | undefined {
  try {
    const pathname = decodeURIComponent(new URL(url, `http://${HOST}`).pathname);
    if (pathname.includes('\0')) return undefined;
    return pathname.endsWith('/') ? `${pathname}index.html` : pathname;
  } catch {
    return undefined;
  }
}

/** The regular file `path` names under `root`, or 403 (outside the root) or 404. */
async function siteFile(
  root: string,
  path: string,
): Promise<{ path: string; size: number } | number> {
  const wanted = resolve(root, `.${path}`);
  if (!isInside(root, wanted)) return 403;
  try {
    const real = await realpath(wanted);
    if (!isInside(root, real)) return 403;
    const info = await stat(real);
    return info.isFile() ? { path: real, size: info.size } : 404;
  } catch {
    return 404;
  }
}

function isInside(root: string, path: string): boolean {
  return path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

function reply(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(`${status} ${text}\n`);
}

function portOption(args: ParsedArgs): number {
  const text = args.values.get('port');
  if (text === undefined) return DEFAULT_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new UsageError(`option '--port' needs a number from 0 to 65535, not '${text}'`);
  }
  return port;
}

async function run(args: ParsedArgs, io: Io): Promise<number> {
  if (args.positionals.length > 0)
    throw new UsageError('web takes no files: open them in the page');
  const port = portOption(args);

  let server: SiteServer;
  try {
    await stat(`${SITE_ROOT}index.html`);
    server = await startSiteServer(SITE_ROOT, port);
  } catch (error) {
    await io.err.write(`evtxhunt: ${escapeText(startProblem(error, port))}\n`);
    return EXIT_FAILED;
  }
  await io.out.write(
    `evtxhunt workbench: ${server.url}\nServing on 127.0.0.1 only; Ctrl-C stops it.\n`,
  );
  await server.closed;
  return EXIT_OK;
}

function startProblem(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT')
    return `the web app is not built (no ${SITE_ROOT}index.html); run 'npm run build'`;
  if (code === 'EADDRINUSE') return `port ${port} on ${HOST} is taken; try --port 0`;
  return `cannot serve the web app: ${String(error)}`;
}

/** The web command. */
export const webCommand: Command = {
  name: 'web',
  summary: 'serve the browser workbench on 127.0.0.1',
  help: HELP,
  options: [{ name: 'port', kind: 'value' }],
  run,
};
