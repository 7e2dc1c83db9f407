import Type from 'typebox';

/**
 * Why a code from an authenticator app did not confirm, when the BFF can tell: the phone's clock is minutes off,
 * or the app ignored settings of the QR code (it computed SHA1 / 6 digits / 30 s anyway).
 */
export const WrongCodeReasonSchema = Type.Union([Type.Literal('clock_drift'), Type.Literal('app_ignores_settings')]);
export type WrongCodeReason = Type.Static<typeof WrongCodeReasonSchema>;

/** An authenticator-app setting an app may ignore. */
export const OtpSettingSchema = Type.Union([Type.Literal('algorithm'), Type.Literal('digits'), Type.Literal('period')]);
export type OtpSetting = Type.Static<typeof OtpSettingSchema>;

/** Said with a code that confirmed although the phone's clock is off by more than one time step. */
export const ConfirmationWarningSchema = Type.Object(
  {
    reason: Type.Literal('clock_drift'),
    /** Negative: the phone is behind. */
    clockOffsetSeconds: Type.Integer(),
  },
  { additionalProperties: false },
);
export type ConfirmationWarning = Type.Static<typeof ConfirmationWarningSchema>;
