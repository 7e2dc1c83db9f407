import { expect } from 'vitest';
import { recordedShapeMismatches, type ShapeOptions } from './match-recorded-shape.js';
import type { LiveResponse } from './recorded-lab.js';
import { exchange } from './recording.js';

/** The live answer has the recorded HTTP status and the recorded body's shape (and values, unless loose). */
export function expectRecorded(response: LiveResponse, id: string, options: ShapeOptions = {}): void {
  const recorded = exchange(id);
  expect(response.status, `${id}: HTTP status (body ${response.text.slice(0, 200)})`).toBe(recorded.status);
  expect(recordedShapeMismatches(response.body, recorded.body, options), `${id}: body differs from the recording`).toEqual([]);
}
