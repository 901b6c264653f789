-- A leadership correction of the decision can change what a plan recorded under it rests on: the sanction (the
-- execution of the old sanction, its programme and certificate) or the recovery period (the recovery plan). The plan is
-- then flagged, never silently kept as if made under the corrected decision: review_since is when the decision was
-- corrected after the plan was recorded; saving the plan again (reviewed) empties it. While it is set the case cannot be
-- closed as resolved. A time only, no personal data.
alter table case_sanction_execution add column review_since timestamptz;
alter table case_recovery_plan add column review_since timestamptz;
