import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { KolibriCollection } from '../common/collection.entity';

/** A facility's settings (Kolibri's FacilityDataset), one per facility. */
@Entity('kolibri_facility_dataset')
@Check('CHK_kolibri_dataset_password', 'NOT (learner_can_login_with_no_password AND learner_can_edit_password)')
export class KolibriFacilityDataset {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('UQ_kolibri_dataset_facility', { unique: true })
  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId: string;

  @ManyToOne(() => KolibriCollection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'facility_id' })
  facility?: KolibriCollection;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Column({ name: 'learner_can_edit_username', type: 'boolean', default: true })
  learnerCanEditUsername: boolean;

  @Column({ name: 'learner_can_edit_name', type: 'boolean', default: true })
  learnerCanEditName: boolean;

  @Column({ name: 'learner_can_edit_password', type: 'boolean', default: true })
  learnerCanEditPassword: boolean;

  @Column({ name: 'learner_can_sign_up', type: 'boolean', default: true })
  learnerCanSignUp: boolean;

  @Column({ name: 'learner_can_delete_account', type: 'boolean', default: true })
  learnerCanDeleteAccount: boolean;

  @Column({ name: 'learner_can_login_with_no_password', type: 'boolean', default: false })
  learnerCanLoginWithNoPassword: boolean;

  @Column({ name: 'show_download_button_in_learn', type: 'boolean', default: true })
  showDownloadButtonInLearn: boolean;

  @Column({ name: 'extra_fields', type: 'jsonb', default: () => "'{}'" })
  extraFields: Record<string, unknown>;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text', default: '' })
  location: string;

  @Column({ type: 'boolean', default: false })
  registered: boolean;

  @Column({ type: 'text', default: 'nonformal' })
  preset: string;
}
