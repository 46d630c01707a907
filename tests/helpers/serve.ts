/**
 * A static file server for built sites, as any static host serves them:
 * `/path/` → `path/index.html`, unknown paths → 404 with `404.html`. With a
 * base path, as GitHub Pages serves a project site: the site's files under
 * `/<base>/` only, and the host's bare 404 for any other path.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateRedirectsEvaluator } from 'redirects-in-workers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.svg', '.xml', '.txt', '.webmanifest']);

/** Long caching for fingerprinted and index files, as the site's `_headers` asks of a host. */
function cacheControl(path: string): string {
  if (path.startsWith('/_astro/')) return 'public, max-age=31536000, immutable';
  if (/^\/pagefind[^/]*\//u.test(path)) return 'public, max-age=86400';
  return 'no-cache';
}

/**
 * `_redirects` read by Cloudflare's own parser (its workers-shared code, as the redirects-in-workers package ships
 * it): the evaluator, and what it refused or skipped (it only says so, in a warning).
 */
export function parseCloudflareRedirects(rules: string): { evaluate: ReturnType<typeof generateRedirectsEvaluator>; refused: string[] } {
  const { warn, log } = console;
  const refused: string[] = [];
  console.warn = (...message: unknown[]) => refused.push(message.join(' '));
  console.log = () => undefined;
  try {
    return { evaluate: generateRedirectsEvaluator(rules), refused };
  } finally {
    Object.assign(console, { warn, log });
  }
}

/** Where Cloudflare's evaluator sends `url`, or null when no rule applies. */
export async function cloudflareRedirect(evaluate: ReturnType<typeof generateRedirectsEvaluator>, url: string): Promise<Response | null> {
  return (await evaluate(new Request(url), { fetch: () => Promise.resolve(new Response()) })) ?? null;
}

/** Cloudflare's evaluator of `_redirects` rules; a rule it refuses is an error. */
function cloudflareRedirects(rules: string): ReturnType<typeof generateRedirectsEvaluator> {
  const { evaluate, refused } = parseCloudflareRedirects(rules);
  if (refused.length) throw new Error(`Cloudflare Pages would refuse rules of _redirects: ${refused.join(' ')}`);
  return evaluate;
}

/**
 * Serve `dir` on a free loopback port; resolves to the origin and a `close`
 * function. With `{ host: true }` it behaves like a production host:
 * gzip for text and cache headers (for the benchmark and Lighthouse). With
 * `{ base: '/reader/' }` the site is at that path. With `{ redirects: true }`
 * the site's `_redirects` rules apply first, as Cloudflare Pages applies them.
 */
export async function serve(
  dir: string,
  options: { host?: boolean; base?: string; redirects?: boolean } = {},
): Promise<{
  origin: string;
  close: () => Promise<void>;
  bytesSent: () => number;
  responses: () => number;
  sentSince: (mark: number, match: RegExp) => number;
}> {
  let sent = 0;
  /** Every body sent (host mode): its path and bytes on the wire. */
  const log: { path: string; bytes: number }[] = [];
  const base = options.base ?? '/';
  // As Cloudflare Pages applies the site's `_redirects`, with its own rules engine, before any file.
  const redirectsFile = join(dir, '_redirects');
  const redirect = options.redirects && existsSync(redirectsFile) ? cloudflareRedirects(readFileSync(redirectsFile, 'utf8')) : undefined;
  const respond = async (req: IncomingMessage, res: ServerResponse) => {
    if (redirect) {
      const to = await cloudflareRedirect(redirect, new URL(req.url ?? '/', 'http://localhost').href);
      if (to) {
        res.writeHead(to.status, { location: to.headers.get('location') ?? '/' }).end();
        return;
      }
    }
    const requested = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!`${requested}/`.startsWith(base)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: outside the site');
      return;
    }
    const path = `/${requested.slice(base.length)}`;
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) {
      const notFound = join(dir, '404.html');
      if (existsSync(notFound)) {
        res.writeHead(404, { 'content-type': TYPES['.html']! });
        createReadStream(notFound).pipe(res);
      } else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (options.host) {
      const headers: Record<string, string> = { 'content-type': type, 'cache-control': cacheControl(path) };
      let body = readFileSync(file);
      if (COMPRESSIBLE.has(extname(file)) && /gzip/u.test(String(req.headers['accept-encoding']))) {
        body = gzipSync(body);
        headers['content-encoding'] = 'gzip';
      }
      sent += body.length;
      log.push({ path, bytes: body.length });
      res.writeHead(200, headers).end(body);
      return;
    }
    res.writeHead(200, { 'content-type': type });
    createReadStream(file).pipe(res);
  };
  const server: Server = createServer((req, res) => void respond(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    /** Body bytes sent so far (in host mode: as on the wire, gzip included). */
    bytesSent: () => sent,
    /** How many responses were sent so far (host mode): a mark for `sentSince`. */
    responses: () => log.length,
    /** Bytes sent (host mode) for paths matching `match` since the response count was `mark`. */
    sentSince: (mark: number, match: RegExp) =>
      log
        .slice(mark)
        .filter((r) => match.test(r.path))
        .reduce((a, r) => a + r.bytes, 0),
  };
}
