import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { explorerContentSecurityPolicy, renderExplorerPage } from '@initscope/report';
import { activations, bookInits, initPresets, parseActivation } from '@initscope/sim';
import type { CommandIO, ExploreFlags } from './flags.js';
import { checkOutput, writeOutputs } from './output/index.js';
import { UsageError } from './usage-error.js';

const require = createRequire(import.meta.url);

/** The worker bundle (sim + core-wasm) that the cli build writes next to its own dist files. */
const workerBundleUrl = new URL('../dist/explorer-worker.js', import.meta.url);

/** Builds the self-contained explorer page: the worker bundle and the WASM handed to report as text. */
export function explorerPage(lang: ExploreFlags['lang']): string {
  let workerScript: string;
  try {
    workerScript = readFileSync(workerBundleUrl, 'utf8');
  } catch {
    throw new Error(
      `The explorer's worker bundle ${workerBundleUrl.pathname} is missing: build it with npm run build -w @initscope/cli.`,
    );
  }
  const wasm = readFileSync(require.resolve('@initscope/core-wasm/release.wasm'));
  return renderExplorerPage({
    lang,
    workerScript,
    wasmBase64: wasm.toString('base64'),
    activations,
    inits: [
      ...bookInits,
      ...initPresets.filter((id) => !(bookInits as readonly string[]).includes(id)),
    ],
    alphaActivations: activations.filter((name) => parseActivation(name).alpha !== undefined),
  });
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new UsageError(`Invalid --port "${text}": expected an integer from 0 to 65535.`);
  }
  return port;
}

/** `initscope explore`: write the live explorer page, or serve it on localhost until Ctrl-C. */
export async function exploreCommand(flags: ExploreFlags, io: CommandIO): Promise<void> {
  if (flags.port !== undefined && !flags.serve) {
    throw new UsageError('Invalid --port without --serve: --port only sets where --serve listens.');
  }
  if (flags.serve) {
    const port = parsePort(flags.port ?? '8080');
    const html = explorerPage(flags.lang);
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || (request.url ?? '/').split(/[?#]/)[0] !== '/') {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
        return;
      }
      response
        .writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': explorerContentSecurityPolicy,
          'cache-control': 'no-store',
        })
        .end(html);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    io.stdout.write(`Explorer: http://127.0.0.1:${actual}/ (Ctrl-C to stop)\n`);
    await new Promise<void>((resolve) => {
      if (io.signal?.aborted) resolve();
      io.signal?.addEventListener('abort', () => resolve(), { once: true });
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    return;
  }
  const out = checkOutput('--out', flags.out);
  await writeOutputs([[out, explorerPage(flags.lang)]], io);
  if (!flags.quiet && out.kind !== 'stdout') io.stdout.write(`Explorer: ${out.path}\n`);
}
