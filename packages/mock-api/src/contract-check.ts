import type Type from 'typebox';
import Value from 'typebox/value';
import { FakeProblem } from './fake-bff.js';

/** The fake was about to answer something the real BFF's response schemas would never let through. */
export class ContractViolation extends Error {
  override name = 'ContractViolation';
}

function describeErrors(schema: Type.TSchema, value: unknown): { field: string; message: string }[] {
  return Value.Errors(schema, value).map((error) => ({ field: error.instancePath || '/', message: error.message }));
}

/**
 * A request body as the BFF's route schema accepts it, with the same schema from `@pi-enroll/shared`; anything
 * else is the 400 `invalid_request` the BFF answers, naming the fields.
 */
export function acceptedBody<Schema extends Type.TSchema>(schema: Schema, body: unknown): Type.Static<Schema> {
  if (Value.Check(schema, body)) return body;
  throw new FakeProblem('invalid_request', { errors: describeErrors(schema, body) });
}

/**
 * Every answer the fake gives goes through here: one that breaks the contract (a drift between the fake and the
 * schemas the BFF validates its answers with) is a bug in the QA kit, reported loudly instead of quietly teaching
 * the widget a shape the BFF never sends.
 */
export function checkedAnswer<Schema extends Type.TSchema>(schema: Schema, body: unknown, route: string): Type.Static<Schema> {
  if (Value.Check(schema, body)) return body;
  throw new ContractViolation(`${route}: the answer breaks its schema: ${JSON.stringify(describeErrors(schema, body))}`);
}
