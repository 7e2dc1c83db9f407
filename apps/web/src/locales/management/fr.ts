import type { ManagementMessages } from './en';

// Français — la liste des méthodes de connexion et ses écrans. Same typography as ../fr.ts (\u202f before : ; ? !
// and inside « »). A list entry is a « méthode » (feminine), hence « Ajoutée », « Désactivée ».
export default {
  methods: {
    heading: 'Vos méthodes de connexion',
    intro:
      'C’est avec elles que vous confirmez votre connexion. Renommez-les pour les reconnaître et supprimez celles que vous n’utilisez plus.',
    add: 'Ajouter une autre méthode',
    rename: 'Renommer',
    remove: 'Supprimer',
    replace: 'Remplacer (téléphone perdu)',
    newRecoveryCodes: 'Créer un nouveau jeu',
    newRecoveryCodesHint: 'Les anciens codes restent valables jusqu’à ce que vous confirmiez le nouveau jeu.',
    added: 'Ajoutée le {date}',
    lastUsed: 'Dernière utilisation le {date}',
    neverUsed: 'Pas encore utilisée',
    inactive: 'Désactivée',
    readOnly: 'Gérée par votre organisation\u202f: elle ne peut pas être modifiée ici.',
    types: {
      totp: 'Application d’authentification',
      hotp: 'Générateur de codes',
      webauthn: 'Clé de sécurité ou clé d’accès',
      other: 'Autre méthode ({type})',
    },
    renamed: 'Méthode renommée en «\u202f{description}\u202f».',
    removed: 'La méthode «\u202f{description}\u202f» a été supprimée.',
    loadFailed: 'Vos méthodes de connexion n’ont pas pu être chargées.',
  },
  renameMethod: {
    heading: 'Renommer «\u202f{description}\u202f»',
    label: 'Nom de l’appareil',
    submit: 'Enregistrer le nom',
  },
  removeMethod: {
    heading: 'Supprimer «\u202f{description}\u202f»\u202f?',
    body: 'Vous ne pourrez plus l’utiliser pour confirmer votre connexion. Supprimez aussi son entrée dans l’application.',
    lastWarning:
      'C’est votre dernière méthode de connexion. Sans elle, vous risquez de ne plus pouvoir vous connecter tant que vous n’en aurez pas configuré une nouvelle.',
    confirm: 'Oui, la supprimer',
    dismiss: 'La conserver',
  },
  replaceMethod: {
    heading: 'Remplacer «\u202f{description}\u202f»\u202f?',
    body: 'Configurez l’application d’authentification sur votre nouveau téléphone. La méthode «\u202f{description}\u202f» sera supprimée dès que la nouvelle fonctionnera.',
    confirm: 'Configurer le nouveau téléphone',
  },
  stepUp: {
    heading: 'Confirmez votre identité',
    intro: 'Saisissez un code provenant de l’une de ces méthodes de connexion\u202f: {methods}.',
    label: 'Code',
    submit: 'Confirmer',
    wrong: 'Ce code n’a pas fonctionné. Saisissez le code le plus récent.',
  },
} satisfies ManagementMessages;
