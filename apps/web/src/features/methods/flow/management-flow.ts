import type { SignInMethod } from '@pi-enroll/shared';
import type { FlowProblem } from '../../../lib/api-client';

/** What the list says happened last, politely (role=status). */
export interface Notice {
  kind: 'renamed' | 'removed';
  description: string;
}

/** Why a step-up is asked for: the removal or the replacement it unlocks. */
export type StepUpPurpose = 'remove' | 'replace';

/**
 * The screens of the list, as a pure machine like the enrollment's: the busy states (`savingName`, `removing`,
 * `steppingUp`) name the one request in flight; `replacing` hands over to the enrollment flow.
 */
export type ManagementState =
  | { current: 'list'; notice?: Notice; problem?: FlowProblem }
  | { current: 'rename'; method: SignInMethod; problem?: FlowProblem }
  | { current: 'savingName'; method: SignInMethod; description: string }
  /** `last`: the user's last manageable method, removed only after a clear warning. */
  | { current: 'confirmRemove'; method: SignInMethod; last: boolean; problem?: FlowProblem }
  | { current: 'removing'; method: SignInMethod; last: boolean }
  | { current: 'confirmReplace'; method: SignInMethod }
  | { current: 'stepUp'; method: SignInMethod; purpose: StepUpPurpose; last: boolean; stepUpMethods: string[]; problem?: FlowProblem }
  | { current: 'steppingUp'; method: SignInMethod; purpose: StepUpPurpose; last: boolean; stepUpMethods: string[]; code: string }
  | { current: 'replacing'; method: SignInMethod };

export type ManagementEvent =
  | { type: 'renameRequested'; method: SignInMethod }
  | { type: 'nameSubmitted'; description: string }
  | { type: 'nameSaved'; method: SignInMethod }
  | { type: 'nameFailed'; problem: FlowProblem }
  | { type: 'removeRequested'; method: SignInMethod; last: boolean }
  | { type: 'removeConfirmed' }
  | { type: 'removed' }
  | { type: 'removeFailed'; problem: FlowProblem }
  | { type: 'replaceRequested'; method: SignInMethod }
  /** `fresh`: the list's step-up is still fresh, so no code is needed first. */
  | { type: 'replaceConfirmed'; fresh: boolean; stepUpMethods: string[] }
  | { type: 'codeSubmitted'; code: string }
  | { type: 'steppedUp' }
  | { type: 'stepUpFailed'; problem: FlowProblem }
  | { type: 'dismissed' };

export const initialManagementState: ManagementState = { current: 'list' };

const list = (problem?: FlowProblem): ManagementState => (problem ? { current: 'list', problem } : { current: 'list' });

export function managementReducer(state: ManagementState, event: ManagementEvent): ManagementState {
  switch (state.current) {
    case 'list':
      if (event.type === 'renameRequested') return { current: 'rename', method: event.method };
      if (event.type === 'removeRequested') return { current: 'confirmRemove', method: event.method, last: event.last };
      if (event.type === 'replaceRequested') return { current: 'confirmReplace', method: event.method };
      return state;

    case 'rename':
      if (event.type === 'nameSubmitted') {
        const description = event.description.trim();
        if (!description) return state;
        if (description === state.method.description) return list();
        return { current: 'savingName', method: state.method, description };
      }
      return event.type === 'dismissed' ? list() : state;

    case 'savingName':
      if (event.type === 'nameSaved') return { current: 'list', notice: { kind: 'renamed', description: event.method.description } };
      if (event.type === 'nameFailed') {
        return event.problem.code === 'not_found' ? list(event.problem) : { current: 'rename', method: state.method, problem: event.problem };
      }
      return state;

    case 'confirmRemove':
      if (event.type === 'removeConfirmed') return { current: 'removing', method: state.method, last: state.last };
      return event.type === 'dismissed' ? list() : state;

    case 'removing':
      if (event.type === 'removed') return { current: 'list', notice: { kind: 'removed', description: state.method.description } };
      if (event.type === 'removeFailed') {
        const { method, last } = state;
        if (event.problem.code === 'step_up_required') {
          return { current: 'stepUp', method, purpose: 'remove', last, stepUpMethods: event.problem.stepUpMethods ?? [] };
        }
        // Gone already (another tab) or not allowed after all: the list, read again, shows what is true.
        if (event.problem.code === 'not_found' || event.problem.code === 'last_method') return list(event.problem);
        return { current: 'confirmRemove', method, last, problem: event.problem };
      }
      return state;

    case 'confirmReplace':
      if (event.type === 'replaceConfirmed') {
        if (event.fresh) return { current: 'replacing', method: state.method };
        return { current: 'stepUp', method: state.method, purpose: 'replace', last: false, stepUpMethods: event.stepUpMethods };
      }
      return event.type === 'dismissed' ? list() : state;

    case 'stepUp':
      if (event.type === 'codeSubmitted' && event.code.trim()) {
        const { method, purpose, last, stepUpMethods } = state;
        return { current: 'steppingUp', method, purpose, last, stepUpMethods, code: event.code.trim() };
      }
      return event.type === 'dismissed' ? list() : state;

    case 'steppingUp': {
      const { method, purpose, last, stepUpMethods } = state;
      if (event.type === 'steppedUp') {
        return purpose === 'remove' ? { current: 'removing', method, last } : { current: 'replacing', method };
      }
      if (event.type === 'stepUpFailed') return { current: 'stepUp', method, purpose, last, stepUpMethods, problem: event.problem };
      return state;
    }

    case 'replacing':
      return state;
  }
}
