// English strings of the list of sign-in methods and its screens (rename, remove, replace, step-up). They
// load with those screens, in their own chunk: a first-time user never downloads them. Every file in this
// folder is a language and must match this one's shape in full.
const en = {
  methods: {
    heading: 'Your sign-in methods',
    intro: 'These are the ways you confirm your sign-in. Rename them so you recognise them, remove the ones you no longer use.',
    add: 'Add another method',
    rename: 'Rename',
    remove: 'Remove',
    replace: 'Replace (lost phone)',
    newRecoveryCodes: 'Create a new set',
    newRecoveryCodesHint: 'The old codes keep working until you confirm the new set.',
    added: 'Added {date}',
    lastUsed: 'Last used {date}',
    neverUsed: 'Not used yet',
    inactive: 'Disabled',
    readOnly: 'Managed by your organisation: it cannot be changed here.',
    types: { totp: 'Authenticator app', hotp: 'Code generator', webauthn: 'Security key or passkey', other: 'Other method ({type})' },
    renamed: 'Renamed to “{description}”.',
    removed: '“{description}” was removed.',
    loadFailed: 'Your sign-in methods could not be loaded.',
  },
  renameMethod: {
    heading: 'Rename “{description}”',
    label: 'Device name',
    submit: 'Save name',
  },
  removeMethod: {
    heading: 'Remove “{description}”?',
    body: 'You will no longer be able to confirm your sign-in with it. Also delete its entry from the app.',
    lastWarning: 'This is your last sign-in method. Without one you may not be able to sign in until you set up a new one.',
    confirm: 'Yes, remove it',
    dismiss: 'Keep it',
  },
  replaceMethod: {
    heading: 'Replace “{description}”?',
    body: 'Set up the authenticator app on your new phone. “{description}” is removed as soon as the new one works.',
    confirm: 'Set up the new phone',
  },
  stepUp: {
    heading: 'Confirm it is you',
    intro: 'Enter a code from one of these sign-in methods: {methods}.',
    label: 'Code',
    submit: 'Confirm',
    wrong: 'That code did not work. Enter the newest code.',
  },
};

export type ManagementMessages = typeof en;
export default en;
