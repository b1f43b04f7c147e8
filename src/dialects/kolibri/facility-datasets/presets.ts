/** Kolibri's facility_configuration_presets.json, the seven booleans `resetsettings` restores. */
export const PRESETS = ['formal', 'nonformal', 'informal'] as const;
export type Preset = (typeof PRESETS)[number];

export interface DatasetFlags {
  learner_can_edit_username: boolean;
  learner_can_edit_name: boolean;
  learner_can_edit_password: boolean;
  learner_can_sign_up: boolean;
  learner_can_delete_account: boolean;
  learner_can_login_with_no_password: boolean;
  show_download_button_in_learn: boolean;
}

export const FLAG_NAMES: (keyof DatasetFlags)[] = [
  'learner_can_edit_username',
  'learner_can_edit_name',
  'learner_can_edit_password',
  'learner_can_sign_up',
  'learner_can_delete_account',
  'learner_can_login_with_no_password',
  'show_download_button_in_learn',
];

const OPEN: DatasetFlags = {
  learner_can_edit_username: true,
  learner_can_edit_name: true,
  learner_can_edit_password: true,
  learner_can_sign_up: true,
  learner_can_delete_account: true,
  learner_can_login_with_no_password: false,
  show_download_button_in_learn: true,
};

export const PRESET_FLAGS: Record<Preset, DatasetFlags> = {
  formal: {
    learner_can_edit_username: false,
    learner_can_edit_name: false,
    learner_can_edit_password: false,
    learner_can_sign_up: false,
    learner_can_delete_account: false,
    learner_can_login_with_no_password: true,
    show_download_button_in_learn: false,
  },
  nonformal: OPEN,
  // Issue 3 fixes informal = nonformal's values. (Kolibri's own presets file turns sign-up off for
  // informal; the explicit values win, see src/dialects/kolibri/README.md.)
  informal: OPEN,
};

export function isPreset(value: unknown): value is Preset {
  return typeof value === 'string' && (PRESETS as readonly string[]).includes(value);
}
