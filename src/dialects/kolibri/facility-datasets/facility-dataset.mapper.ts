import { toHexId } from '../../../core/http/ids';
import { FacilityDatasetDto } from './facility-dataset.dto';

/** The dataset columns as a JSON object, for embedding in facility queries (alias `d`). */
export const DATASET_JSON_SQL = `json_build_object('id', d.id, 'learner_can_edit_username', d.learner_can_edit_username,
  'learner_can_edit_name', d.learner_can_edit_name, 'learner_can_edit_password', d.learner_can_edit_password,
  'learner_can_sign_up', d.learner_can_sign_up, 'learner_can_delete_account', d.learner_can_delete_account,
  'learner_can_login_with_no_password', d.learner_can_login_with_no_password,
  'show_download_button_in_learn', d.show_download_button_in_learn, 'extra_fields', d.extra_fields,
  'description', d.description, 'location', d.location, 'registered', d.registered, 'preset', d.preset)`;

export function toDatasetDto(row: FacilityDatasetDto): FacilityDatasetDto {
  return {
    id: toHexId(row.id),
    learner_can_edit_username: row.learner_can_edit_username,
    learner_can_edit_name: row.learner_can_edit_name,
    learner_can_edit_password: row.learner_can_edit_password,
    learner_can_sign_up: row.learner_can_sign_up,
    learner_can_delete_account: row.learner_can_delete_account,
    learner_can_login_with_no_password: row.learner_can_login_with_no_password,
    show_download_button_in_learn: row.show_download_button_in_learn,
    extra_fields: row.extra_fields ?? {},
    description: row.description,
    location: row.location,
    registered: row.registered,
    preset: row.preset,
  };
}
