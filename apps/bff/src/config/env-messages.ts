import type { TSchema } from 'typebox';

interface SchemaFacts {
  type?: string;
  anyOf?: { const?: unknown }[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  description?: string;
}

function joinOr(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1) ?? ''}`;
}

/** What a variable must be, in words an operator reads: "must be one of SHA1, SHA256, SHA512", "must be 6, 7 or 8". */
export function expectationOf(schema: TSchema): string {
  const facts = schema as SchemaFacts;
  const literals = facts.anyOf?.map((option) => option.const);
  if (literals !== undefined && literals.every((value) => value !== undefined)) {
    return literals.every((value) => typeof value === 'number')
      ? `must be ${joinOr(literals.map(String))}`
      : `must be one of ${literals.map(String).join(', ')}`;
  }
  if (facts.type === 'integer') return `must be a whole number from ${String(facts.minimum)} to ${String(facts.maximum)}`;
  if (facts.type === 'boolean') return 'must be true or false';
  const rules = [
    ...(facts.description !== undefined ? [facts.description] : []),
    ...(facts.minLength !== undefined && facts.minLength > 1 ? [`at least ${String(facts.minLength)} characters`] : []),
    ...(facts.maxLength !== undefined ? [`at most ${String(facts.maxLength)} characters`] : []),
  ];
  return rules.length > 0 ? `must be ${rules.join(', ')}` : 'must not be empty';
}

/** Levenshtein distance: how many letters to add, drop or change to get from one name to the other. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Prefixes of our variables; other software's variables (HOME, NODE_OPTIONS…) are none of our business. */
const OUR_PREFIXES = [
  'PI_', 'ENROLL_', 'ENROL_', 'OTP_', 'TOTP_', 'SESSION_', 'LAUNCH_TOKEN_', 'LAUNCH_', 'RATE_LIMIT_', 'RATELIMIT_', 'REDIS_',
  'METRICS_', 'TRUSTED_', 'REMOTE_USER_', 'PASSWORD_', 'ALLOWED_', 'EMBED_', 'DEMO_', 'SWEEP_', 'READINESS_', 'WEB_DIST_',
  'REQUEST_TIMEOUT', 'KEEP_ALIVE_', 'ALLOW_ADDITIONAL_',
];
/** Set by desktops and shells, not by an operator for us. */
const FOREIGN_VARIABLES = new Set(['SESSION_MANAGER']);

/**
 * Warnings for variables that look like ours but are not (ENROL_TTL_SECONDS): the setting the operator meant
 * silently keeps its default otherwise. The closest known name is suggested when it is a likely typo.
 */
export function unknownVariableWarnings(source: Record<string, string | undefined>, known: readonly string[]): string[] {
  const knownSet = new Set(known);
  return Object.keys(source)
    .filter((name) => !knownSet.has(name) && !FOREIGN_VARIABLES.has(name) && OUR_PREFIXES.some((prefix) => name.startsWith(prefix)))
    .sort()
    .map((name) => {
      const [closest] = known
        .map((candidate) => ({ candidate, distance: editDistance(name, candidate) }))
        .sort((a, b) => a.distance - b.distance);
      const likely = closest !== undefined && closest.distance <= Math.max(2, Math.floor(name.length / 6));
      return `${name} is not a pi-enroll setting and is ignored${likely ? `; did you mean ${closest.candidate}?` : ''}`;
    });
}
