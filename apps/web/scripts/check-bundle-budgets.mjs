// `npm run check:budgets -w @pi-enroll/web`, after `npm run build`: fails when what a host page must download
// before the widget shows (gzip) exceeds the budget. KB here are 1024 bytes.
import { measurePageBundle, measureWidgetBundle } from './measure-widget-bundle.mjs';

const KB = 1024;
const budgets = { initialJsGzipBytes: 90 * KB, cssGzipBytes: 10 * KB };

const bundles = [
  ['widget.js + widget.css (script tag)', measureWidgetBundle()],
  ['index.html (standalone page)', measurePageBundle('index.html')],
  ['embed.html (iframe)', measurePageBundle('embed.html')],
];

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
let failed = false;
for (const [name, bundle] of bundles) {
  const jsOk = bundle.initialJsGzipBytes <= budgets.initialJsGzipBytes;
  const cssOk = bundle.cssGzipBytes <= budgets.cssGzipBytes;
  failed ||= !jsOk || !cssOk;
  console.log(
    `${name}: initial JS ${kb(bundle.initialJsGzipBytes)} gzip (budget ${kb(budgets.initialJsGzipBytes)}) ${jsOk ? 'ok' : 'OVER'}, ` +
      `CSS ${kb(bundle.cssGzipBytes)} gzip (budget ${kb(budgets.cssGzipBytes)}) ${cssOk ? 'ok' : 'OVER'}` +
      `  [${[...bundle.files.js, ...bundle.files.css].join(', ')}]`,
  );
}
if (failed) {
  console.error('Bundle budget exceeded.');
  process.exit(1);
}
