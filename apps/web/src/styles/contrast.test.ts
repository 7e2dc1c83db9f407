import { describe, expect, it } from 'vitest';
import tokens from './tokens.css?raw';

/** The `--pie-color-*` values declared in the block that follows `selector`. */
function colours(selector: string, from = 0): Record<string, string> {
  const start = tokens.indexOf(selector, from);
  const block = tokens.slice(tokens.indexOf('{', start) + 1, tokens.indexOf('}', start));
  const declarations = [...block.matchAll(/--pie-color-([\w-]+):\s*(#[0-9a-f]{6})/g)];
  return Object.fromEntries(declarations.map((match): [string, string] => [match[1]!, match[2]!]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

const light = colours(":where(.pie-root)");
const dark = { ...light, ...colours(":where(.pie-root[data-pie-theme='dark'])") };
const autoDark = { ...light, ...colours(":where(.pie-root[data-pie-theme='auto'])") };

// [foreground, background, minimum]: text needs 4.5:1 (WCAG 1.4.3), borders of controls 3:1 (WCAG 1.4.11).
const pairs: [string, string, number][] = [
  ['text', 'background', 4.5],
  ['text', 'surface', 4.5],
  ['text-muted', 'background', 4.5],
  ['text-muted', 'surface', 4.5],
  ['on-accent', 'accent', 4.5],
  ['on-accent', 'accent-hover', 4.5],
  ['on-danger', 'danger', 4.5],
  ['on-danger', 'danger-hover', 4.5],
  ['link', 'background', 4.5],
  ['link', 'surface', 4.5],
  ['error-text', 'background', 4.5],
  ['error-text', 'error-background', 4.5],
  ['text', 'error-background', 4.5],
  ['warning-text', 'background', 4.5],
  ['warning-text', 'surface', 4.5],
  ['border', 'background', 3],
  ['focus', 'background', 3],
];

describe('the themes’ colours', () => {
  it('are all declared in both themes', () => {
    expect(Object.keys(light).length).toBeGreaterThan(15);
    expect(Object.keys(colours(":where(.pie-root[data-pie-theme='dark'])")).sort()).toEqual(Object.keys(light).sort());
  });

  it('make the automatic dark theme the same as the explicit one', () => {
    expect(autoDark).toEqual(dark);
  });

  for (const [name, theme] of [['light', light], ['dark', dark]] as const) {
    it.each(pairs)(`${name}: %s on %s reaches %s:1`, (foreground, background, minimum) => {
      expect(contrast(theme[foreground]!, theme[background]!)).toBeGreaterThanOrEqual(minimum);
    });
  }
});
