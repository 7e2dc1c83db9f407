// @vitest-environment node
import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import rule from './no-cross-feature-imports.js';

RuleTester.describe = describe;
RuleTester.it = it;

const tester = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });
const enrollmentFile = '/repo/apps/web/src/features/enrollment/components/start-screen.tsx';

tester.run('no-cross-feature-imports', rule, {
  valid: [
    { filename: enrollmentFile, code: "import { ProblemAlert } from '../../../components/problem-alert';" },
    { filename: enrollmentFile, code: "import { useEnrollment } from '../hooks/use-enrollment';" },
    { filename: enrollmentFile, code: "import { useState } from 'react';" },
    // app/ wires the features together.
    { filename: '/repo/apps/web/src/app/method-uis.ts', code: "import { totpMethodUi } from '../features/totp/totp-method-ui';" },
  ],
  invalid: [
    {
      filename: enrollmentFile,
      code: "import { TotpSteps } from '../../totp/components/totp-steps';",
      errors: [{ messageId: 'crossFeature', data: { from: 'enrollment', to: 'totp' } }],
    },
    {
      filename: '/repo/apps/web/src/features/totp/totp-method-ui.ts',
      code: "export { FlowState } from '../enrollment/flow/enrollment-flow';",
      errors: [{ messageId: 'crossFeature', data: { from: 'totp', to: 'enrollment' } }],
    },
    {
      filename: '/repo/apps/web/src/features/totp/components/lazy-qr-code.tsx',
      code: "const chunk = import('../../embedding/parent-bridge');",
      errors: [{ messageId: 'crossFeature', data: { from: 'totp', to: 'embedding' } }],
    },
  ],
});
