import type { ManagementMessages } from './en';

// Español: la lista de métodos de inicio de sesión y sus pantallas. A list entry is a «método» (masculine).
export default {
  methods: {
    heading: 'Sus métodos de inicio de sesión',
    intro: 'Con ellos confirma su inicio de sesión. Cámbieles el nombre para reconocerlos y elimine los que ya no use.',
    add: 'Añadir otro método',
    rename: 'Cambiar el nombre',
    remove: 'Eliminar',
    replace: 'Sustituir (teléfono perdido)',
    newRecoveryCodes: 'Crear un juego nuevo',
    newRecoveryCodesHint: 'Los códigos anteriores siguen funcionando hasta que confirme el juego nuevo.',
    added: 'Añadido el {date}',
    lastUsed: 'Último uso: {date}',
    neverUsed: 'Aún sin usar',
    inactive: 'Desactivado',
    readOnly: 'Gestionado por su organización: no se puede cambiar aquí.',
    types: {
      totp: 'Aplicación de autenticación',
      hotp: 'Generador de códigos',
      webauthn: 'Llave de seguridad o llave de acceso',
      other: 'Otro método ({type})',
    },
    renamed: 'Nombre cambiado a «{description}».',
    removed: 'Se ha eliminado «{description}».',
    loadFailed: 'No se han podido cargar sus métodos de inicio de sesión.',
  },
  renameMethod: {
    heading: 'Cambiar el nombre de «{description}»',
    label: 'Nombre del dispositivo',
    submit: 'Guardar el nombre',
  },
  removeMethod: {
    heading: '¿Eliminar «{description}»?',
    body: 'Ya no podrá confirmar su inicio de sesión con él. Elimine también su entrada de la aplicación.',
    lastWarning:
      'Es su último método de inicio de sesión. Sin ninguno, es posible que no pueda iniciar sesión hasta que configure uno nuevo.',
    confirm: 'Sí, eliminarlo',
    dismiss: 'Conservarlo',
  },
  replaceMethod: {
    heading: '¿Sustituir «{description}»?',
    body: 'Configure la aplicación de autenticación en su nuevo teléfono. «{description}» se eliminará en cuanto el nuevo funcione.',
    confirm: 'Configurar el nuevo teléfono',
  },
  stepUp: {
    heading: 'Confirme su identidad',
    intro: 'Introduzca un código de uno de estos métodos de inicio de sesión: {methods}.',
    label: 'Código',
    submit: 'Confirmar',
    wrong: 'Ese código no ha funcionado. Introduzca el código más reciente.',
  },
} satisfies ManagementMessages;
