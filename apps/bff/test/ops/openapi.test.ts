import Type from 'typebox';
import Value from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ClientConfigSchema,
  CreateSessionRequestSchema,
  EnrollmentConfirmedSchema,
  EnrollmentSchema,
  PROBLEM_CONTENT_TYPE,
  ProblemSchema,
  RenameMethodRequestSchema,
  SignInMethodListSchema,
  SignInMethodSchema,
  StepUpRequestSchema,
  StepUpStateSchema,
  SessionSchema,
  ResendEnrollmentRequestSchema,
  StartEnrollmentRequestSchema,
  VerifyEnrollmentRequestSchema,
  apiPaths,
} from '@pi-enroll/shared';
import { PasskeyTryChallengeSchema, PasskeyTryRequestSchema, PasskeyTryResultSchema } from '@pi-enroll/shared/methods/passkey-try';
import { problemsFor } from '../../src/routes/route-schemas.js';
import { ApiClient, type ApiResponse } from '../support/api-client.js';
import { startStack, type TestStack } from '../support/test-stack.js';

type Json = Record<string, unknown>;

/** The problems a route can answer besides its own, by where they come from (written out, not from the code). */
const always = { 500: ProblemSchema };
const body = { 400: ProblemSchema, 403: ProblemSchema, 413: ProblemSchema, 415: ProblemSchema };
const signedIn = { 401: ProblemSchema };
const limited = { 429: ProblemSchema };
const upstream = { 502: ProblemSchema, 503: ProblemSchema };

/** The public API as packages/shared defines it: request body and the schema of every answer (null: no body). */
const contract: Record<string, { body?: object; responses: Record<number, object | null> }> = {
  [`GET ${apiPaths.config}`]: { responses: { 200: ClientConfigSchema, 500: ProblemSchema } },
  [`POST ${apiPaths.session}`]: { body: CreateSessionRequestSchema, responses: { 204: null, ...body, ...signedIn, ...limited, ...upstream, ...always } },
  [`GET ${apiPaths.session}`]: { responses: { 200: SessionSchema, 204: null, ...signedIn, ...limited, ...upstream, ...always } },
  [`DELETE ${apiPaths.session}`]: { responses: { 204: null, ...body, ...limited, ...always } },
  [`POST ${apiPaths.enrollment}`]: {
    body: StartEnrollmentRequestSchema,
    responses: { 200: EnrollmentSchema, 201: EnrollmentSchema, 404: ProblemSchema, 409: ProblemSchema, ...body, ...signedIn, ...limited, ...upstream, ...always },
  },
  [`GET ${apiPaths.enrollment}`]: { responses: { 200: EnrollmentSchema, 404: ProblemSchema, 409: ProblemSchema, 410: ProblemSchema, ...signedIn, ...upstream, ...always } },
  [`DELETE ${apiPaths.enrollment}`]: { responses: { 204: null, ...body, ...signedIn, ...upstream, ...always } },
  [`GET ${apiPaths.methods}`]: { responses: { 200: SignInMethodListSchema, ...signedIn, ...limited, ...upstream, ...always } },
  [`PATCH ${apiPaths.methods}/{serial}`]: { body: RenameMethodRequestSchema, responses: { 200: SignInMethodSchema, 404: ProblemSchema, ...body, ...signedIn, ...upstream, ...always } },
  [`DELETE ${apiPaths.methods}/{serial}`]: { responses: { 204: null, 404: ProblemSchema, 409: ProblemSchema, ...body, ...signedIn, ...upstream, ...always } },
  [`POST ${apiPaths.methods}/{serial}/try`]: {
    body: PasskeyTryRequestSchema,
    responses: { 200: Type.Union([PasskeyTryChallengeSchema, PasskeyTryResultSchema]), 404: ProblemSchema, ...body, ...signedIn, ...limited, ...upstream, ...always },
  },
  [`POST ${apiPaths.stepUp}`]: { body: StepUpRequestSchema, responses: { 200: StepUpStateSchema, ...body, ...signedIn, ...limited, ...upstream, ...always } },
  [`POST ${apiPaths.resendEnrollment}`]: {
    body: ResendEnrollmentRequestSchema,
    responses: { 200: EnrollmentSchema, 404: ProblemSchema, 409: ProblemSchema, 410: ProblemSchema, ...body, ...signedIn, ...limited, ...upstream, ...always },
  },
  [`POST ${apiPaths.verifyEnrollment}`]: {
    body: VerifyEnrollmentRequestSchema,
    responses: { 200: EnrollmentConfirmedSchema, 404: ProblemSchema, 409: ProblemSchema, 410: ProblemSchema, 422: ProblemSchema, ...body, ...signedIn, ...limited, ...upstream, ...always },
  },
};

/** JSON Schema 2020-12 keywords the document may use; anything else (`$id`, `definitions`, TypeBox's own) is a leak. */
const SCHEMA_KEYWORDS = new Set([
  'type', 'properties', 'required', 'additionalProperties', 'items', 'anyOf', 'oneOf', 'allOf', 'const', 'enum', 'format',
  'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'description', 'title', 'default', 'examples', '$ref',
]);

