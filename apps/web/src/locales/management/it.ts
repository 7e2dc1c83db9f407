import type { ManagementMessages } from './en';

// Italiano: l’elenco dei metodi di accesso e le sue schermate. A list entry is a “metodo” (masculine).
export default {
  methods: {
    heading: 'I suoi metodi di accesso',
    intro: 'Con questi metodi conferma il suo accesso. Li rinomini per riconoscerli e rimuova quelli che non usa più.',
    add: 'Aggiungi un altro metodo',
    rename: 'Rinomina',
    remove: 'Rimuovi',
    replace: 'Sostituisci (telefono smarrito)',
    newRecoveryCodes: 'Crea un nuovo set',
    newRecoveryCodesHint: 'I vecchi codici funzionano finché non conferma il nuovo set.',
    added: 'Aggiunto in data {date}',
    lastUsed: 'Ultimo utilizzo: {date}',
    neverUsed: 'Non ancora utilizzato',
    inactive: 'Disattivato',
    readOnly: 'Gestito dalla sua organizzazione: non può essere modificato qui.',
    types: {
      totp: 'App di autenticazione',
      hotp: 'Generatore di codici',
      webauthn: 'Chiave di sicurezza o passkey',
      other: 'Altro metodo ({type})',
    },
    renamed: 'Rinominato in “{description}”.',
    removed: 'Il metodo “{description}” è stato rimosso.',
    loadFailed: 'Impossibile caricare i suoi metodi di accesso.',
  },
  renameMethod: {
    heading: 'Rinomina “{description}”',
    label: 'Nome del dispositivo',
    submit: 'Salva il nome',
  },
  removeMethod: {
    heading: 'Rimuovere “{description}”?',
    body: 'Non potrà più confermare il suo accesso con questo metodo. Elimini anche la relativa voce dall’app.',
    lastWarning:
      'Questo è il suo ultimo metodo di accesso. Senza un metodo di accesso potrebbe non riuscire ad accedere finché non ne configura uno nuovo.',
    confirm: 'Sì, rimuovi',
    dismiss: 'Mantieni',
  },
  replaceMethod: {
    heading: 'Sostituire “{description}”?',
    body: 'Configuri l’app di autenticazione sul suo nuovo telefono. Il metodo “{description}” verrà rimosso non appena quello nuovo funzionerà.',
    confirm: 'Configura il nuovo telefono',
  },
  stepUp: {
    heading: 'Confermi la sua identità',
    intro: 'Inserisca un codice da uno di questi metodi di accesso: {methods}.',
    label: 'Codice',
    submit: 'Conferma',
    wrong: 'Questo codice non ha funzionato. Inserisca il codice più recente.',
  },
} satisfies ManagementMessages;
