import type { ManagementMessages } from './en';

// Nederlands: de lijst met aanmeldmethoden en de bijbehorende schermen.
export default {
  methods: {
    heading: 'Uw aanmeldmethoden',
    intro: 'Hiermee bevestigt u uw aanmelding. Geef ze een naam zodat u ze herkent, en verwijder de methoden die u niet meer gebruikt.',
    add: 'Nog een methode toevoegen',
    rename: 'Naam wijzigen',
    remove: 'Verwijderen',
    replace: 'Vervangen (telefoon kwijt)',
    newRecoveryCodes: 'Nieuwe set aanmaken',
    newRecoveryCodesHint: 'De oude codes blijven werken tot u de nieuwe set bevestigt.',
    added: 'Toegevoegd op {date}',
    lastUsed: 'Laatst gebruikt op {date}',
    neverUsed: 'Nog niet gebruikt',
    inactive: 'Uitgeschakeld',
    readOnly: 'Beheerd door uw organisatie: deze methode kan hier niet worden gewijzigd.',
    types: {
      totp: 'Authenticator-app',
      hotp: 'Codegenerator',
      webauthn: 'Beveiligingssleutel of toegangssleutel',
      other: 'Andere methode ({type})',
    },
    renamed: 'Naam gewijzigd in “{description}”.',
    removed: '“{description}” is verwijderd.',
    loadFailed: 'Uw aanmeldmethoden konden niet worden geladen.',
  },
  renameMethod: {
    heading: 'Naam van “{description}” wijzigen',
    label: 'Apparaatnaam',
    submit: 'Naam opslaan',
  },
  removeMethod: {
    heading: '“{description}” verwijderen?',
    body: 'U kunt uw aanmelding er dan niet meer mee bevestigen. Verwijder ook de vermelding ervan uit de app.',
    lastWarning:
      'Dit is uw laatste aanmeldmethode. Zonder aanmeldmethode kunt u zich mogelijk niet aanmelden totdat u een nieuwe instelt.',
    confirm: 'Ja, verwijderen',
    dismiss: 'Behouden',
  },
  replaceMethod: {
    heading: '“{description}” vervangen?',
    body: 'Stel de authenticator-app in op uw nieuwe telefoon. “{description}” wordt verwijderd zodra de nieuwe werkt.',
    confirm: 'Nieuwe telefoon instellen',
  },
  stepUp: {
    heading: 'Bevestig dat u het bent',
    intro: 'Voer een code in van een van deze aanmeldmethoden: {methods}.',
    label: 'Code',
    submit: 'Bevestigen',
    wrong: 'Die code werkte niet. Voer de nieuwste code in.',
  },
} satisfies ManagementMessages;
