// jest-dom's own `@testing-library/jest-dom/vitest` typings declare `Assertion<R, T>`, which no longer merges with
// vitest 4's `Assertion<T>` (the type silently becomes `any`). Vitest's documented extension point is `Matchers`.
import type { TestingLibraryMatchers } from '@testing-library/jest-dom/matchers';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type -- the shape vitest declares
  interface Matchers<T = any> extends TestingLibraryMatchers<unknown, T> {}
}
