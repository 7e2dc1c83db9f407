/** One sample of the Prometheus text format: `name{label="value",…} 42`. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses /metrics as Prometheus scrapes it (comments skipped, label values unescaped). */
export function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match === null) throw new Error(`not a Prometheus sample: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
      labels[pair[1] ?? ''] = (pair[2] ?? '').replace(/\\(.)/g, (_all, char: string) => (char === 'n' ? '\n' : char));
    }
    samples.push({ name: match[1] ?? '', labels, value: Number(match[3]) });
  }
  return samples;
}

/** The sum of the samples named `name` whose labels include `labels`. */
export function total(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value))
    .reduce((sum, sample) => sum + sample.value, 0);
}

/** `{outcome: {mode: count}}` of pi_enroll_enrollments_total, leaving out zero counts. */
export function funnel(samples: Sample[]): Record<string, Record<string, number>> {
  const result: Record<string, Record<string, number>> = {};
  for (const sample of samples) {
    if (sample.name !== 'pi_enroll_enrollments_total' || sample.value === 0) continue;
    const outcome = sample.labels['outcome'] ?? '';
    result[outcome] = { ...result[outcome], [sample.labels['method'] ?? '']: sample.value };
  }
  return result;
}
