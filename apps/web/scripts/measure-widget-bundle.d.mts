// Types for measure-widget-bundle.mjs, for TypeScript callers such as bench/widget.ts.
export interface BundleMeasurement {
  /** The files counted, relative to dist/. */
  files: { js: string[]; css: string[] };
  /** Gzip size (zlib's default level) of the entry and its static imports. */
  initialJsGzipBytes: number;
  cssGzipBytes: number;
}

/** The script-tag widget (widget.js + widget.css), from dist/.vite/widget-manifest.json. */
export function measureWidgetBundle(dist?: string): BundleMeasurement;

/** A page of the pages build (`index.html`, `embed.html`), from dist/.vite/pages-manifest.json. */
export function measurePageBundle(page: string, dist?: string): BundleMeasurement;
