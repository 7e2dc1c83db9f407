// What a host page downloads before the widget can show anything: widget.js with every chunk it imports
// statically, and its stylesheet, gzip-compressed as a server would send them. Lazily loaded chunks (other
// languages) are not counted. Reads the manifests `npm run build` writes; used by check-bundle-budgets.mjs and
// the benchmark (bench/widget.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const defaultDist = fileURLToPath(new URL('../dist/', import.meta.url));

function gzipBytes(dist, file) {
  return gzipSync(readFileSync(new URL(file, `file://${dist}`))).length;
}

/** The initial files of one manifest entry: its own file and its static imports, transitively, plus their CSS. */
function initialFiles(manifest, entryKey) {
  const js = new Set();
  const css = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest: run \`npm run build -w @pi-enroll/web\` first`);
    if (js.has(chunk.file)) return;
    js.add(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entryKey);
  return { js: [...js], css: [...css] };
}

function readManifest(dist, name) {
  try {
    return JSON.parse(readFileSync(`${dist}.vite/${name}`, 'utf8'));
  } catch (cause) {
    throw new Error(`No ${name} in ${dist}: run \`npm run build -w @pi-enroll/web\` first`, { cause });
  }
}

function measure(dist, manifest, entryKey) {
  const files = initialFiles(manifest, entryKey);
  const sum = (list) => list.reduce((total, file) => total + gzipBytes(dist, file), 0);
  return { files, initialJsGzipBytes: sum(files.js), cssGzipBytes: sum(files.css) };
}

/** The script-tag widget (widget.js + widget.css). */
export function measureWidgetBundle(dist = defaultDist) {
  return measure(dist, readManifest(dist, 'widget-manifest.json'), 'src/app/widget.tsx');
}

/** A page of the pages build (`index.html`, `embed.html`): the same widget behind another entry. */
export function measurePageBundle(page, dist = defaultDist) {
  return measure(dist, readManifest(dist, 'pages-manifest.json'), page);
}
