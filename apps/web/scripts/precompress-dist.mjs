// Writes a Brotli (.br) and a gzip (.gz) copy next to every text file of the build, so the BFF (@fastify/static
// with preCompressed) can answer `Accept-Encoding: br` or `gzip` without compressing on each request. The widget's
// JavaScript is ~280 KB as written and ~75 KB as Brotli: on a slow phone connection that is a second saved.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT_FILE = /\.(?:js|mjs|css|html|svg|json|map)$/;
/** Below about one packet compression saves no round trip and costs a file. */
const MIN_BYTES = 1024;

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    // .vite/ holds the build manifests, which are never served.
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.')) yield* filesUnder(path);
    }
    else yield path;
  }
}

function precompressDist(distDir) {
  let written = 0;
  for (const path of filesUnder(distDir)) {
    if (!TEXT_FILE.test(path) || statSync(path).size < MIN_BYTES) continue;
    const content = readFileSync(path);
    writeFileSync(`${path}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }));
    writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
    written += 1;
  }
  return written;
}

const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
const count = precompressDist(distDir);
// `--quiet` for `npm start`, which should print the URL and nothing of the build.
if (!process.argv.includes('--quiet')) process.stdout.write(`precompressed ${count} files in ${distDir}\n`);
