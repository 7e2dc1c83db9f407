import type { Role } from './jwt.js';
import type { PythonJson } from './python-json.js';

/**
 * What privacyIDEA 3.11 answers on a successful `POST /auth` besides the JWT: the rights and web-UI settings of the
 * recorded lab (no admin or user policies, so these are privacyIDEA's defaults). Copied verbatim from the recording
 * (§1.1, §1.4); the JWT carries the same `rights` list.
 */

/** The 145 admin rights, in the server's order. */
export const ADMIN_RIGHTS: readonly string[] = [
  'enable', 'disable', 'set', 'setdescription', 'setpin', 'setrandompin', 'settokeninfo', 'enrollpin', 'resync',
  'reset', 'revoke', 'assign', 'unassign', 'importtokens', 'delete', 'userlist', 'machinelist',
  'manage_machine_tokens', 'fetch_authentication_items', 'tokenrealms', 'tokenlist', 'getserial', 'getrandom',
  'copytokenpin', 'copytokenuser', 'losttoken', 'configwrite', 'configdelete', 'configread', 'system_documentation',
  'policywrite', 'policydelete', 'policyread', 'resolverwrite', 'resolverdelete', 'resolverread', 'caconnectorwrite',
  'caconnectordelete', 'caconnectorread', 'mresolverwrite', 'mresolverdelete', 'mresolverread', 'otp_pin_maxlength',
  'otp_pin_minlength', 'otp_pin_contents', 'otp_pin_set_random', 'auditlog', 'auditlog_age', 'hide_audit_columns',
  'auditlog_download', 'adduser', 'updateuser', 'deleteuser', 'set_hsm_password', 'getchallenges', 'smtpserver_write',
  'smtpserver_read', 'radiusserver_write', 'radiusserver_read', 'privacyideaserver_write', 'privacyideaserver_read',
  'periodictask_write', 'periodictask_read', 'statistics_read', 'statistics_delete', 'eventhandling_write',
  'eventhandling_read', 'smsgateway_write', 'smsgateway_read', 'clienttype', 'managesubscription', 'triggerchallenge',
  'set_custom_user_attributes', 'delete_custom_user_attributes', 'hide_tokeninfo', 'tokengroup_list',
  'tokengroup_add', 'tokengroup_delete', 'serviceid_list', 'serviceid_add', 'serviceid_delete', 'tokengroups',
  'container_info', 'container_state', 'container_description', 'container_create', 'container_delete',
  'container_add_token', 'container_remove_token', 'container_assign_user', 'container_unassign_user',
  'container_realms', 'container_list', 'container_register', 'container_unregister', 'container_rollover',
  'container_template_create', 'container_template_delete', 'container_template_list', 'enrollDAPLUG', 'enrollMOTP',
  'enrollSPASS', 'spass_otp_pin_maxlength', 'spass_otp_pin_minlength', 'spass_otp_pin_contents', 'enroll4EYES',
  'enrollPW', 'enrollSSHKEY', 'enrollTOTP', 'totp_timestep', 'totp_hashlib', 'totp_otplen', 'totp_2step',
  'enrollAPPLSPEC', 'enrollEMAIL', 'enrollTAN', 'enrollDAYPASSWORD', 'daypassword_timestep', 'daypassword_hashlib',
  'daypassword_otplen', 'daypassword_force_server_generate', 'enrollYUBICO', 'enrollHOTP', 'hotp_hashlib',
  'hotp_otplen', 'hotp_2step', 'enrollPUSH', 'enrollOCRA', 'enrollSMS', 'sms_gateways', 'enrollTIQR', 'enrollU2F',
  'enrollREMOTE', 'enrollPASSKEY', 'enrollWEBAUTHN', 'enrollVASCO', 'enrollINDEXEDSECRET',
  'indexedsecret_force_attribute', 'enrollPAPER', 'enrollQUESTION', 'enrollCERTIFICATE',
  'certificate_trusted_Attestation_CA_path', 'enrollRADIUS', 'enrollYUBIKEY', 'enrollREGISTRATION',
];

