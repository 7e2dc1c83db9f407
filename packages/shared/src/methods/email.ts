import Type from 'typebox';
import { pendingFields } from './pending-fields.js';

/**
 * A pending email-code enrollment. privacyIDEA has mailed a code to the address in the user store, which is shown
 * masked (`a•••@example.org`) and never taken from a request.
 */
export const EmailEnrollmentSchema = Type.Object(
  {
    type: Type.Literal('email'),
    ...pendingFields,
    /** The user store's address, masked: the first character of the local part, `•••`, then `@domain`. */
    address: Type.String(),
    /** When `POST /api/v1/enrollment/resend` may send a new code. */
    resendAvailableAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'EmailEnrollment', additionalProperties: false },
);
export type EmailEnrollment = Type.Static<typeof EmailEnrollmentSchema>;
