/** Policy subjects of the Kolibri dialect; their loaders are in subject-loaders.ts, their rules in kolibri.rules.ts. */
export const KOLIBRI_SUBJECTS = ['Facility', 'FacilityDataset', 'Classroom', 'LearnerGroup', 'FacilityUser', 'Membership', 'Role'] as const;
export type KolibriSubject = (typeof KOLIBRI_SUBJECTS)[number];

declare module '../../../core/policy/app-ability' {
  interface PolicySubjects extends Record<KolibriSubject, true> {}
}