/** The 81 rights of a realm user, in the server's order. */
export const USER_RIGHTS: readonly string[] = [
  'assign', 'disable', 'enable', 'delete', 'unassign', 'resync', 'revoke', 'reset', 'setpin', 'setrandompin',
  'otp_pin_set_random', 'setdescription', 'enrollpin', 'otp_pin_maxlength', 'otp_pin_minlength', 'otp_pin_contents',
  'auditlog', 'auditlog_age', 'hide_audit_columns', 'userlist', 'updateuser', 'password_reset',
  'set_custom_user_attributes', 'delete_custom_user_attributes', 'hide_tokeninfo', 'container_state',
  'container_description', 'container_create', 'container_delete', 'container_add_token', 'container_remove_token',
  'container_assign_user', 'container_unassign_user', 'container_list', 'container_register', 'container_unregister',
  'container_rollover', 'container_template_create', 'container_template_delete', 'container_template_list',
  'enrollMOTP', 'enrollSPASS', 'spass_otp_pin_maxlength', 'spass_otp_pin_minlength', 'spass_otp_pin_contents',
  'enrollSSHKEY', 'enrollTOTP', 'totp_timestep', 'totp_hashlib', 'totp_otplen', 'totp_force_server_generate',
  'totp_2step', 'enrollAPPLSPEC', 'enrollEMAIL', 'enrollTAN', 'enrollDAYPASSWORD', 'daypassword_timestep',
  'daypassword_hashlib', 'daypassword_otplen', 'daypassword_force_server_generate', 'enrollYUBICO', 'enrollHOTP',
  'hotp_hashlib', 'hotp_otplen', 'hotp_force_server_generate', 'hotp_2step', 'enrollPUSH', 'enrollSMS',
  'sms_gateways', 'enrollTIQR', 'enrollU2F', 'enrollPASSKEY', 'enrollWEBAUTHN', 'enrollINDEXEDSECRET',
  'indexedsecret_force_attribute', 'enrollPAPER', 'enrollQUESTION', 'enrollCERTIFICATE',
  'certificate_trusted_Attestation_CA_path', 'enrollRADIUS', 'enrollYUBIKEY',
];

export const MENUS: Record<Role, readonly string[]> = {
  admin: ['users', 'components', 'audit', 'machines', 'tokens', 'config'],
  user: ['users', 'audit', 'tokens'],
};

/** The `/auth` answer's value (recorded key order). `rss_age` is 180 for the admin, 0 for a user (recorded). */
export function authValue(role: Role, username: string, realm: string, jwt: string): { [key: string]: PythonJson } {
  return {
    auth: true,
    log_level: 20,
    menus: [...MENUS[role]],
    realm,
    rights: [...(role === 'admin' ? ADMIN_RIGHTS : USER_RIGHTS)],
    role,
    token: jwt,
    username,
    logout_time: 120,
    audit_page_size: 10,
    token_page_size: 15,
    user_page_size: 15,
    policy_template_url: 'https://raw.githubusercontent.com/privacyidea/policy-templates/master/templates/',
    default_tokentype: 'hotp',
    default_container_type: 'generic',
    user_details: false,
    token_wizard: false,
    token_wizard_2nd: false,
    admin_dashboard: false,
    dialog_no_token: false,
    search_on_enter: false,
    timeout_action: 'lockscreen',
    token_rollover: {},
    hide_welcome: false,
    hide_buttons: false,
    deletion_confirmation: false,
    show_seed: false,
    show_node: '',
    subscription_status: 0,
    subscription_status_push: 0,
    qr_image_android: null,
    qr_image_ios: null,
    qr_image_custom: null,
    logout_redirect_url: '',
    require_description: [],
    rss_age: role === 'admin' ? 180 : 0,
    container_wizard: { enabled: false },
  };
}
