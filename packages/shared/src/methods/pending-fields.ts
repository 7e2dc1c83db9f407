import Type from 'typebox';

/** What every pending enrollment shows, whatever its method: it is pending, until when, and how many tries are left. */
export const pendingFields = {
  status: Type.Literal('pending'),
  expiresAt: Type.String({ format: 'date-time' }),
  attemptsLeft: Type.Integer({ minimum: 0 }),
};
