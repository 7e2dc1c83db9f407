import type { ManagementMessages } from './en';

// Deutsch: die Liste der Anmeldemethoden und ihre Seiten.
export default {
  methods: {
    heading: 'Ihre Anmeldemethoden',
    intro: 'Damit bestätigen Sie Ihre Anmeldung. Benennen Sie sie, damit Sie sie wiedererkennen, und entfernen Sie, was Sie nicht mehr nutzen.',
    add: 'Weitere Methode hinzufügen',
    rename: 'Umbenennen',
    remove: 'Entfernen',
    replace: 'Ersetzen (Handy verloren)',
    newRecoveryCodes: 'Neue Codes erstellen',
    newRecoveryCodesHint: 'Die alten Codes funktionieren weiter, bis Sie die neuen bestätigen.',
    added: 'Hinzugefügt am {date}',
    lastUsed: 'Zuletzt verwendet am {date}',
    neverUsed: 'Noch nicht verwendet',
    inactive: 'Deaktiviert',
    readOnly: 'Von Ihrer Organisation verwaltet: Sie kann hier nicht geändert werden.',
    types: { totp: 'Authenticator-App', hotp: 'Codegenerator', webauthn: 'Sicherheitsschlüssel oder Passkey', other: 'Andere Methode ({type})' },
    renamed: 'Umbenannt in „{description}“.',
    removed: '„{description}“ wurde entfernt.',
    loadFailed: 'Ihre Anmeldemethoden konnten nicht geladen werden.',
  },
  renameMethod: {
    heading: '„{description}“ umbenennen',
    label: 'Gerätename',
    submit: 'Namen speichern',
  },
  removeMethod: {
    heading: '„{description}“ entfernen?',
    body: 'Sie können Ihre Anmeldung dann nicht mehr damit bestätigen. Löschen Sie auch den Eintrag in der App.',
    lastWarning: 'Dies ist Ihre letzte Anmeldemethode. Ohne eine können Sie sich womöglich nicht anmelden, bis Sie eine neue einrichten.',
    confirm: 'Ja, entfernen',
    dismiss: 'Behalten',
  },
  replaceMethod: {
    heading: '„{description}“ ersetzen?',
    body: 'Richten Sie die Authenticator-App auf Ihrem neuen Handy ein. „{description}“ wird entfernt, sobald die neue funktioniert.',
    confirm: 'Neues Handy einrichten',
  },
  stepUp: {
    heading: 'Bestätigen Sie, dass Sie es sind',
    intro: 'Geben Sie einen Code aus einer dieser Anmeldemethoden ein: {methods}.',
    label: 'Code',
    submit: 'Bestätigen',
    wrong: 'Dieser Code hat nicht funktioniert. Geben Sie den neuesten Code ein.',
  },
} satisfies ManagementMessages;
