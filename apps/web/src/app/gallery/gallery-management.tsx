import type { SignInMethodList } from '@pi-enroll/shared';
import type { ReactNode } from 'react';
import { ConfirmRemoveScreen } from '../../features/methods/components/confirm-remove-screen';
import { ConfirmReplaceScreen } from '../../features/methods/components/confirm-replace-screen';
import { MethodList } from '../../features/methods/components/method-list';
import { RenameScreen } from '../../features/methods/components/rename-screen';
import { StepUpScreen } from '../../features/methods/components/step-up-screen';

const ignore = () => undefined;

export const galleryMethodList: SignInMethodList = {
  methods: [
    {
      serial: 'TOTP00001234',
      tokenType: 'totp',
      method: 'totp',
      description: 'Old phone',
      active: true,
      createdAt: '2025-03-14T09:26:53.000Z',
      lastUsedAt: '2025-06-02T07:45:00.000Z',
      manageable: true,
    },
    {
      serial: 'WAN00000001',
      tokenType: 'webauthn',
      method: null,
      description: 'Security key',
      active: true,
      createdAt: '2025-03-14T09:26:53.000Z',
      lastUsedAt: null,
      manageable: false,
    },
    {
      serial: 'PITN00000001',
      tokenType: 'tan',
      method: 'recovery',
      description: 'Recovery codes',
      active: true,
      createdAt: '2025-03-14T09:30:00.000Z',
      lastUsedAt: null,
      manageable: true,
    },
  ],
  canAdd: true,
  canRemoveLast: true,
  stepUp: { freshUntil: null, methods: ['TOTP00001234'] },
};

const [oldPhone] = galleryMethodList.methods as [SignInMethodList['methods'][number]];

/** The list's screens, each with fixed data: they are the management UI's, not states of the enrollment flow. */
export function galleryManagementScreens(): { title: string; screen: ReactNode }[] {
  return [
    { title: 'methods — a read-only method, the last manageable one', screen: <MethodList list={galleryMethodList} busy={false} add={ignore} renew={ignore} send={ignore} /> },
    {
      title: 'methods — removed, last method may not go',
      screen: (
        <MethodList
          list={{ ...galleryMethodList, canAdd: false, canRemoveLast: false }}
          notice={{ kind: 'removed', description: 'Tablet' }}
          busy={false}
          add={ignore}
          renew={ignore}
          send={ignore}
        />
      ),
    },
    { title: 'rename', screen: <RenameScreen method={oldPhone} busy={false} send={ignore} /> },
    { title: 'savingName', screen: <RenameScreen method={oldPhone} busy send={ignore} /> },
    { title: 'confirmRemove — the last method', screen: <ConfirmRemoveScreen method={oldPhone} last busy={false} send={ignore} /> },
    { title: 'removing', screen: <ConfirmRemoveScreen method={oldPhone} last={false} busy send={ignore} /> },
    { title: 'confirmReplace', screen: <ConfirmReplaceScreen method={oldPhone} stepUp={galleryMethodList.stepUp} send={ignore} /> },
    {
      title: 'stepUp — wrong code',
      screen: <StepUpScreen methods={[oldPhone]} busy={false} problem={{ code: 'invalid_credentials' }} send={ignore} />,
    },
    { title: 'steppingUp', screen: <StepUpScreen methods={[oldPhone]} busy send={ignore} /> },
  ];
}