function schemaProblems(schema: unknown, where: string): string[] {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return [`${where}: not a schema object`];
  const found: string[] = [];
  for (const [key, value] of Object.entries(schema)) {
    if (!SCHEMA_KEYWORDS.has(key)) found.push(`${where}: unknown keyword "${key}"`);
    if (key === 'properties') for (const [name, sub] of Object.entries(value as Json)) found.push(...schemaProblems(sub, `${where}/properties/${name}`));
    if (key === 'items' || (key === 'additionalProperties' && typeof value === 'object')) found.push(...schemaProblems(value, `${where}/${key}`));
    if (key === 'anyOf' || key === 'oneOf' || key === 'allOf') (value as unknown[]).forEach((sub, i) => found.push(...schemaProblems(sub, `${where}/${key}/${i}`)));
  }
  return found;
}

/** Replaces every local `$ref` by what it points to, as a client generator would. */
function dereference(node: unknown, document: Json, depth = 0): unknown {
  if (depth > 32) throw new Error('$ref cycle');
  if (Array.isArray(node)) return node.map((item) => dereference(item, document, depth));
  if (typeof node !== 'object' || node === null) return node;
  const ref = (node as Json)['$ref'];
  if (typeof ref === 'string') {
    if (!ref.startsWith('#/')) throw new Error(`non-local $ref ${ref}`);
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((at, part) => (at as Json | undefined)?.[part.replaceAll('~1', '/').replaceAll('~0', '~')], document);
    if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
    return dereference(target, document, depth + 1);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, dereference(value, document, depth)]));
}

/** A shared TypeBox schema as plain JSON Schema: without TypeBox's own symbol keys and the `$id` used to name components. */
function plain(schema: object): unknown {
  return JSON.parse(JSON.stringify(schema, (key, value: unknown) => (key === '$id' ? undefined : value)));
}

