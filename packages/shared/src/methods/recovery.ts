import Type from 'typebox';
import { pendingFields } from './pending-fields.js';

/**
 * A pending set of recovery codes. Nothing exists in privacyIDEA yet: the user saves the codes (copy, download,
 * print), then types back the one named by `confirmCodeNumber` to show they have them. No answer carries the codes
 * once the set is confirmed.
 */
export const RecoveryEnrollmentSchema = Type.Object(
  {
    type: Type.Literal('recovery'),
    ...pendingFields,
    /** The codes, each once usable at sign-in, in any order. */
    codes: Type.Array(Type.String({ pattern: '^[0-9]+$' }), { minItems: 1 }),
    /** Which code (1-based, `codes[confirmCodeNumber - 1]`) the user types back to confirm. */
    confirmCodeNumber: Type.Integer({ minimum: 1 }),
  },
  { $id: 'RecoveryEnrollment', additionalProperties: false },
);
export type RecoveryEnrollment = Type.Static<typeof RecoveryEnrollmentSchema>;
