import { Alert } from '../../../components/alert';
import { Screen } from '../../../components/screen';
import { ManagementI18nProvider, useManagementI18n } from '../i18n/management-i18n';
import type { ManagementUiProps } from '../../../lib/management-ui';
import { useManagement } from '../hooks/use-management';
import { ConfirmRemoveScreen } from './confirm-remove-screen';
import { ConfirmReplaceScreen } from './confirm-replace-screen';
import { MethodList } from './method-list';
import { RenameScreen } from './rename-screen';
import { StepUpScreen } from './step-up-screen';

/** The home of a user who has a method: their list, and the screens to rename, remove and replace one. */
export default function MethodsHome(props: ManagementUiProps) {
  return (
    <ManagementI18nProvider>
      <MethodsHomeScreens {...props} />
    </ManagementI18nProvider>
  );
}

function MethodsHomeScreens(props: ManagementUiProps) {
  const { t } = useManagementI18n();
  const { state, dispatch, query } = useManagement(props);
  const list = query.data;
  if (!list) {
    return (
      <Screen step={query.isError ? 'methodsUnavailable' : 'methodsLoading'} heading={t.methods.heading}>
        {query.isError ? <Alert>{t.methods.loadFailed}</Alert> : <p className="pie-text pie-muted">{t.loading.heading}</p>}
      </Screen>
    );
  }
  switch (state.current) {
    case 'list':
    case 'replacing':
      return (
        <MethodList
          key="list"
          list={list}
          notice={state.current === 'list' ? state.notice : undefined}
          problem={state.current === 'list' ? (state.problem ?? props.problem) : undefined}
          busy={state.current === 'replacing'}
          add={props.add}
          renew={props.renew}
          send={dispatch}
        />
      );
    case 'rename':
    case 'savingName':
      return (
        <RenameScreen
          key="rename"
          method={state.method}
          busy={state.current === 'savingName'}
          problem={state.current === 'rename' ? state.problem : undefined}
          send={dispatch}
        />
      );
    case 'confirmRemove':
    case 'removing':
      return (
        <ConfirmRemoveScreen
          key="remove"
          method={state.method}
          last={state.last}
          busy={state.current === 'removing'}
          problem={state.current === 'confirmRemove' ? state.problem : undefined}
          send={dispatch}
        />
      );
    case 'confirmReplace':
      return <ConfirmReplaceScreen key="replace" method={state.method} stepUp={list.stepUp} send={dispatch} />;
    case 'stepUp':
    case 'steppingUp':
      return (
        <StepUpScreen
          key="step-up"
          methods={list.methods.filter((method) => state.stepUpMethods.includes(method.serial))}
          busy={state.current === 'steppingUp'}
          problem={state.current === 'stepUp' ? state.problem : undefined}
          send={dispatch}
        />
      );
  }
}

