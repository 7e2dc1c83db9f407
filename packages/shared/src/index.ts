// The package's public entry: the BFF API contract shared by the BFF, the web app and the mock handlers.
export * from './api-paths.js';
export * from './client-config.js';
export * from './email-address-mask.js';
export * from './enrollment.js';
export * from './otp-code.js';
export * from './otpauth-uri.js';
export * from './otp-parameters.js';
export * from './pending-enrollment-rules.js';
export * from './problem.js';
export * from './problem-codes.js';
export * from './session.js';
export * from './sign-in-methods.js';
export * from './wrong-code-diagnosis.js';
export * from './method-types.js';