describe('the OpenAPI document at /api/v1/openapi.json', () => {
  let stack: TestStack;
  let document: Json;
  let operations: Map<string, Json>;

  beforeAll(async () => {
    stack = await startStack();
    const response = await fetch(`${stack.baseUrl}${apiPaths.openapi}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    document = (await response.json()) as Json;
    operations = new Map(
      Object.entries(document['paths'] as Record<string, Record<string, Json>>).flatMap(([path, item]) =>
        Object.entries(item).map(([method, operation]) => [`${method.toUpperCase()} ${path}`, operation] as const),
      ),
    );
  });
  afterAll(async () => {
    await stack.close();
  });

  /** The dereferenced schema of one answer of one operation, with its media type. */
  const responseSchema = (operation: string, status: number) => {
    const response = (operations.get(operation)?.['responses'] as Record<string, Json> | undefined)?.[String(status)];
    const content = dereference(response?.['content'], document) as Record<string, { schema: unknown }> | undefined;
    const [mediaType, media] = Object.entries(content ?? {})[0] ?? [];
    return { response, mediaType, schema: media?.schema };
  };

  it('is a well-formed OpenAPI 3.1 document: info, operations with described answers, resolvable refs, plain JSON Schema', () => {
    expect(document['openapi']).toMatch(/^3\.1\.\d+$/);
    const info = document['info'] as { title?: unknown; version?: unknown };
    expect([typeof info.title, typeof info.version]).toEqual(['string', 'string']);
    for (const [name, operation] of operations) {
      expect(name).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \//);
      const responses = operation['responses'] as Record<string, Json>;
      expect(Object.keys(responses).length, name).toBeGreaterThan(0);
      for (const [status, response] of Object.entries(responses)) {
        expect(status, name).toMatch(/^[1-5]\d\d$/);
        expect(typeof response['description'], `${name} ${status}`).toBe('string');
      }
    }
    const components = (document['components'] as { schemas?: Json } | undefined)?.schemas ?? {};
    const issues = [
      ...Object.entries(components).flatMap(([name, schema]) => schemaProblems(schema, `#/components/schemas/${name}`)),
      ...[...operations].flatMap(([name, operation]) => {
        const media = [
          ...Object.values((operation['requestBody'] as { content?: Json } | undefined)?.content ?? {}),
          ...Object.values(operation['responses'] as Record<string, { content?: Json }>).flatMap((response) => Object.values(response.content ?? {})),
        ] as { schema: unknown }[];
        return media.flatMap((entry) => schemaProblems(entry.schema, name));
      }),
    ];
    expect(issues).toEqual([]);
    // Every $ref resolves (dereference throws otherwise).
    expect(() => dereference(document, document)).not.toThrow();
    // Shared schemas nested in others are components named as in packages/shared, not def-0.
    expect(Object.keys(components)).toContain('Enrollment');
  });

  it('says what each operation is for: a summary and a description', () => {
    for (const [name, operation] of operations) {
      expect(typeof operation['summary'], name).toBe('string');
      expect((operation['summary'] as string).length, name).toBeGreaterThan(5);
      expect(typeof operation['description'], name).toBe('string');
      expect((operation['description'] as string).length, name).toBeGreaterThan(20);
    }
    expect(new Set([...operations.values()].map((operation) => operation['summary'])).size).toBe(operations.size);
  });

  it('GET /config lists only what it can answer: no body, origin, session or upstream errors', () => {
    const config = Object.keys(operations.get(`GET ${apiPaths.config}`)?.['responses'] as Json);
    expect(config.sort()).toEqual(['200', '500']);
  });

  it('problemsFor names the statuses of the sources a route has, and only those', () => {
    const statuses = (sources: Parameters<typeof problemsFor>[0]) => Object.keys(problemsFor(sources)).map(Number);
    expect(statuses({})).toEqual([500]);
    expect(statuses({ session: true, upstream: true })).toEqual([401, 500, 502, 503]);
    expect(statuses({ stateChanging: true })).toEqual([400, 403, 413, 415, 500]);
    expect(statuses({ stateChanging: true, session: true, rateLimited: true, upstream: true })).toEqual(Object.keys({ ...body, ...signedIn, ...limited, ...upstream, ...always }).map(Number).sort((a, b) => a - b));
  });

  it('documents exactly the public API routes, and none of the operational ones', () => {
    expect([...operations.keys()].sort()).toEqual(Object.keys(contract).sort());
  });

  it.each(Object.entries(contract))('%s: request and answers are the schemas of packages/shared', (name, expected) => {
    const operation = operations.get(name) as Json;
    const requestBody = operation['requestBody'] as { content: Record<string, { schema: unknown }> } | undefined;
    if (expected.body === undefined) {
      expect(requestBody).toBeUndefined();
    } else {
      expect(Object.keys(requestBody?.content ?? {})).toEqual(['application/json']);
      expect(dereference(requestBody?.content['application/json']?.schema, document)).toEqual(plain(expected.body));
    }
    const documented = Object.keys(operation['responses'] as Json).map(Number);
    expect(documented.sort()).toEqual(Object.keys(expected.responses).map(Number).sort());
    for (const [status, schema] of Object.entries(expected.responses)) {
      const actual = responseSchema(name, Number(status));
      if (schema === null) {
        expect(actual.response?.['content'], `${name} ${status}`).toBeUndefined();
        continue;
      }
      expect(actual.mediaType, `${name} ${status}`).toBe(Number(status) >= 400 ? PROBLEM_CONTENT_TYPE : 'application/json');
      expect(actual.schema, `${name} ${status}`).toEqual(plain(schema));
    }
  });

  it('describes what the BFF really answers, media type included, along a whole enrollment', async () => {
    const conforms = (operation: string, response: ApiResponse) => {
      const { mediaType, schema } = responseSchema(operation, response.status);
      expect(mediaType, `${operation} ${response.status} is not documented`).toBeDefined();
      expect(response.headers.get('content-type')).toContain(mediaType);
      const errors = [...Value.Errors(schema as never, response.body)].map((error) => `${error.instancePath} ${error.message}`);
      expect(errors, `${operation} ${response.status}: ${response.text}`).toEqual([]);
    };
    const carol = await stack.signedIn('carol');
    conforms(`GET ${apiPaths.config}`, await carol.get(apiPaths.config));
    const started = await carol.startEnrollment('Phone');
    expect(started.status).toBe(201);
    conforms(`POST ${apiPaths.enrollment}`, started);
    conforms(`POST ${apiPaths.enrollment}`, await carol.startEnrollment());
    conforms(`GET ${apiPaths.enrollment}`, await carol.get(apiPaths.enrollment));
    conforms(`GET ${apiPaths.session}`, await carol.get(apiPaths.session));
    const wrong = await carol.verify('000000');
    expect(wrong.status).toBe(422);
    conforms(`POST ${apiPaths.verifyEnrollment}`, wrong);
    const invalid = await carol.post(apiPaths.verifyEnrollment, { code: 42 });
    expect(invalid.status).toBe(400);
    conforms(`POST ${apiPaths.verifyEnrollment}`, invalid);
    const confirmed = await carol.verify(stack.codeFor(started.body));
    expect(confirmed.status).toBe(200);
    conforms(`POST ${apiPaths.verifyEnrollment}`, confirmed);
    const again = await carol.startEnrollment();
    expect(again.status).toBe(409);
    conforms(`POST ${apiPaths.enrollment}`, again);
    conforms(`GET ${apiPaths.enrollment}`, await carol.get(apiPaths.enrollment));
    const signedOut = await carol.delete(apiPaths.session);
    expect(signedOut.status).toBe(204);
    // Signed out, the cookie is gone: nobody is signed in, a documented answer without a body.
    const nobody = await carol.get(apiPaths.session);
    expect(nobody.status).toBe(204);
    expect(responseSchema(`GET ${apiPaths.session}`, 204).response).toBeDefined();
    const ended = new ApiClient(stack.baseUrl);
    ended.cookieHeader = 'pi_enroll_session=ended.or.forged';
    conforms(`GET ${apiPaths.session}`, await ended.get(apiPaths.session));
  });
});
