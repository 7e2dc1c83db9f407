import Type from 'typebox';

export const OtpAlgorithmSchema = Type.Union([Type.Literal('SHA1'), Type.Literal('SHA256'), Type.Literal('SHA512')]);
export type OtpAlgorithm = Type.Static<typeof OtpAlgorithmSchema>;

export const OtpDigitsSchema = Type.Union([Type.Literal(6), Type.Literal(7), Type.Literal(8)]);
export type OtpDigits = Type.Static<typeof OtpDigitsSchema>;
