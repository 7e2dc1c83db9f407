import type { SignInMethod } from '@pi-enroll/shared';
import { describe, expect, it } from 'vitest';
import type { FlowProblem } from '../../../lib/api-client';
import { managementReducer, type ManagementEvent, type ManagementState } from './management-flow';

const method: SignInMethod = {
  serial: 'TOTP0002',
  tokenType: 'totp',
  method: 'totp',
  description: 'Tablet',
  active: true,
  createdAt: null,
  lastUsedAt: null,
  manageable: true,
};
const offline = { code: 'network_error' } as const;
const stepUpRequired: FlowProblem = { code: 'step_up_required', stepUpMethods: ['TOTP0001'] };
const stepUp: Extract<ManagementState, { current: 'stepUp' }> = { current: 'stepUp', method, purpose: 'remove', last: false, stepUpMethods: ['TOTP0001'] };

type Transition = [name: string, from: ManagementState, event: ManagementEvent, to: ManagementState];

const transitions: Transition[] = [
  ['list → rename', { current: 'list' }, { type: 'renameRequested', method }, { current: 'rename', method }],
  ['rename → savingName, trimmed', { current: 'rename', method }, { type: 'nameSubmitted', description: ' Pad ' }, { current: 'savingName', method, description: 'Pad' }],
  ['rename ignores a blank name', { current: 'rename', method }, { type: 'nameSubmitted', description: ' ' }, { current: 'rename', method }],
  ['rename → list for the same name', { current: 'rename', method }, { type: 'nameSubmitted', description: 'Tablet' }, { current: 'list' }],
  ['rename → list on back', { current: 'rename', method }, { type: 'dismissed' }, { current: 'list' }],
  [
    'savingName → list with a notice',
    { current: 'savingName', method, description: 'Pad' },
    { type: 'nameSaved', method: { ...method, description: 'Pad' } },
    { current: 'list', notice: { kind: 'renamed', description: 'Pad' } },
  ],
  ['savingName → rename with the problem', { current: 'savingName', method, description: 'Pad' }, { type: 'nameFailed', problem: offline }, { current: 'rename', method, problem: offline }],
  ['savingName → list when the method is gone', { current: 'savingName', method, description: 'Pad' }, { type: 'nameFailed', problem: { code: 'not_found' } }, { current: 'list', problem: { code: 'not_found' } }],
  ['list → confirmRemove', { current: 'list' }, { type: 'removeRequested', method, last: true }, { current: 'confirmRemove', method, last: true }],
  ['confirmRemove → removing', { current: 'confirmRemove', method, last: true }, { type: 'removeConfirmed' }, { current: 'removing', method, last: true }],
  ['confirmRemove → list when kept', { current: 'confirmRemove', method, last: false }, { type: 'dismissed' }, { current: 'list' }],
  ['removing → list with a notice', { current: 'removing', method, last: false }, { type: 'removed' }, { current: 'list', notice: { kind: 'removed', description: 'Tablet' } }],
  ['removing → stepUp when the BFF asks for one', { current: 'removing', method, last: false }, { type: 'removeFailed', problem: stepUpRequired }, stepUp],
  ['removing → list when the last method may not go', { current: 'removing', method, last: true }, { type: 'removeFailed', problem: { code: 'last_method' } }, { current: 'list', problem: { code: 'last_method' } }],
  ['removing → confirmRemove with the problem', { current: 'removing', method, last: false }, { type: 'removeFailed', problem: offline }, { current: 'confirmRemove', method, last: false, problem: offline }],
  ['stepUp → steppingUp with the code', stepUp, { type: 'codeSubmitted', code: ' 123456 ' }, { ...stepUp, current: 'steppingUp', code: '123456' }],
  ['stepUp ignores an empty code', stepUp, { type: 'codeSubmitted', code: '' }, stepUp],
  ['stepUp → list on back', stepUp, { type: 'dismissed' }, { current: 'list' }],
  ['steppingUp → removing for a removal', { ...stepUp, current: 'steppingUp', code: '1' }, { type: 'steppedUp' }, { current: 'removing', method, last: false }],
  [
    'steppingUp → replacing for a replacement',
    { ...stepUp, current: 'steppingUp', purpose: 'replace', code: '1' },
    { type: 'steppedUp' },
    { current: 'replacing', method },
  ],
  [
    'steppingUp → stepUp with the problem',
    { ...stepUp, current: 'steppingUp', code: '1' },
    { type: 'stepUpFailed', problem: { code: 'invalid_credentials' } },
    { ...stepUp, problem: { code: 'invalid_credentials' } },
  ],
  ['list → confirmReplace', { current: 'list' }, { type: 'replaceRequested', method }, { current: 'confirmReplace', method }],
  ['confirmReplace → replacing when the step-up is fresh', { current: 'confirmReplace', method }, { type: 'replaceConfirmed', fresh: true, stepUpMethods: [] }, { current: 'replacing', method }],
  [
    'confirmReplace → stepUp when it is not',
    { current: 'confirmReplace', method },
    { type: 'replaceConfirmed', fresh: false, stepUpMethods: ['TOTP0001'] },
    { ...stepUp, purpose: 'replace' },
  ],
  ['confirmReplace → list on back', { current: 'confirmReplace', method }, { type: 'dismissed' }, { current: 'list' }],
  ['replacing ignores everything (the enrollment took over)', { current: 'replacing', method }, { type: 'dismissed' }, { current: 'replacing', method }],
];

describe('the management flow', () => {
  it.each(transitions)('%s', (_name, from, event, to) => {
    expect(managementReducer(from, event)).toEqual(to);
  });
});
